# Fifth review (2026-12-05, session 12): the pairs the system joined
# against the gold once the pieces of one document quoted in one article
# are one utterance (a letter, a memo, a lawsuit: the same document noun
# as source), a quote standing alone with no speaker goes on from the
# piece and cue just before it, and a speaker's next paragraph goes on
# when only the first piece's cue stands between, were read in the
# articles. Two spans that the gold had alone are pieces of a document
# whose other pieces it holds as one utterance (case (d) of review3.py).
# Reads and rewrites ../basil-dev-utterances.gold.jsonl in place (run
# from this folder); running it twice changes nothing.
import json, os

GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'basil-dev-utterances.gold.jsonl')

# Each group is one utterance; the reason names the document.
MERGE = [
    (['u186', 'u196'], 'White House counsel Bauer\'s memo (Fox: "the report, by White House Counsel Robert '
     'Bauer, concluded that" and, of the pieces u186 holds, "the report read"): one written text (d)'),
    (['u614', 'u621'], 'the lawsuit of Nebraska and Oklahoma (NYT: "the lawsuit says", the article\'s one '
     'lawsuit, whose other pieces u614 holds: "the suit says", "the lawsuit says"): one written text (d)'),
]

rows = [json.loads(l) for l in open(GOLD)]
to = {}
def find(u):
    while to.get(u, u) != u:
        u = to[u]
    return u
for group, _ in MERGE:
    roots = sorted({find(u) for u in group})
    for r in roots[1:]:
        to[r] = roots[0]
for r in rows:
    r['cluster'] = find(r['cluster'])
with open(GOLD, 'w') as f:
    for r in rows:
        f.write(json.dumps(r) + '\n')
