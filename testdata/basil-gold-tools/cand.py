import re, json, csv, itertools, hashlib, sys
D='/work/shared/data/basil/dev'
arts=list(csv.DictReader(open(D+'/articles.tsv'),delimiter='\t'))
STOP=set("a an the and or but of to in on at by with from for is are was were be been have has had do does did will would i we you he she it they that this not no as so if his her their our my me us them its".split())
def words(s): return [w for w in re.findall(r"[a-z0-9']+", s.lower().replace('’',"'"))]
quotes=[]
for a in arts:
    t=open(D+'/text/'+a['file'],encoding='utf-8').read()
    # double quote spans: “...” or "..."
    for m in re.finditer(r'“([^“”]{3,}?)”|"([^"]{3,}?)"', t, re.S):
        g=1 if m.group(1) is not None else 2
        s,e=m.start(g),m.end(g)
        txt=t[s:e]
        if '\n\n' in txt: continue
        ws=words(txt)
        if len(ws)<3: continue
        quotes.append(dict(file=a['file'],event=a['event'],outlet=a['outlet'],start=s,end=e,text=txt,ws=ws))
print(len(quotes),file=sys.stderr)
def grams(ws,n): return set(tuple(ws[i:i+n]) for i in range(len(ws)-n+1))
cands=[]
for i,j in itertools.combinations(range(len(quotes)),2):
    a,b=quotes[i],quotes[j]
    if a['event']!=b['event']: continue
    ca=set(w for w in a['ws'] if w not in STOP); cb=set(w for w in b['ws'] if w not in STOP)
    common=ca&cb
    g=grams(a['ws'],2)&grams(b['ws'],2)
    g=[x for x in g if not (x[0] in STOP and x[1] in STOP)]
    if len(common)>=2 and (len(g)>=1) or len(common)>=3 and len(common)>=0.5*min(len(ca),len(cb)):
        cands.append((i,j,len(common),len(g)))
print(len(cands),file=sys.stderr)
json.dump(dict(quotes=[{k:v for k,v in q.items() if k!='ws'} for q in quotes],cands=cands),open('/tmp/gold/cands.json','w'))
