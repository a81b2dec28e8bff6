import csv, re, collections
P=[]  # (text, report_year, url, rows[(ind,ref,val,q,per,note)] or trap note)
A=[]  # ambiguous (text, year, question, url)
def V(text, year, url, *rows): P.append((text, year, url, list(rows), None))
def T(text, year, url, note): P.append((text, year, url, [], note))
def Q(text, year, question, url): A.append((text, year, question, url))
exec(open('.data.py', encoding='utf-8').read())
with open('passages.csv','w',newline='',encoding='utf-8') as f:
    w=csv.writer(f); w.writerow('case_id,text,report_year,indicator_id,ref_year,value,qualifier,period,note,source_url'.split(','))
    for i,(t,y,u,rows,tn) in enumerate(P,1):
        cid='dk-%03d'%i
        if tn is not None:
            assert tn.startswith('trap:'); w.writerow([cid,t,y,'','','','','',tn,u])
        else:
            assert rows
            for (ind,ref,val,q,per,note) in rows:
                w.writerow([cid,t,y,ind,ref,val,q,per,note,u])
with open('ambiguous.csv','w',newline='',encoding='utf-8') as f:
    w=csv.writer(f); w.writerow('case_id,text,report_year,question,source_url'.split(','))
    for i,(t,y,qq,u) in enumerate(A,1):
        w.writerow(['dka-%03d'%i,t,y,qq,u])
print(len(P),'passages',sum(1 for p in P if p[4]),'traps',sum(len(p[3]) for p in P),'value rows',len(A),'amb')
