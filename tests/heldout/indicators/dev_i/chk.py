import sys,csv
def norm(u):
    u=u.strip().split('://',1)[-1]
    if u.startswith('www.'): u=u[4:]
    return u.rstrip('/')
used=[norm(l) for l in open('/work/briefs/used_urls8.txt',encoding='utf-8') if l.strip()]
def bad(u):
    n=norm(u); return any(n==x or (len(x)>20 and (n.startswith(x) or x.startswith(n))) for x in used)
args=sys.argv[1:]
if args:
    for u in args: print('USED' if bad(u) else 'ok', u)
else:
    urls=set()
    for f in ['passages.csv','ambiguous.csv']:
        for r in csv.DictReader(open(f,encoding='utf-8')): urls.add(r['source_url'])
    print(len(urls),'urls; used:',[u for u in urls if bad(u)])
