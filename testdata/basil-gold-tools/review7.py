# Seventh review (2026-12-05, session 13): quoted spans the gold lacked.
# Step 1 (cand.py) paired quote marks across a whole article, so an odd
# mark or a mark of the other style shifted every pair after it, and the
# spans it then took crossed paragraphs and were dropped: 92 quoted spans
# of four words or more in BASIL dev were in no utterance. They were found
# by pairing quote marks within each paragraph (an opening mark after a
# space, a bracket, a dash or a colon) and keeping the spans no gold span
# overlaps; each was read in its article. Added here are those that are
# part of an act of speech the gold holds (a piece of the same statement,
# the same remark quoted by another outlet, a piece split from it by its
# cue (case (a) of review3.py), the next paragraph going on with a plain
# or continuation cue (b, c), a piece of the same written text (d)), and
# pairs of the new spans that are one act of speech between them. Left
# out, as the spans step 4 could not decide were: mottos and policy names
# ("In God We Trust", "don't ask, don't tell"), a quote inside a quoted
# letter, a span holding the reporter's words, and spans that would be an
# utterance of their own (a blog post quoted once, a reply to another
# speaker, a remark with the reporter's narrative before the speaker's
# next quote), which add no pair. Not decided, so left out: Romney's
# words in Oklahoma (8dc7ccfe_2 312-457) and on partnership benefits
# (8dc7ccfe_2 1710-1898) as a second outlet has them, and three pieces of
# the DNI's statement (a4f1d515_3 1294-1493, 1565-1664, 1702-1975).
# One utterance held two speakers and is split: u045 joined Mary
# Cheney's Facebook post of 2013 ("Freedom means freedom for everyone.
# That means that all families ...") with her father's remark of 2009
# ("I think that freedom means freedom for everyone," the former vice
# president said); the NYT says she "echoed some of his language" (the
# second review's merge of u052 into u045 read them as one).
# Reads and rewrites ../basil-dev-utterances.gold.jsonl in place (run
# from this folder); running it twice changes nothing.
import hashlib, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, '..', 'basil-dev-utterances.gold.jsonl')
TEXT = os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'basil', 'dev', 'text')

# (file, start, end, utterance), each read in its article; r7a-r7e are
# new utterances of two new spans each.
ADD = [
    ('6f95dcb9-e960-45ac-8c0e-91b85724c909_2.txt', 1873, 1905, 'u384'),  # Beck: "Who can guarantee you happiness?" he asked. "Tiger Woods ..." (a)
    ('6f95dcb9-e960-45ac-8c0e-91b85724c909_3.txt', 2248, 2353, 'u379'),  # Beck's "Hello, my name is the Republican Party ..." as Fox quotes it
    ('6f95dcb9-e960-45ac-8c0e-91b85724c909_3.txt', 3186, 3419, 'u373'),  # Beck's "big tent ... America is not a clown show" as the NYT quotes it
    ('85475456-f38e-4c30-895d-ca2c819c6af1_3.txt', 1811, 1867, 'r7a'),  # Rennie's blog post: "stating that ... was 'fed to the paper ...'"
    ('85475456-f38e-4c30-895d-ca2c819c6af1_3.txt', 2019, 2411, 'r7a'),  # ... "Rennie wrote:" the same post (d)
    ('97b1305c-13ca-4b74-a56a-f459bd79dfaf_2.txt', 1067, 1268, 'u472'),  # Jealous's written statement, its next paragraph (c, d)
    ('97b1305c-13ca-4b74-a56a-f459bd79dfaf_2.txt', 1660, 1678, 'r7b'),  # Phillip Dennis said "there was no proof" ...
    ('97b1305c-13ca-4b74-a56a-f459bd79dfaf_2.txt', 1763, 1809, 'r7b'),  # ... next paragraph: "We don't care about the pigment ...," he said (c)
    ('97b1305c-13ca-4b74-a56a-f459bd79dfaf_2.txt', 2220, 2339, 'u477'),  # the NAACP resolution's final version, as Fox quotes it
    ('97b1305c-13ca-4b74-a56a-f459bd79dfaf_2.txt', 2585, 2699, 'u481'),  # the original resolution, as HuffPost quotes it
    ('97b1305c-13ca-4b74-a56a-f459bd79dfaf_2.txt', 2733, 2855, 'u481'),  # its next piece ("It said something could evolve")
    ('97b1305c-13ca-4b74-a56a-f459bd79dfaf_2.txt', 3709, 3854, 'u475'),  # the tea party leader's post, "he wrote", the paragraph before u475's (d)
    ('005a2961-0c2e-4575-8eec-770ba52a08e0_2.txt', 3415, 3547, 'u023'),  # Trump's "I love this country ... elected president" as the other outlet quotes it
    ('005a2961-0c2e-4575-8eec-770ba52a08e0_2.txt', 3647, 3773, 'u012'),  # Trump's "nobody knows what's happening ..." as the other outlet quotes it
    ('576116e5-2b18-4d35-be73-36f5863c9468_2.txt', 4156, 4188, 'u291'),  # Rother: "We have such a broad membership, Mr. Rother said. "I'm sure ..." (a; the article lacks the closing mark)
    ('c21cb217-3e2c-49bd-884d-5c74a165ef10_3.txt', 556, 571, 'u647'),  # Weiner: "It was a prank," Weiner reiterated. "This is not ..." / "I'm not sure it rises ...," he continued (a, b)
    ('c21cb217-3e2c-49bd-884d-5c74a165ef10_3.txt', 593, 677, 'u647'),
    ('08bb9bee-c167-4c17-9c6d-4a1259231eb7_2.txt', 2111, 2207, 'u031'),  # Akin's ad, its next paragraph ("he said") (c, d)
    ('08bb9bee-c167-4c17-9c6d-4a1259231eb7_2.txt', 3323, 3408, 'u035'),  # Akin to KTVI, as the other outlet quotes it
    ('08bb9bee-c167-4c17-9c6d-4a1259231eb7_2.txt', 3427, 3516, 'u035'),
    ('08bb9bee-c167-4c17-9c6d-4a1259231eb7_2.txt', 3623, 3723, 'r7c'),  # McConnell: "What he said ...," McConnell said. "Although ..." (a)
    ('08bb9bee-c167-4c17-9c6d-4a1259231eb7_2.txt', 3742, 3941, 'r7c'),
    ('29ffd053-7684-469b-a600-97000579bd01_1.txt', 2338, 2663, 'u124'),  # the Georgetown letter ("The scholars say that ...")
    ('29ffd053-7684-469b-a600-97000579bd01_3.txt', 3206, 3322, 'u124'),  # the same words of the letter in the other outlet
    ('2ec04201-2016-4227-baf7-ba8289058203_3.txt', 2629, 2972, 'u157'),  # Smith: "The savings ...," Smith said. "Because the president ..." (a)
    ('2ec04201-2016-4227-baf7-ba8289058203_3.txt', 5022, 5317, 'u178'),  # Ryan: ... it was "very clear ..." / next paragraph "When he asked me ...," Ryan said (b)
    ('65cb14cb-2d27-41e5-a2be-6fd6314f4363_2.txt', 723, 1046, 'u326'),  # Santorum's next paragraph after "I was talking about the radical environmentalist," (c)
    ('65cb14cb-2d27-41e5-a2be-6fd6314f4363_2.txt', 1197, 1292, 'u319'),  # Gibbs on This Week, the NYT's first piece word for word
    ('65cb14cb-2d27-41e5-a2be-6fd6314f4363_2.txt', 1403, 1538, 'u319'),  # ... his next paragraph, "he said" (c)
    ('65cb14cb-2d27-41e5-a2be-6fd6314f4363_2.txt', 1691, 1875, 'u317'),  # Santorum's "not about you ... phony theology" as the others quote it
    ('65cb14cb-2d27-41e5-a2be-6fd6314f4363_2.txt', 1895, 2027, 'r7d'),  # LaBolt's statement: The comment was "A." It was "B," LaBolt said (d)
    ('65cb14cb-2d27-41e5-a2be-6fd6314f4363_2.txt', 2037, 2167, 'r7d'),
    ('65cb14cb-2d27-41e5-a2be-6fd6314f4363_2.txt', 2363, 2408, 'u329'),  # Santorum on Sunday: a "world view ..." / "Santorum continued" / u329's paragraph (b, c)
    ('65cb14cb-2d27-41e5-a2be-6fd6314f4363_2.txt', 2555, 2666, 'u329'),
    ('65cb14cb-2d27-41e5-a2be-6fd6314f4363_3.txt', 3512, 3531, 'u319'),  # Gibbs called it "well over the line." on This Week (his words there)
    ('8dc7ccfe-5cf0-482f-9101-a7c69881da4d_2.txt', 1037, 1182, 'u447'),  # Romney's answer on Obama's change, as the other outlet quotes it (a)
    ('8dc7ccfe-5cf0-482f-9101-a7c69881da4d_2.txt', 1198, 1417, 'u447'),
    ('8dc7ccfe-5cf0-482f-9101-a7c69881da4d_3.txt', 251, 356, 'u436'),  # Romney in Oklahoma: "My view is ...," Romney told reporters. "I know other people ..." (a)
    ('11c9f251-35c8-4452-b052-df9be61464c6_1.txt', 364, 445, 'u045'),  # Mary Cheney's Facebook post (d)
    ('11c9f251-35c8-4452-b052-df9be61464c6_3.txt', 468, 549, 'u045'),  # the same post: "she wrote", "she continued"
    ('11c9f251-35c8-4452-b052-df9be61464c6_3.txt', 564, 599, 'u045'),
    ('11c9f251-35c8-4452-b052-df9be61464c6_3.txt', 617, 787, 'u045'),
    ('1bb79cc1-5d69-4136-a23d-6dbd300cbf25_1.txt', 2631, 2771, 'u055'),  # Schultz's statement, as the NYT quotes another piece of it
    ('526cabb7-02a3-4adb-8e90-ec781c40c498_1.txt', 1594, 1752, 'u238'),  # Obama: had "presented me ... again. He added: "My starting point ..." (b; the article lacks the closing mark)
    ('526cabb7-02a3-4adb-8e90-ec781c40c498_3.txt', 507, 540, 'u253'),  # Obama: "This is our first task ...," Obama said. "We can't put this off ..." (a)
    ('526cabb7-02a3-4adb-8e90-ec781c40c498_3.txt', 1882, 1955, 'u247'),  # Obama: "I intend to use whatever weight ..." as the other outlet quotes it (a)
    ('526cabb7-02a3-4adb-8e90-ec781c40c498_3.txt', 2026, 2106, 'u247'),
    ('526cabb7-02a3-4adb-8e90-ec781c40c498_3.txt', 2633, 2771, 'r7e'),  # Horowitz: "A," said Josh Horowitz, ... "B." (a)
    ('526cabb7-02a3-4adb-8e90-ec781c40c498_3.txt', 2852, 2891, 'r7e'),
    ('526cabb7-02a3-4adb-8e90-ec781c40c498_3.txt', 3499, 3644, 'u256'),  # Obama: "A," said Obama. "B." / "C," he continued. "D." (a, b)
    ('526cabb7-02a3-4adb-8e90-ec781c40c498_3.txt', 3659, 3777, 'u256'),
    ('d3a1ce0a-fc48-4827-a278-8f0ce8c7a519_2.txt', 4028, 4220, 'u694'),  # Frank's brief statement: "A," he said. "B." (a)
    ('33521e65-12da-4521-b132-7b606243b0e4_3.txt', 683, 728, 'u181'),  # McGinley's statement: "When the dust settles ...," McGinley added. "Until then ..."
    ('33521e65-12da-4521-b132-7b606243b0e4_3.txt', 747, 980, 'u181'),
    ('58ed2376-35a0-453a-a08e-5cd87e3bdea5_1.txt', 3518, 3701, 'u307'),  # Herrod: next paragraph, "Herrod added" she was surprised ... that "..." (b)
    ('96b7046f-f584-422f-a626-6f86a26dfd8b_2.txt', 787, 966, 'u448'),  # Lauten's post, as the other outlet quotes it
    ('96b7046f-f584-422f-a626-6f86a26dfd8b_2.txt', 1295, 1623, 'u450'),  # Lauten's apology, as the other outlet quotes it
    ('b764f81f-6d08-4d7c-b1a8-8961bed0a455_2.txt', 2304, 2329, 'u605'),  # Suthers's statement ("we will vigorously defend against it")
    ('c99adbdd-eaf3-4844-9548-2642e80de4e2_2.txt', 997, 1228, 'u650'),  # Labrador's statement, as the other outlet quotes it
    ('c99adbdd-eaf3-4844-9548-2642e80de4e2_2.txt', 1334, 1402, 'u652'),  # Labrador's "a leadership team that can bring the Republican conference together"
    ('ed8c136f-8d44-4c83-ad05-0dcfc3a0c54a_1.txt', 1474, 1548, 'u731'),  # Holder: "I am the attorney general ..., but I am also a black man," as the other outlet quotes it
    ('ed8c136f-8d44-4c83-ad05-0dcfc3a0c54a_1.txt', 4435, 4851, 'u723'),  # Holder's remarks, quoted a second time in the same article from the excerpts
]

# Spans moved out of an utterance that held two speakers (file, start,
# new utterance).
SPLIT = [
    ('11c9f251-35c8-4452-b052-df9be61464c6_3.txt', 1575, 'u045d'),  # Dick Cheney, 2009: "the former vice president said"
    ('11c9f251-35c8-4452-b052-df9be61464c6_3.txt', 1658, 'u045d'),
]


def sha(f, a, b):
    with open(os.path.join(TEXT, f), encoding='utf-8') as fh:
        t = fh.read()
    return hashlib.sha1(t[a:b].encode('utf-8')).hexdigest()[:8]


rows = [json.loads(l) for l in open(GOLD)]
have = {(r['file'], r['start'], r['end']) for r in rows}
for f, a, b, u in ADD:
    if (f, a, b) not in have:
        rows.append({'cluster': u, 'file': f, 'start': a, 'end': b, 'sha1': sha(f, a, b)})
for r in rows:
    for f, start, u in SPLIT:
        if (r['file'], r['start']) == (f, start):
            r['cluster'] = u
# No span overlaps another.
by = {}
for r in rows:
    by.setdefault(r['file'], []).append((r['start'], r['end']))
for f, ss in by.items():
    ss.sort()
    for (a, b), (c, d) in zip(ss, ss[1:]):
        assert b <= c, (f, a, b, c, d)
with open(GOLD, 'w') as f:
    for r in rows:
        f.write(json.dumps(r) + '\n')
