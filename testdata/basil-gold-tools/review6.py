# Sixth review (2026-12-05, session 13): gold spans that hold the
# reporter's words. Step 1 (cand.py) paired a quote mark of one style with
# one of the other style (a straight opening mark with a typographic
# closing one, or a closing mark with the next closing one), so seven
# spans ran over the cue between two quotes of one speaker:
# "A,” Netanyahu says. “B" was one span, and " she said. “B" another (its
# first piece, "A," left out). Each was read in its article: every one is
# one speaker's two quoted pieces split only by the cue (case (a) of
# review3.py), so the span is replaced by its two pieces, both in the
# span's utterance. No utterance changes; the cue is no longer counted as
# quoted words, and a piece that the extractor finds on its own can now
# be matched to it (a span covered less than half by one piece counted as
# not found).
# Reads and rewrites ../basil-dev-utterances.gold.jsonl in place (run
# from this folder); running it twice changes nothing.
import hashlib, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, '..', 'basil-dev-utterances.gold.jsonl')
TEXT = os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'basil', 'dev', 'text')

# (file, old start, old end, [(start, end) of each piece], reason)
REPLACE = [
    ('11c9f251-35c8-4452-b052-df9be61464c6_3.txt', 932, 1112, [(878, 931), (944, 1112)],
     'Liz Cheney\'s statement: "I am strongly pro-life ... marriage," she said. "I believe ..." '
     '(the span began at the first piece\'s closing mark and held " she said.")'),
    ('1bb79cc1-5d69-4136-a23d-6dbd300cbf25_2.txt', 5521, 6441, [(5521, 5873), (5890, 6441)],
     'Schultz: "Despite the fact ... releasing these e-mails," Schultz said. "You can now see ..."'),
    ('29ffd053-7684-469b-a600-97000579bd01_2.txt', 2347, 2735, [(2347, 2544), (2570, 2735)],
     'a Ryan spokesman: "Chairman Ryan remains grateful ... the worst," a Ryan spokesman said. '
     '"He looks forward ..."'),
    ('8dc7ccfe-5cf0-482f-9101-a7c69881da4d_3.txt', 1862, 2091, [(1716, 1861), (1877, 2091)],
     'Romney\'s answer: "I believe that, based upon the interview ... than I am," Romney said. '
     '"I just saw the reports ..." (the span began at the first piece\'s closing mark)'),
    ('b4dbeda7-a1f3-4711-ae77-db23809d1ed2_2.txt', 714, 910, [(714, 800), (819, 910)],
     'the ad\'s Netanyahu: "The fact is ... a nuclear bomb," Netanyahu says. "The world tells Israel ..."'),
    ('b4dbeda7-a1f3-4711-ae77-db23809d1ed2_2.txt', 2150, 2673, [(2150, 2348), (2439, 2673)],
     'Matt Brooks\'s written statement: "This ad highlights ... toward Israel," the coalition\'s '
     'executive director, Matt Brooks, said in a written statement Wednesday. "These ads, ..."'),
    ('b764f81f-6d08-4d7c-b1a8-8961bed0a455_3.txt', 783, 1229, [(783, 935), (952, 1229)],
     'Suthers\'s statement: "Because neighboring states ... this action," Suthers said. "However, ..."'),
]


def sha(f, a, b):
    with open(os.path.join(TEXT, f), encoding='utf-8') as fh:
        t = fh.read()
    return hashlib.sha1(t[a:b].encode('utf-8')).hexdigest()[:8]


rows = [json.loads(l) for l in open(GOLD)]
out = []
for r in rows:
    rep = [x for x in REPLACE if (x[0], x[1], x[2]) == (r['file'], r['start'], r['end'])]
    if not rep:
        out.append(r)
        continue
    for a, b in rep[0][3]:
        out.append({'cluster': r['cluster'], 'file': r['file'], 'start': a, 'end': b, 'sha1': sha(r['file'], a, b)})
# No piece overlaps another span of the gold.
by = {}
for r in out:
    by.setdefault(r['file'], []).append((r['start'], r['end']))
for f, ss in by.items():
    ss.sort()
    for (a, b), (c, d) in zip(ss, ss[1:]):
        assert b <= c, (f, a, b, c, d)
with open(GOLD, 'w') as f:
    for r in out:
        f.write(json.dumps(r) + '\n')
