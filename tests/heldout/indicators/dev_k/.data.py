U_BJ21='https://m.shutu.cn/template/c4864801.html'
V("在自觉接受监督方面,2021年宝鸡市政府共承办省、市人大代表建议和政协提案541件,回复率、满意率均为100%。审计机关当年完成审计项目46个,查处违规违纪和管理不规范资金,并移送案件线索43起。",2021,U_BJ21,
  ('audit_projects_count',2021,46,'exact','year','46 audit projects; 541 is NPC suggestions and CPPCC proposals together (no separate figure), 43 are referred case clues'))
V("行政执法监督方面,宝鸡市选取市场监管、文化旅游、交通运输、生态环境、教育等7个重点执法领域开展专项监督检查,发现问题8类69件(次)并督促整改。全年开展行政执法案卷评查,从57个执法单位抽查4大类案卷240余宗,评出“典型优秀案卷”20宗;办理行政执法投诉9件。",2021,U_BJ21,
  ('enforcement_case_files_reviewed_count',2021,240,'more_than','year','240余宗 files reviewed; 57 units, 20 model files, 69 problems are not file counts'))
V("2021年,宝鸡市编印《政府公报》6期,公开政府文件80件,受理并答复依申请公开45件;“宝鸡发布”政务微博发布信息500条、政务微信发布信息634条,全市402个政务新媒体纳入全国系统监管。",2021,U_BJ21,
  ('foi_requests_count',2021,45,'exact','year','依申请公开45件; published items only given per channel (微博500, 微信634) with no total, so no government_information_published value'))
U_BJ24='http://www.whhuazhong.com/col46/col53/202503/t20250303_1123485.html'
V("堅持黨的領導,統籌推進更加紮實。2024年市委、市政府主要負責同志認真履行第一責任人職責,市委常委會會議、市政府常務會議6次聽取法治政府建設有關工作匯報;另召開市委全面依法治市委員會會議、市委書記點評法治工作會議,研究推動相關工作。",2024,U_BJ24,
  ('rule_of_law_meetings_count',2024,6,'exact','year','6 standing-committee/executive meetings heard rule-of-law reports (traditional characters); the committee meeting and 点评 meeting are not counted'))
T("寶雞市持續優化政務服務平臺:76404項政務服務事項納入統一管理,691項高頻事項上線移動端,641項事項實現“秒批秒辦”,93項實現“跨省通辦”,網上可辦率97.4%,“最多跑一次”占比98.98%;21項“高效辦成一件事”集成改革落地。",2024,U_BJ24,
  "trap: commitment_certification_items_count / certification_items_cancelled_count — government service items (政务服务事项), not certification items (证明事项); rates are not indicators")
Q("2024年寶雞市編制第四批證明事項告知承諾制清單,全市累計73個證明事項實行告知承諾制。",2024,
  "commitment_certification_items_count: 累计73 is the stock of items under notification-commitment after four batches (multi-year cumulative). Is it a year value (73, exact) or a cumulative-total trap?",U_BJ24)
U_ZY20='http://www.zunyi.gov.cn/zwgk/zfxxgkzl/fdzdgknr/qtfdxx/fzzfjsqkndbg/202103/t20210315_68831984.html'
V("2020年遵义市党政主要负责人切实履职:市委书记专题听取中央督察反馈意见整改推进情况,市长两次主持市政府常务会议,专题听取法治政府建设情况汇报并研究解决困难问题。全市14个县(市、区)、新蒲新区和54个市直部门主要负责人开展了推进法治建设述职。",2020,U_ZY20,
  ('rule_of_law_meetings_count',2020,2,'exact','year','两次 executive meetings on rule-of-law government work; 14/54 are bodies reporting'))
T("遵义市把法治政府建设纳入目标绩效考核,完成对14个县(市、区)、新蒲新区和41家市直部门2020年度的考核;全市167795名国家工作人员通过法宣在线云平台参加学法考试,参考率98.36%。",2020,U_ZY20,
  "trap: certified_enforcement_officers_count — 167795 are state employees taking a law-study exam, not enforcement-certificate holders; 41 departments assessed are not agencies_with_legal_advisers_count")
U_BZ23='https://www.zybz.gov.cn/zwgk/xxgknb/202401/t20240129_83638601.html'
V("(一)主动公开方面。区政府门户网站全年发布各类信息2730条,公开区政府(政府办)文件36个,其中府任13个、府发6个、府办函4个、府办发4个、行政规范性文件7个;公开区政府常务会议28次,在建议提案专栏公开人大建议和政协提案答复15条;微信公众号发布信息800条,“播州微博”发布797条。",2023,U_BZ23,
  ('normative_documents_issued_count',2023,7,'exact','year','行政规范性文件7个 among the 36 government documents of the year; published items given per channel only (2730/800/797, no total) so no government_information_published value; 28 meetings disclosed are not rule-of-law meetings; 15 replies mix NPC and CPPCC'))
U_WD24='https://www.guiyang.gov.cn/zwgk/zfxxgks/zfxxgknb/2024n/qsxnb/202502/t20250218_86908923.html'
T("主动公开方面,乌当区2024年通过“乌当人民政府”门户网站发布政务信息5099条,“乌当区人民政府网”微信公众号发布979条,微博发布964条;集中公开预决算及“三公”经费信息149条,主动公开政策文件7条、人事任免文件35件,发布政府会议18期、政策解读13条。",2024,U_WD24,
  "trap: government_information_published_count — only per-channel figures (website 5099, WeChat 979, Weibo 964) and topic subsets, no total; normative_documents_issued_count — 7 policy documents published is not normative documents issued")
U_ES22='http://hbj.enshi.gov.cn/xxgk/zdgk/cfqz/yjtlcx/202303/t20230321_1416610.shtml'
T("州生态环境局把法治培训纳入局党组中心组和干部职工大讲堂学习内容,围绕习近平法治思想、行刑衔接、防止干预司法“三个规定”等开展专题培训;“生态环保大讲堂”自开班以来已举办38期。",2022,U_ES22,
  "trap: rule_of_law_meetings_count — 38 are training lectures counted since the series began (cumulative), not party-committee/government meetings")
U_XC23='https://sthjj.xuchang.gov.cn/tzgg/20240401/72e07291-ff37-44f5-b46e-cfc69a3c812e.html'
T("许昌市生态环境局制定本系统2023年度法治建设工作安排,把局里牵头承担的10个方面35项目标任务分解到责任单位;每月开会听取进展,每周召开班子会议研究推进中遇到的难题。",2023,U_XC23,
  "trap: rule_of_law_meetings_count / major_decision_catalog_items_count — 10 aspects and 35 target tasks are a work plan, not decisions or meetings; 每月/每周 gives no count")
Q("2023年,许昌市生态环境局主要负责人5次带领领导班子专题听取、研究、部署法治建设工作,解决推进中遇到的困难和问题。",2023,
  "rule_of_law_meetings_count: a department (not the government or party committee) leadership hearing rule-of-law work 5 times, no meeting type named. Value 5 or trap?",U_XC23)
U_TK23='http://taikang.gov.cn/sitesources/tkx/page_pc/ztzl/fyldxx/articlef2677a518e9b49c3a3f1c6339d8bf541.html'
T("围绕法治政府建设示范创建,太康县按照责任指标体系细化分工,归纳汇总存档材料1000余份,下发工作提示函45份,开展工作督导29次,涉及35家单位和23个乡镇。",2023,U_TK23,
  "trap: enforcement_supervision_notices_count — 45 work reminder letters (工作提示函) about the demonstration campaign are not enforcement supervision notices; 29 supervision visits, 1000余份 materials are not indicators")
U_XCai23='https://ixbang.com/bid/detail/D7697B1B1ECB7930E9CBFA6309C75217.html'
T("新蔡县完善乡镇综合行政执法培训考试制度,坚持每月一培训、每月一考试:2023年以来共举办乡镇综合行政执法人员集中培训11次、参训600多人次,考试不合格的补考或暂停、取消执法资格。当年行政诉讼败诉率同比下降11.9%。",2023,U_XCai23,
  "trap: certified_enforcement_officers_count (600多人次 are trainee attendances) and admin_litigation_loss_rate_pct (11.9% is a year-on-year decline, not the rate)")
U_HN24='https://reconnectchina.univie.ac.at/items/67f4f67f4abccd016805974f'
T("省政府把习近平法治思想列入常务会议学习内容,2024年举办法治政府建设专题培训班,省、市、县、乡四级10.6万名领导干部同步参训。",2024,U_HN24,
  "trap: certified_enforcement_officers_count / rule_of_law_meetings_count — 10.6万 are cadres attending a training session; 学习 at the executive meeting is law study, not a meeting count")
U_JM='http://yjglj.jingmen.gov.cn/art/2024/5/27/art_26513_1085535.html'
T("“十四五”规划应急管理核心指标中期完成情况表 | 序号 | 指标内容 | 2021年 | 2022年 |\n| 1 | 生产安全事故死亡人数 | 死亡101人,上升3.5% | 死亡43人,年均下降26.2% |\n| 6 | 年均每十万人受灾人次 | 17195人 | 8203人 |",2022,U_JM,
  "trap: emergency_plans_count — pipe-flattened table of safety indicators of the Jingmen emergency plan mid-term review; deaths and affected persons are not plans, drills or any codebook indicator")
U_GG='https://www.gangu.gov.cn/info/4431/179871.htm'
T("“十三五”时期,甘谷县调整完善县安委会、减灾委、防汛抗旱、森林草原防灭火、抗震救灾、地质灾害应急等指挥机构,并推动修订各类总体应急预案、专项应急预案、部门应急预案以及企业预案和现场处置方案。",2020,U_GG,
  "trap: emergency_plans_count — plans revised over the five-year period with no count; six command bodies are not plans")
U_HNan='http://hengnan.gov.cn/zwgk/bmxxgkml/xzfgzbm/xzfb/xxgknb/20230131/i2920151.html'
T("2022年衡南县政府办公室及时公开政策决策文件及解读,全年累计公开各类文件21,需解读的已全部解读;同时全面公开县政府工作报告、2022年度法治政府建设报告及解读。",2022,U_HNan,
  "trap: normative_documents_issued_count / government_information_published_count — 21 documents of all kinds published by the office, not normative documents issued and not the count of information items published")
U_CD23='http://220.167.140.52/suitable/fzzf/104201.html'
T("城东区落实政府常务会议学法制度和国家工作人员学法用法制度,在政府党组会上学习习近平法治思想并交流发言,2023年组织全区国家工作人员参加“法宣在线”法律法规网络竞答24次;区政府召开常务会议审议年度法治政府建设工作要点,专题听取依法行政、“八五”普法执行情况汇报。",2023,U_CD23,
  "trap: rule_of_law_meetings_count — 24 are online law quizzes (学法), and the executive meeting on the work plan is not counted")
U_ZZ22='https://public.zhengzhou.gov.cn/D0107Y/7759355.jhtml'
V("三、行政执法监督情况\n(一)加大重大行政执法案卷日常抽查审查频次。2022年,市司法局共审查重大行政处罚案卷205套,并就发现的问题下发整改意见。",2022,U_ZZ22,
  ('enforcement_case_files_reviewed_count',2022,205,'exact','year','205 sets (套) of major-penalty case files reviewed by the city justice bureau'))
T("全年共收到市直行政执法部门备案数据33802799件,其中行政许可1637805件、行政处罚108406件、行政强制9374件、行政检查535714件;市级部门备案的重大行政处罚463起。",2022,U_ZZ22,
  "trap: random_inspections_count — 535714 administrative inspections are all inspections, not said to be 双随机 random inspections; other figures are enforcement statistics, not indicators")
Q("根据郑州市公布的市级行政执法主体通告,市级行政执法主体42个;全市行政执法人员19000余人(不含公安执法人员),其中市直部门7300余人。",2022,
  "certified_enforcement_officers_count: 19000余 'law-enforcement personnel' (police excluded) — are these certificate holders (value 19000 more_than) or a trap because 持证 is not said and police are excluded?",U_ZZ22)
U_XY20='https://m.yybnet.net/xianyang/news/202101/11164189.html'
V("截至2020年12月底,咸阳市卫健系统完结国家级“双随机”监督抽查任务920条,市级部门联合“双随机”抽查任务也已全面完成,抽查结果均按规定上传公示。国家任务涉及公共场所、生活饮用水、职业卫生、学校卫生、传染病防治等11个专业,市、县两级卫生监督执法人员302名参与。",2020,U_XY20,
  ('random_inspections_count',2020,920,'exact','year','920 national 双随机 inspection tasks completed by the health supervision system (department figure); 302 officers and 11 fields are not inspections; joint-inspection tasks have no count'))
U_YA23='http://www.shaanxiwj.cn/xwxx/fxdt/7204.htm'
Q("2023年,延安市国家“双随机、一公开”监督抽查涉及公共场所、学校卫生、生活饮用水、职业卫生、放射卫生、医疗卫生、传染病防治、妇幼健康9个专业861户单位。截止目前,完结率100%,完成率97.91%,关闭18户,查办各类案件42起。",2023,
  "random_inspections_count: 861 units are the year's random-inspection plan, 97.91% completed as of the report date (page dated 2023-11-13). Gold 861 (exact, year), a partial-period value, or a trap (planned, not done)?",U_YA23)
