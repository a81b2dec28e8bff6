import csv,collections
rows=list(csv.DictReader(open('passages.csv',encoding='utf-8')))
amb=list(csv.DictReader(open('ambiguous.csv',encoding='utf-8')))
cases=collections.OrderedDict()
for r in rows: cases.setdefault(r['case_id'],[]).append(r)
traps=[c for c,v in cases.items() if not v[0]['indicator_id']]
vrows=[r for r in rows if r['indicator_id']]
codebook=[r['indicator_id'] for r in csv.DictReader(open('/work/main/data/codebook.csv',encoding='utf-8'))]
pas=collections.Counter(); ind=collections.Counter(r['indicator_id'] for r in vrows); tm=collections.Counter()
for c,v in cases.items():
    for i in set(r['indicator_id'] for r in v if r['indicator_id']): pas[i]+=1
for c in traps:
    for i in codebook:
        if i in cases[c][0]['note']: tm[i]+=1
table='\n'.join(f"| {i} | {pas[i]} | {ind[i]} | {tm[i]} |" for i in codebook)
yrs=', '.join(f"{k}:{v}" for k,v in sorted(collections.Counter(v[0]['report_year'] for v in cases.values()).items()))
qs=', '.join(f"{k} {v}" for k,v in collections.Counter(r['qualifier'] for r in vrows).most_common())
ps=', '.join(f"{k} {v}" for k,v in collections.Counter(r['period'] for r in vrows).most_common())
zeros=sum(1 for r in vrows if r['value']=='0')
foi=sum(1 for r in vrows if r['indicator_id'] in ('foi_requests_count','government_information_published_count','normative_documents_issued_count','normative_documents_repealed_count'))
src=collections.OrderedDict()
for c,v in cases.items(): src.setdefault(v[0]['source_url'],[]).append(c)
for r in amb: src.setdefault(r['source_url'],[]).append(r['case_id'])
srcs='\n'.join(f"- {u} ({', '.join(cs)})" for u,cs in src.items())
npas=len(cases); ntr=len(traps)
amblines='\n'.join(f"- {r['case_id']} ({r['report_year']}): {r['question']}" for r in amb)
zero_ind=[i for i in ['certified_enforcement_officers_count','emergency_plans_count','enforcement_supervision_notices_count','random_inspections_count','admin_reconsideration_rejected_count','agencies_with_legal_advisers_count','legality_reviews_count','enforcement_case_files_reviewed_count','rule_of_law_meetings_count','audit_projects_count','normative_documents_filed_count','admin_litigation_gov_defendant_cases_count','commitment_certification_items_count']]
short='\n'.join(f"  - `{i}`: {pas[i]} value passage(s), {tm[i]} trap mention(s) (target {5 if i in zero_ind[:4] else 3})" for i in zero_ind if pas[i] < (5 if i in zero_ind[:4] else 3))
readme=f"""# Held-out indicator DEV set I — `di-` cases

Made by a helper session, **blind to the extractor**. Project files read: only README/CSV files under
`tests/heldout/` (to learn the format and conventions: `test/README.md`, `dev_h/README.md`, and the
qualifier/period conventions found in earlier `passages.csv` files), `data/codebook.csv`, and `/work/briefs/`
(my brief and `used_urls8.txt`). Nothing under `src/`, other `tests/`, `data/texts`, `data/raw`,
`data/indicators*`, `data/quantities.csv`, `metrics/`, `notebooks/` or any `/work/wt*` folder was opened;
no project code and no git command was run. Files written: only this folder — `passages.csv`, `ambiguous.csv`,
this README and my own throw-away helpers (`items.py` = the hand-written items, `build.py` writes the CSVs,
`chk.py` checks addresses against `used_urls8.txt`, `mkreadme.py` writes this README); they are not project code
and can be deleted.

## How it was made
- Facts were gathered with the `search` tool (corpus `pages`) only, restricted to pages of 河南 湖北 湖南 广东
  广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 (no national bodies; a provincial court white paper
  is used as a value source and a provincial people's-congress page only as a trap). Queries covered
  法治政府建设年度报告, 政府信息公开工作年度报告 of governments and departments (应急管理局, 审计局, 生态环境局,
  市场监管局, 司法局, 发改委, 外事局 …), 行政执法案卷评查, 双随机一公开, 应急预案, 审计项目, 合法性审查, 告知承诺制,
  依法治县委员会会议, 行政审判白皮书.
- Every address was checked against `used_urls8.txt` (normalised: scheme and `www.` stripped, prefix match).
  Three passages whose addresses turned out to be listed (许昌 case-file review, 赫章 emergency command centres,
  重庆人大备案审查调研) were **deleted** before delivery; `python3 chk.py` reports 0 used addresses for the final files.
- Each passage (1–4 sentences, report style) was written anew from the stored page excerpt; figures, units,
  periods, traditional characters and table layouts were kept; nothing was invented. Some sources are mirror
  hosts carrying a government page (e.g. `tjmarcaurele.com` = 海口市发改委, `njmu.s5.bt8.net` = 钦州市政府办,
  `courtneyjines.com` = 广安区司法局, `f93777.com` = 西藏自治区民委, `keceyun.com` = a 天河区 bureau); the address
  recorded is the one the page was read from.
- Gold was decided by reading against the codebook definitions/scope notes and the conventions of
  `test/README.md` (whole-region or own-body figures are values; one tier/body/channel, cumulative multi-year
  totals, targets, ordinals and neighbouring quantities are traps; partial periods carry their printed period;
  explicit zeros are gold 0; `N余` → `more_than`).

## Counts
- passages: **{npas}** (`passages.csv`, {len(rows)} rows), of which pure traps: **{ntr}** ({100*ntr/npas:.1f}%); passages with a value: {npas-ntr}
- value rows: **{len(vrows)}** (explicit zeros: {zeros} — FOI requests, normative documents issued/repealed)
- ambiguous (`ambiguous.csv`, not scored): **{len(amb)}**
- report years: {yrs}
- qualifiers: {qs}; periods: {ps}
- levels: provinces/autonomous regions (湖南应急厅, 广西应急厅, 海南生态环境厅, 西藏民委/国资委, 青海高院 …),
  prefectures (岳阳, 安顺, 黔东南, 鄂州, 钦州, 六盘水, 广元 …), counties/districts (桐柏, 南召, 华容, 汉阴, 白云区,
  佛坪, 铜梁 …) and departments (应急管理局, 审计局, 生态环境局, 市场监管局, 司法局, 外事局, 发改委).

| indicator_id | passages with a value | value rows | trap mentions (in trap notes) |
|---|---|---|---|
{table}

## Conventions and traps covered
- channels: printed total over channels → value (神农架 460, 六盘水 1057, 广元 2170, 海南生态环境厅 3343, 海口发改委
  1520); two or more channel figures without a total → no published value (绥阳司法局, 临夏, 防城港, 桐柏, 汉阴);
  one WeChat channel alone → trap (西藏国资委); parts that do not add up → ambiguous (凉山州审计局, 华容).
- FOI: requests received are gold; closed/答复 subsets, carried-over requests, 12345 hotline and mailbox items,
  netizen messages and FOI-related reconsiderations are not.
- normative documents: FOI-table rows 本年制发/本年废止 → issued/repealed (incl. zeros); the 现行有效 stock, documents
  merely displayed (集中公开), official documents drafted (公文4476件) and government rules (规章) are not.
- meetings: one printed count of party standing-committee / rule-of-law-committee / executive meetings on
  rule-of-law work → value (岳阳 3, 白云 15, 佛坪 2); meetings on emergency management (广州 6/4/51), theory-study
  sessions (广东应急厅 7次), ordinals (第七次、第八次, 第十五次, 第一次会议), 多次, single meetings and work-promotion
  meetings → traps; three separate counts without a total → ambiguous (开阳).
- audit: whole-city or bureau project counts → value (鄂州 33, 铜梁 13 over the printed audit year); audited units
  (湘江新区 83, 南川 21) and award-winning projects (邵阳 4) → traps.
- legality reviews: 广安区 37 (今年以来, with 5 normative documents as a subset and 144 suggestions) → value.
- random inspections: joint campaigns (川渝 115家, 大姚 26家), five-year cumulative joint checks, sampling plans with
  ratios (芦淞), enterprise checks not said to be random (常德 425次), published 双随机 items (嘉鱼 11条) → traps.
- emergency plans: a five-year stock of 17300余个 plans (曲靖) → trap; named plans without a number (沅陵) → ambiguous;
  应急预案 as a disclosure category only → note.
- certified officers: exam takers (五华县应急局 53人) → trap; 12792 行政执法人员 on a platform (常德) → ambiguous.
- surface variety: traditional characters (长沙 di-003, 湘潭县, 广东应急厅, 西藏民委, 广安区), full-width digits
  (开州), Chinese numerals (隆昌 二百零四), pipe-flattened FOI tables (苍溪, 垫江, 县审计局, 芦淞 plan, 光明区),
  hard line breaks inside passages (苍溪, 竹山, 中江, 铜梁司法局), `今年以来` partial periods, `余` figures.

## Ambiguous items (not scored) — the question each raises
{amblines}

## Shortfalls (honest)
The brief asked for ≥5 value passages each for `certified_enforcement_officers_count`, `emergency_plans_count`,
`enforcement_supervision_notices_count`, `random_inspections_count`, and ≥3 each for nine further indicators.
The stored `pages` corpus returns only the opening ~1500 characters of a page, and most pages carrying these
figures are already in `used_urls8.txt` (e.g. 南阳 50余卷, 十堰 134项告知承诺, 湖北 61/101项证明事项,
江津 264件, 泸州 近20次, 巴南 640余件合法性审查, 天水 案卷评查, 湖北省政府 30余次, 各种人大建议/调解 pages), or lie outside my provinces (e.g. 霍邱 双随机检查任务8项, 安徽).
I did **not** invent figures, so these remain short (most are covered by traps instead):
{short}
- Total passages {npas} (brief: 80–100). FOI-derived rows dominate ({foi} of {len(vrows)} value rows are FOI requests,
  published items or normative documents from FOI tables).
- Trap share {100*ntr/npas:.1f}% (brief: about a third).
- The clock was checked throughout; material stopped before 00:15 UTC.

## Source addresses used
{srcs}
"""
open('README.md','w',encoding='utf-8').write(readme)
print('ok')
