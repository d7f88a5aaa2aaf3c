#!/usr/bin/env python3
"""Diff two `claimtrail extract` JSONL outputs attribution by attribution.
usage: diff.py A.jsonl B.jsonl [--max N]
Prints attributions only in A (-), only in B (+), and changed ones (~)."""
import json, sys

def key(a):
    s = a.get('source') or {}
    c = a.get('cue') or {}
    cs = a.get('content') or [{}]
    return (s.get('start'), c.get('start'), cs[0].get('start'))

def show(a):
    s = (a.get('source') or {}).get('text')
    c = (a.get('cue') or {}).get('text')
    cont = ' || '.join(x['text'] for x in a.get('content') or [])
    sp = a.get('speaker') or {}
    extra = ''
    if a.get('according_to'):
        extra += ' relay=%r' % a['according_to']
    if a.get('channel'):
        extra += ' ch=%s' % a['channel']
    if a.get('markers'):
        extra += ' mk=%r' % [m.get('type') for m in a['markers']]
    return '%s %r (%s) src=%r cue=%r: %s%s' % (a.get('kind'), sp.get('name'), sp.get('kind'), s, c, cont[:160], extra)

def load(p):
    d = {}
    for line in open(p, encoding='utf-8'):
        o = json.loads(line)
        d[o.get('file')] = o.get('attributions') or []
    return d

A, B = load(sys.argv[1]), load(sys.argv[2])
mx = int(sys.argv[sys.argv.index('--max') + 1]) if '--max' in sys.argv else 10**9
n = 0
counts = {'-': 0, '+': 0, '~': 0}
for f in sorted(set(A) | set(B)):
    a = {key(x): x for x in A.get(f, [])}
    b = {key(x): x for x in B.get(f, [])}
    out = []
    for k in sorted(set(a) | set(b), key=lambda k: tuple(-1 if v is None else v for v in k)):
        if k not in b:
            out.append('- ' + show(a[k])); counts['-'] += 1
        elif k not in a:
            out.append('+ ' + show(b[k])); counts['+'] += 1
        elif show(a[k]) != show(b[k]):
            out.append('~ ' + show(a[k]) + '\n  => ' + show(b[k])); counts['~'] += 1
    if out and n < mx:
        print('##', f)
        for o in out:
            print(o)
        n += 1
print('counts', counts, file=sys.stderr)
