# Third review (2026-12-05, session 10): pieces of one act of speech quoted
# apart in the same article. Reads and rewrites
# ../basil-dev-utterances.gold.jsonl in place (run from this folder);
# running it twice changes nothing. See the README beside the gold file.
#
# Every two gold spans next to each other in an article (nothing listed
# between them) in different utterances and under 300 characters apart
# (443 pairs, listed by adjacent spans, not by what the system did) were
# read in the article, and so were the spans of one utterance whose words
# between hold a line break or are over 40 characters (98 pairs) and the
# pairs the system joined against the gold. The test is the issue's: an
# utterance is one act of speech. Two pieces are one utterance when the
# article gives them as one unbroken stretch of the speaker's words:
#   (a) split only by the cue: "A," X said (with X's title or the
#       occasion: "said in a statement", "told Fox News"). "B";
#   (b) the next paragraph goes on with a continuation cue (he added,
#       continued, went on, concluded, "The letter goes on:") or none;
#   (c) consecutive paragraphs of the one speaker with only that
#       speaker's plain cues between ("A," Trump said. / "B," he said.);
#   (d) pieces of one short written text quoted in several places: a
#       letter, an e-mail, a post, a cable, a written statement, a suit;
#   (e) in one paragraph, the quote carried on through the cue in the
#       speaker's own words paraphrased ("Trump said, arguing that Obama
#       has spent $2 million in legal fees 'to get away from this
#       issue.'").
# They stay apart when anything else comes between: the reporter's
# narrative or background, a paraphrase across a paragraph break, a
# question (from a host, a reporter, a senator), another speaker, or a
# new occasion ("Later", "On Thursday", "In a statement released
# Tuesday", "Asked on CNN"). Passages of one speech with narrative between
# stay apart unless some outlet quotes them as one passage. Names of
# slogans, policies and headlines are no one's utterance here.
import json, os

GOLD = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'basil-dev-utterances.gold.jsonl')

# Spans moved out of their utterance into a new one first: (new id,
# file, starts, reason). Each was a change of speaker inside one gold
# utterance (an exchange read as one remark).
SPLIT = [
    ('u072g', '1bb79cc1-5d69-4136-a23d-6dbd300cbf25_3.txt', [3451], 'Graham\'s question between Gen. Dempsey\'s answers'),
    ('u072d', '1bb79cc1-5d69-4136-a23d-6dbd300cbf25_3.txt', [3522], 'Dempsey\'s second answer, after Graham\'s question'),
    ('u091s', '2058ec60-5372-4f5f-83a3-da780be3a350_1.txt', [6754], 'Sellers\' reply to Justice Alito\'s question'),
    ('u585r', 'b5eefefb-2a33-45de-abe1-f855c94165f4_1.txt', [4731], 'Ryan\'s retort ("Ryan shot back:") to Biden'),
    ('u604r', 'b5eefefb-2a33-45de-abe1-f855c94165f4_3.txt', [2363], 'Ryan\'s line ("Mr. Ryan said stiffly") before Biden\'s reply'),
    ('u718g', 'df5fe55a-dfcb-4817-8631-830f47c21a72_3.txt', [4051], 'Gibbs ("Added Gibbs:") after Axelrod'),
    ('u728b', 'ed8c136f-8d44-4c83-ad05-0dcfc3a0c54a_1.txt', [3977], 'Rev. Hopping, after Townsend-Saunders'),
]

# Each group is one utterance; the reason names the act of speech and the
# case above.
MERGE = [
    (['u000', 'u001'], 'Seel, "said the legislator" (a)'),
    (['u006', 'u007'], 'Trump, "Trump said, arguing that Obama has spent $2 million" (e)'),
    (['u012', 'u013', 'u022'], 'Trump on Libya: "saying" / next paragraph (b); "Trump said. He said Obama" (e)'),
    (['u016', 'u017'], 'Trump, "said Trump in an interview on NBC\'s Today show" (a)'),
    (['u010', 'u020'], 'Trump, "he said." / next paragraph, "Trump said" (c)'),
    (['u026', 'u027'], 'DNC statement, "a statement from the Democratic committee said" (a)'),
    (['u032', 'u033'], 'Akin on the radio, "he said" / "Akin continued" (b)'),
    (['u035', 'u036'], 'Akin, "said Akin said of pregnancies caused by rape" (a)'),
    (['u048', 'u049'], 'Mary Cheney\'s Facebook post, "concluded her Facebook post" (b, d)'),
    (['u053', 'u054'], 'Petraeus e-mail, "adding that" / "Mr. Petraeus wrote" (d)'),
    (['u067', 'u068', 'u069'], 'the Benghazi cable: "The cable also warned ... It said", "it said" (d)'),
    (['u070', 'u071', 'u493'], 'Clinton\'s answer to Rep. McCaul at the January hearing, split by "Clinton testified" (a); '
     'the hearing\'s own article quotes the same answer'),
    (['u077', 'u078', 'u096'], 'Scalia, "he told the plaintiffs\' lawyer" (a); "Scalia asked. Either individual managers are on their own," (e)'),
    (['u079', 'u080'], 'Sellers, "Managers, he went on," (b)'),
    (['u082', 'u083'], 'Boutrous, "He added that" (b)'),
    (['u109', 'u100'], 'Obama, "Obama said." / "Obama continued" (b)'),
    (['u119', 'u120'], 'Reese, "said Jesuit Father Thomas J. Reese" (a)'),
    (['u124', 'u125', 'u127', 'u130', 'u131', 'u134', 'u135'], 'the Georgetown faculty letter to Ryan (d)'),
    (['u138', 'u139', 'u140', 'u141'], 'Steele\'s speech in Connecticut: paragraphs with only his cues between (b, c)'),
    (['u143', 'u145'], 'Kristol\'s letter, "He added" (b, d)'),
    (['u142', 'u148'], 'Steele\'s statement, "He added, with a reference to Gen. David H. Petraeus:" (b)'),
    (['u163', 'u164'], 'Lanhee Chen (a)'),
    (['u170', 'u171'], 'LaBolt\'s e-mail (a)'),
    (['u175', 'u176'], 'Ryan on Fox News, one paragraph: "he said ... he also claimed the" (e)'),
    (['u186', 'u187', 'u188'], 'Bauer\'s memo, the White House report: "said in a memo", "Mr. Bauer went on to say" (a, b, d)'),
    (['u198', 'u199', 'u200'], 'Issa: "said Rep. Darrell Issa" / next paragraph (c); "Issa said, adding that" (e)'),
    (['u213', 'u214'], 'Chauncy Fields (a)'),
    (['u215', 'u216'], 'Chris Johnson (a)'),
    (['u219', 'u220'], 'Minor\'s statement (a)'),
    (['u222', 'u223'], 'Maynard\'s statement (a)'),
    (['u225', 'u226'], 'Clyburn, one sentence (e)'),
    (['u228', 'u229'], 'Gingrich on Fox and Friends (a)'),
    (['u232', 'u233'], 'Walsh\'s written statement (c, d)'),
    (['u240', 'u241'], 'Rep. Mike Thompson (a)'),
    (['u245', 'u246'], 'Bennett (a)'),
    (['u257', 'u258'], 'the NRA (a)'),
    (['u259', 'u260'], 'a senior administration official (a)'),
    (['u261', 'u262'], 'a senior administration official (a)'),
    (['u269', 'u270'], 'O\'Neill (c)'),
    (['u285', 'u286'], 'Rother (a)'),
    (['u300', 'u301'], 'Lew (a)'),
    (['u303', 'u304'], 'Doug Cole (c)'),
    (['u305', 'u306'], 'Gallardo (a)'),
    (['u311', 'u312'], 'the three senators\' letter, "adding that the matter was" (d, e)'),
    (['u319', 'u320', 'u331'], 'Gibbs on This Week: "adding that it reflected the" (e); "Gibbs said." / next paragraph (c); '
     '"comments like Santorum\'s show that" (e)'),
    (['u326', 'u327', 'u335'], 'Santorum\'s answer on Face the Nation: "Santorum said." / next paragraph (c); "suggesting that" (e)'),
    (['u332', 'u330'], 'Santorum to Schieffer, "denying what some have said" (e)'),
    (['u341', 'u342', 'u343'], 'Hutchinson, "He added that the report found that" (e)'),
    (['u353', 'u354'], 'Rep. Mike Thompson (a)'),
    (['u356', 'u357'], 'Mattioli (a)'),
    (['u369', 'u365'], 'Jon Thompson (a)'),
    (['u375', 'u376'], 'Burgiss (a)'),
    (['u387', 'u378'], 'Beck, "he declared at one point" (a)'),
    (['u390', 'u391'], 'Griffin, "He added" (b)'),
    (['u394', 'u395'], 'Kirsner\'s e-mail (a)'),
    (['u398', 'u399'], 'Steele\'s e-mail message (a, d)'),
    (['u408', 'u409'], 'Gowdy (a)'),
    (['u419', 'u420'], 'the letter from Lerner\'s lawyer (d)'),
    (['u422', 'u423'], 'Ahmad\'s statement (a)'),
    (['u437', 'u438'], 'Romney to a CBS affiliate in Denver (a)'),
    (['u460', 'u464'], 'Trump\'s written statement, "Trump went on to praise" (b, d)'),
    (['u466', 'u467'], 'Jealous, "He added:" (b)'),
    (['u470', 'u471'], 'the NAACP resolution as first drafted (d)'),
    (['u479', 'u480'], 'Palin\'s statement (d, e)'),
    (['u482', 'u483'], 'Jealous (c)'),
    (['u486', 'u487'], 'Russell (a)'),
    (['u496', 'u497'], 'Rand Paul, "He claimed that" (e)'),
    (['u498', 'u499'], 'Clinton to Sen. Risch (a)'),
    (['u501', 'u502'], 'Clinton\'s opening statement (a)'),
    (['u504', 'u505'], 'Clinton to the Senate committee (a)'),
    (['u506', 'u507'], 'Clinton, "Mrs. Clinton said, her voice rising" (a)'),
    (['u515', 'u516'], 'Goodlatte, "He added:" (a, b)'),
    (['u523', 'u524'], 'Jesse Jackson Jr. on the floor (c)'),
    (['u537', 'u538'], 'Clapper, one sentence (e)'),
    (['u545', 'u546'], 'Obama in San Jose (a)'),
    (['u555', 'u556'], 'Sullivan\'s statement (a)'),
    (['u562', 'u558'], 'the Republican senators\' letter, "The letter goes on:" (b, d)'),
    (['u563', 'u560'], 'Manley\'s e-mail (a)'),
    (['u564', 'u565'], 'Reid on the Senate floor (a)'),
    (['u572', 'u573'], 'Jeri Thompson (a)'),
    (['u581', 'u582'], 'Biden, "He added:" (b)'),
    (['u599', 'u600'], 'Messina (a)'),
    (['u606', 'u607'], 'Bruning (a)'),
    (['u610', 'u611'], 'Kamin (a)'),
    (['u614', 'u615', 'u616', 'u620', 'u622', 'u623'], 'the suit of Nebraska and Oklahoma (d)'),
    (['u617', 'u618'], 'Sheriff Hayward (e)'),
    (['u624', 'u625'], 'Bruning\'s statement (a)'),
    (['u632', 'u633'], 'Weiner (a)'),
    (['u635', 'u636'], 'Weiner, "adding that" (a, e)'),
    (['u639', 'u640'], 'Weiner (a)'),
    (['u643', 'u644', 'u648'], 'Weiner to reporters on Capitol Hill (a, b)'),
    (['u650', 'u651', 'u654'], 'Labrador\'s statement (a)'),
    (['u655', 'u656'], 'Gohmert (a)'),
    (['u660', 'u661'], 'Amash (a)'),
    (['u665', 'u666'], 'Cole (a)'),
    (['u676', 'u677'], 'McCarthy, "He added later," (b)'),
    (['u678', 'u679'], 'Bloomberg, "But, he added," (e)'),
    (['u680', 'u681'], 'Harris (a)'),
    (['u701', 'u702'], 'Obama, "saying that" / next paragraph (b)'),
    (['u708', 'u709'], 'Barney Frank (a)'),
    (['u714', 'u715'], 'Pelosi, "She called the estate tax provision" (e)'),
    (['u710', 'u711'], 'Summers at the briefing: another outlet quotes the same remark with its words changed'),
    (['u719', 'u720'], 'Holder, one paragraph (e)'),
    (['u723', 'u724'], 'Holder (c)'),
    (['u728b', 'u729'], 'Rev. Hopping (a)'),
    (['u739', 'u740'], 'Holder\'s op-ed (a)'),
    (['u745', 'u746'], 'Brat (a)'),
    (['u752', 'u753'], 'Davis (a)'),
    (['u761', 'u762'], 'Boehner on Fox, "Expanding on tough races, Boehner said" (b)'),
    (['u766', 'u767'], 'Jesse Jackson Jr., one sentence (e)'),
    (['u769', 'u770'], 'Jesse Jackson Jr. at the plea hearing (a)'),
    (['u056', 'u064'], 'Buck\'s statement: the other outlet quotes it whole'),
    (['u426', 'u433'], 'Blumenthal at the 2003 rally, quoted twice in one article'),
]

rows = [json.loads(l) for l in open(GOLD)]
for new, name, starts, _ in SPLIT:
    for r in rows:
        if r['file'] == name and r['start'] in starts:
            r['cluster'] = new
to = {}
for group, _ in MERGE:
    for u in group:
        # union by the smallest id of any group the id is in
        to.setdefault(u, u)
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
