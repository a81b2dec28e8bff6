# builder for dev_i passages (helper-written, blind); run: python3 build.py
import csv, collections
P=[]; A=[]
def p(text, year, url, rows=None, trap=None):
    P.append((text, year, url, rows or [], trap))
def a(text, year, q, url):
    A.append((text, year, q, url))
exec(open('items.py', encoding='utf-8').read())
with open('passages.csv','w',newline='',encoding='utf-8') as f:
    w=csv.writer(f); w.writerow(['case_id','text','report_year','indicator_id','ref_year','value','qualifier','period','note','source_url'])
    for i,(t,y,u,rows,trap) in enumerate(P,1):
        cid='di-%03d'%i
        if not rows:
            assert trap and trap.startswith('trap:'), cid
            w.writerow([cid,t,y,'','','','','',trap,u])
        for r in rows:
            ind,ry,v,q,per,note=r
            w.writerow([cid,t,y,ind,ry,v,q,per,note,u])
with open('ambiguous.csv','w',newline='',encoding='utf-8') as f:
    w=csv.writer(f); w.writerow(['case_id','text','report_year','question','source_url'])
    for i,(t,y,q,u) in enumerate(A,1):
        w.writerow(['di-a%02d'%i,t,y,q,u])
print(len(P),'passages', sum(1 for x in P if not x[3]),'traps', sum(len(x[3]) for x in P),'value rows', len(A),'ambiguous')
c=collections.Counter(r[0] for x in P for r in x[3]); print(sorted(c.items()))
