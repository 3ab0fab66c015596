"""List handler files of the dev set without lambda-lint (the recall sampling frame). Prints repo<TAB>path<TAB>lang."""
import os,re,sys
SRC=sys.argv[1] if len(sys.argv)>1 else '/work/devset/src'
SKIPD={'node_modules','.aws-sam','cdk.out','dist','build','.git','venv','.venv','__pycache__','site-packages','tests','test','__tests__','layers','layer','package','.serverless'}
pyh=re.compile(r'^\s*(async\s+)?def\s+\w+\s*\(\s*event\s*,\s*context|^\s*def\s+(lambda_handler|handler)\s*\(',re.M)
jsh=re.compile(r'exports\.handler|export\s+(const|async function|function|let)\s+(handler|lambdaHandler)\b|module\.exports\s*=|export\s*\{[^}]*\bhandler\b|export default')
cpph=re.compile(r'run_handler\s*\(')
rows=[]
for line in open(os.path.join(os.path.dirname(os.path.abspath(__file__)),'repos.tsv')):
    if line.startswith('#'): continue
    repo,commit,folder,subs,extra=(line.rstrip('\n').split('\t')+['']*5)[:5]
    base=os.path.join(SRC,folder)
    roots=[os.path.join(base,s) for s in subs.split(',')] if subs else [base]
    for r in roots:
        for dp,dn,fn in os.walk(r):
            dn[:]=sorted(x for x in dn if x not in SKIPD and not x.startswith('.'))
            for f in sorted(fn):
                p=os.path.join(dp,f); rel=os.path.relpath(p,base)
                if 'test' in f.lower() or f.endswith('.d.ts') or 'cdk' in rel.lower() and ('/lib/' in rel or '/bin/' in rel or f in('app.py',)) : continue
                try: txt=open(p,errors='replace').read()
                except: continue
                if len(txt)>200000: continue
                lang=None
                if f.endswith('.py') and pyh.search(txt): lang='py'
                elif f.endswith(('.js','.mjs','.cjs','.ts')) and jsh.search(txt) and ('event' in txt) : lang='js'
                elif f.endswith(('.cpp','.cc')) and cpph.search(txt): lang='cpp'
                if lang: rows.append((repo,rel,lang))
for r in rows: print('\t'.join(r))
