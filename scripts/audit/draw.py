#!/usr/bin/env python3
"""Draw N attributions at random (seeded) from `claimtrail extract` JSONL and
print each with its sentence context, for a hand audit.

usage: draw.py OUT.jsonl TEXTS.db SEED N [FILE-REGEX] [--speaker-regex R] [--kind K] [--flag F]
TEXTS.db: a store made by `claimtrail ingest` of the same sources (for the text).
"""
import json, random, re, sqlite3, sys

args = sys.argv[1:]
opts = {}
pos = []
i = 0
while i < len(args):
    if args[i].startswith('--'):
        opts[args[i][2:]] = args[i + 1]
        i += 2
    else:
        pos.append(args[i])
        i += 1
out, db, seed, n = pos[0], pos[1], int(pos[2]), int(pos[3])
freg = re.compile(pos[4]) if len(pos) > 4 else None
con = sqlite3.connect(db)
texts = {}
for src, text in con.execute('SELECT source, text FROM articles'):
    texts[src] = text

items = []
for line in open(out, encoding='utf-8'):
    d = json.loads(line)
    f = d.get('file', '')
    if freg and not freg.search(f):
        continue
    for k, a in enumerate(d.get('attributions') or []):
        sp = a.get('speaker') or {}
        if 'speaker-regex' in opts and not re.search(opts['speaker-regex'], (sp.get('name') or '') + ' ' + (a.get('source') or {}).get('text', '')):
            continue
        if 'kind' in opts and sp.get('kind') != opts['kind']:
            continue
        if 'flag' in opts and opts['flag'] not in (a.get('flags') or []):
            continue
        items.append((f, k, a))
random.seed(seed)
pick = random.sample(items, min(n, len(items)))
pick.sort(key=lambda x: (x[0], x[1]))
for no, (f, k, a) in enumerate(pick, 1):
    t = texts.get(f)
    spans = []
    for part in ('source', 'cue'):
        if a.get(part):
            spans.append((a[part]['start'], a[part]['end'], part[0].upper()))
    for c in a.get('content') or []:
        spans.append((c['start'], c['end'], 'C'))
    lo = min(s[0] for s in spans)
    hi = max(s[1] for s in spans)
    ctx = ''
    if t:
        a0 = max(0, t.rfind('\n', 0, max(0, lo - 200)) + 1) if lo > 200 else 0
        a0 = max(a0, lo - 400)
        b0 = t.find('\n', min(len(t), hi + 150))
        if b0 < 0:
            b0 = len(t)
        b0 = min(b0, hi + 300)
        marks = []
        for s, e, tag in spans:
            marks.append((s, 1, '[' + tag + ':'))
            marks.append((e, 0, ']'))
        marks.sort()
        buf = []
        p = a0
        for pos_, _, m in marks:
            if pos_ < a0 or pos_ > b0:
                continue
            buf.append(t[p:pos_])
            buf.append(m)
            p = pos_
        buf.append(t[p:b0])
        ctx = ''.join(buf)
    sp = a.get('speaker') or {}
    print('=' * 78)
    print(f"#{no} {f} [{k}] kind={a.get('kind')} conf={a.get('confidence')}")
    print(f"  SPEAKER: {sp.get('name')!r} ({sp.get('kind')})  source={(a.get('source') or {}).get('text')!r} cue={(a.get('cue') or {}).get('text')!r}")
    extra = []
    if a.get('according_to'):
        extra.append('relay=' + repr(a['according_to']))
    if a.get('channel'):
        extra.append('channel=' + repr(a['channel']))
    if a.get('markers'):
        extra.append('markers=' + repr([m.get('type') for m in a['markers']]))
    if a.get('quotes'):
        extra.append('quotes=' + repr([q['text'][:60] for q in a['quotes']]))
    if extra:
        print('  ' + ' '.join(extra))
    print('  ' + ctx.replace('\n', '\n  '))
