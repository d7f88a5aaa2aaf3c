# Fifth review (2026-12-05, session 12): the pairs the system joined
# against the gold once the pieces of one document quoted in one article
# are one utterance (a letter, a memo, a lawsuit: the same document noun
# as source), a quote standing alone with no speaker goes on from the
# piece and cue just before it, and a speaker's next paragraph goes on
# when only the first piece's cue stands between, were read in the
# articles. Two spans that the gold had alone are pieces of a document
# whose other pieces it holds as one utterance (case (d) of review3.py);
# seven spans that are the reporter's words between two quotes, not
# quoted words, are dropped; five utterances that held two speakers
# (two companies' statements, a report and a coalition's head, a
# question at a hearing and its answer, a magazine's estimate and the
# Speaker, the Majority Leader and a staffer) are split.
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

# Spans that are not quoted words: step 1 paired a closing quote mark
# with the next opening one, so the span is the reporter's words between
# two quotes (each one read in its article; the text is outside every
# quote mark there).
DROP = [
    ('526cabb7-02a3-4adb-8e90-ec781c40c498_3.txt', 1956, 2025, 'said the president, speaking about his full set of recommendations.'),
    ('526cabb7-02a3-4adb-8e90-ec781c40c498_3.txt', 2772, 2851, 'said Josh Horowitz, executive director of the Coalition to Stop Gun Violence.'),
    ('65cb14cb-2d27-41e5-a2be-6fd6314f4363_2.txt', 2339, 2362, 'he was referring to a'),
    ('97b1305c-13ca-4b74-a56a-f459bd79dfaf_2.txt', 1810, 1860, 'he said. Dennis accused the NAACP of playing the'),
    ('97b1305c-13ca-4b74-a56a-f459bd79dfaf_2.txt', 1871, 1900, 'and called the organization'),
    ('97b1305c-13ca-4b74-a56a-f459bd79dfaf_2.txt', 2700, 2732, 'It said something could evolve'),
    ('d3a1ce0a-fc48-4827-a278-8f0ce8c7a519_2.txt', 549, 572, 'Murray said of Cowan.'),
]

# Spans moved out of an utterance that held two speakers, into one of
# their own (file, start, new utterance, reason).
SPLIT = [
    ('a4f1d515-d7d9-4319-b2e0-4d56e9d45554_3.txt', 5646, 'u555f', 'Facebook\'s chief security officer Joe '
     'Sullivan, "said in a statement", after the Google spokesperson\'s two pieces: another company, another speaker'),
    ('a4f1d515-d7d9-4319-b2e0-4d56e9d45554_3.txt', 5802, 'u555f', 'the rest of Sullivan\'s statement'),
    ('576116e5-2b18-4d35-be73-36f5863c9468_1.txt', 4477, 'u283a', 'Nancy Altman of Strengthen Social Security, '
     'after a piece of the Congressional Research Service report ("said the report."): another speaker'),
    ('84678e18-0b79-4570-9c9f-cb1cf88d968e_1.txt', 1327, 'u403a', 'Lerner\'s answer ("She said: ") to Rep. '
     'Crowley\'s question: another speaker'),
    ('a28a0329-0887-42dc-bd3d-3bb4f8926757_2.txt', 2743, 'u520a', 'Speaker Boehner to the Post, after Peter '
     'Keating\'s estimate in Vanity Fair: another speaker'),
    ('ae243a95-b2c2-410c-9e2b-b083b4b8eb48_3.txt', 1506, 'u564a', '"said the Democratic staffer", after Reid\'s '
     'two pieces on the Senate floor: another speaker'),
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
drop = {(f, a, b) for f, a, b, _ in DROP}
rows = [r for r in rows if (r['file'], r['start'], r['end']) not in drop]
for r in rows:
    r['cluster'] = find(r['cluster'])
    for f, start, u, _ in SPLIT:
        if (r['file'], r['start']) == (f, start):
            r['cluster'] = u
with open(GOLD, 'w') as f:
    for r in rows:
        f.write(json.dumps(r) + '\n')
