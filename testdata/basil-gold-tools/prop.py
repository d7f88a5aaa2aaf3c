import json,re
d=json.load(open('/tmp/gold/cands.json'));Q=d['quotes'];P=json.load(open('/tmp/gold/c2.json'))
def words(s): return re.findall(r"[a-z0-9]+", s.lower().replace('’',"'").replace("'",""))
def grams(ws,n): return set(tuple(ws[i:i+n]) for i in range(len(ws)-n+1))
par=list(range(len(Q)))
def f(x):
    while par[x]!=x: par[x]=par[par[x]]; x=par[x]
    return x
for i,j in P:
    wa,wb=words(Q[i]['text']),words(Q[j]['text'])
    sa,sb=' '+' '.join(wa)+' ',' '+' '.join(wb)+' '
    ok = bool(grams(wa,4)&grams(wb,4)) or (min(len(wa),len(wb))>=3 and (sa in sb or sb in sa))
    if ok: par[f(i)]=f(j)
comps={}
for i in range(len(Q)): comps.setdefault(f(i),[]).append(i)
cs=[sorted(c) for c in comps.values() if len(set(Q[i]['file'] for i in c))>=2]
cs.sort()
print(len(cs), sum(len(c) for c in cs))
json.dump(cs,open('/tmp/gold/prop.json','w'))
for k,c in enumerate(cs):
    print('== P%d'%k)
    for i in c:
        q=Q[i]; print('  %4d %s %s: %s'%(i,q['outlet'],q['file'][:4]+q['file'][-6:-4],q['text'][:150].replace('\n',' ')))
