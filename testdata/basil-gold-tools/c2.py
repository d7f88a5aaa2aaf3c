import json,re
d=json.load(open('/tmp/gold/cands.json'));Q=d['quotes']
STOP=set("a an the and or but of to in on at by with from for is are was were be been have has had do does did will would i we you he she it they that this not no as so if his her their our my me us them its".split())
def words(s): return re.findall(r"[a-z0-9']+", s.lower().replace('’',"'"))
def grams(ws,n): return set(tuple(ws[i:i+n]) for i in range(len(ws)-n+1))
out=[]
for i,j,c,g in d['cands']:
    a,b=Q[i],Q[j]; wa,wb=words(a['text']),words(b['text'])
    g3=grams(wa,3)&grams(wb,3)
    g2=[x for x in grams(wa,2)&grams(wb,2) if not(x[0] in STOP or x[1] in STOP)]
    if g3 or g2:
        out.append((i,j))
print(len(out), sum(1 for i,j in out if Q[i]['file']!=Q[j]['file']))
json.dump(out,open('/tmp/gold/c2.json','w'))
