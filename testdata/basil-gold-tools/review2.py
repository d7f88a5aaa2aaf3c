# Second review (2026-12-04, session 5): merges utterances that build.py
# kept apart although they are one act of speech. Reads and rewrites
# ../basil-dev-utterances.gold.jsonl in place (run from this folder);
# running it twice changes nothing. See the README beside the gold file.
import json, os

GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'basil-dev-utterances.gold.jsonl')

# Each group is one utterance; the reason says what act of speech it is.
MERGE = [
    # build.py joined pieces split by their cue (gap under 40 characters,
    # README step 5) only among the quotes outside the proposals; the same
    # rule applied to proposal quotes, read one by one: the words between
    # are a cue in the same sentence ('" Perry said in a statement. "'),
    # no line break, no change of speaker.
    (['u024', 'u029'], 'Romney statement (one quote in the second article)'),
    (['u038', 'u039'], 'Perry statement, "Perry said in a statement"'),
    (['u037', 'u041'], 'Arpaio statement, "Arpaio said in a statement"'),
    (['u046', 'u047'], 'Liz Cheney statement, "Liz Cheney said in a statement"'),
    (['u045', 'u052'], 'Dick Cheney remark, "the former vice president said"'),
    (['u064', 'u065'], 'Buck statement, "said Buck"'),
    (['u113', 'u114'], 'Braley written apology, "Braley wrote"'),
    (['u122', 'u123'], 'Reese remark, "said Father Reese"'),
    (['u127', 'u128'], 'the letter, "the letter states"'),
    (['u143', 'u144'], 'Kristol letter, "Mr. Kristol wrote Friday. He added"'),
    (['u142', 'u147'], 'Steele remark, "Mr. Steele said"'),
    (['u155', 'u156'], 'one advertisement, "the advertisement says"'),
    (['u157', 'u158'], 'one remark, "The savings, she said"'),
    (['u159', 'u160'], 'Ryan remark, "he said"'),
    (['u172', 'u173'], 'Ryan remark, "Ryan said"'),
    (['u193', 'u194'], 'Sestak statement, "Mr. Sestak said"'),
    (['u277', 'u278'], 'Certner remark, "he said"'),
    (['u280', 'u281'], 'Cowan statement, "Cowan said"'),
    (['u317', 'u318', 'u333'], 'Santorum speech passage, "he said" / "Santorum said"'),
    (['u339', 'u320'], 'Gibbs remark, "he added"'),
    (['u346', 'u347'], 'one statement, "adding that the findings"'),
    (['u358', 'u341'], 'Hutchinson remark, "he said"'),
    (['u366', 'u367'], 'Etheridge statement, "said in a statement"'),
    (['u371', 'u372'], 'Woodhouse remark, "Woodhouse said"'),
    (['u450', 'u451'], 'Lauten apology, "she said"'),
    (['u558', 'u559'], 'the senators\' letter, "they wrote"'),
    (['u612', 'u613'], 'Vicente remark, "Vicente said"'),
    (['u629', 'u630'], 'Tvert remark, "Tvert said to HuffPost"'),
    (['u702', 'u703'], 'Obama remark, "Mr. Obama said"'),
    (['u724', 'u725'], 'Holder speech, "Holder added"'),
    (['u731', 'u732'], 'Holder remark, "Holder said"'),
    (['u762', 'u763'], 'Boehner answer, "he said" / "He went on"'),
    # One written post or statement quoted in pieces by the outlets.
    (['u448', 'u452', 'u456', 'u457'], 'Lauten\'s Facebook post: "a spot at the bar" and '
     '"At least respect the part you play" and the "good role model" lines are from it'),
    (['u460', 'u461', 'u465'], 'Trump\'s written statement withdrawing as moderator '
     '(the second article quotes it whole)'),
]

# Spans moved out of their utterance into a new one: (new id, file
# prefix, starts, reason).
SPLIT = [
    ('u493b', '9879bbc0', [3846, 3906], 'Rep. McCaul\'s reply to Clinton at the hearing, '
     'not Clinton\'s answer: two speakers are two utterances'),
]

rows = [json.loads(l) for l in open(GOLD)]
for new, prefix, starts, _ in SPLIT:
    for r in rows:
        if r['file'].startswith(prefix) and r['start'] in starts:
            r['cluster'] = new
to = {}
for group, _ in MERGE:
    for u in group:
        to[u] = min(group)
# A group may touch another group: follow to the smallest id.
def find(u):
    while to.get(u, u) != u:
        u = to[u]
    return u
for r in rows:
    r['cluster'] = find(r['cluster'])
with open(GOLD, 'w') as f:
    for r in rows:
        f.write(json.dumps(r) + '\n')
print(len(rows), 'spans', len({r['cluster'] for r in rows}), 'utterances')
