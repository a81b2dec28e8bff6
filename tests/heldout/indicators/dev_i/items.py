p("2025年，五华区审计局完成的各项审计和审计调查项目均未引发行政复议或行政诉讼案件。局内重大行政决策一律提交局党组会议集体讨论，审计报告、审计决定等重大执法决定先经法制审核，签订重要合同前均作合法性审查。",
  2025, "http://www.kmwh.gov.cn/c/2026-02-04/7104679.shtml",
  trap="trap: audit_projects_count (no count of projects); admin_reconsideration_applications_count / admin_litigation_cases_count (one bureau as respondent, not the region or the reviewing body); legality_reviews_count (no figure)")
p("湖南湘江新区管委会审计局2022年按照省审计厅统一部署，实行省、市、区（县）三级联动，对岳麓区本级财政和83个一级预算单位的预算收支及其他财政收支情况进行了审计，并重点关注政府债券、国有资产和财政存量资金管理等事项。",
  2022, "http://www.yuelu.gov.cn/yl_xxgk/bmxxgkml/qsjj/tzgg/202301/t20230111_10963691.html",
  trap="trap: audit_projects_count (83 budget units audited, not a count of audit projects)")
p("長沙市2022年度行政執法案卷評查工作近日啟動。市司法局組織行政執法業務骨干和專業法律團隊，對市、區縣（市）兩級執法單位的行政許可案卷和一般程序行政處罰案卷隨機抽取、集中評查；開評前，抽調的基層業務骨干和專業律師共20餘人參加了動員培訓。",
  2022, "http://www.tyjgjz.com/cn/Instant/local/202210/t20221026_7295984.html",
  trap="trap: enforcement_case_files_reviewed_count (no number of files given; 20餘人 are reviewers trained)")
a("2023年，开阳县全年召开县委常委会会议（全面依法治县委员会会议）5次、县政府常务会议3次、县政府专题会议5次，学习研究中央全面依法治国工作会议精神和省、市法治建设会议精神，部署全县法治建设工作；另通过县委常委会、县政府常务会和县委理论学习中心组集中学习习近平法治思想及相关法律法规4次。",
  2023, "rule_of_law_meetings_count: three separate meeting counts (5 standing-committee/rule-of-law committee, 3 executive, 5 government thematic meetings) with no printed total — is the gold the sum 13, the party+executive 8, or nothing? (the 4 study sessions are 学法 and excluded)",
  "http://www.kaiyang.gov.cn/zwgk/zdlyxxgk/ggflfw/202402/t20240229_83863731.html")
p("今年以来，岳阳市委常委会先后3次专题研究法治政府建设、罚没收入廉情调研、行政执法监督等工作；市长在市政府常务会议上专题部署行政执法工作，组织会前学习《湖南省优化营商环境条例》，并亲自主持全市法治政府建设工作推进会。从7月起，分管副市长每月调度一次涉企执法专项行动进展。",
  2025, "https://www.hunantoday.cn/news/xhn/202512/31115044.html",
  rows=[("rule_of_law_meetings_count",2025,3,"exact","今年以来","3 standing-committee meetings on rule-of-law work (news of 12 Dec 2025); the executive meeting is not counted, the 推进会 is a work meeting and 会前学法 is law study")])
p("2023年，苍溪县乡村振兴局依托县政府门户网站主动公开政府信息27条，内容包括预算和“三公”经费、专项资金、公示公告、重大项目等；全年未收到政府信息公开申请，也未发生政府信息公开类行政复议和行政诉讼。\n第二十条第（一）项 | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 0 | 0 |",
  2023, "https://cncx.gov.cn/gongkai/show/20240112172050425.html",
  rows=[("government_information_published_count",2023,27,"exact","year","items published by the bureau (its own FOI report)"),
        ("foi_requests_count",2023,0,"exact","year","explicit zero: no requests received"),
        ("normative_documents_issued_count",2023,0,"exact","year","table row 行政规范性文件 本年制发 0"),
        ("normative_documents_repealed_count",2023,0,"exact","year","table row 行政规范性文件 本年废止 0")])
p("2023年，我局在青川县人民政府网站主动公开信息52条，其中公示公告4条、工作动态45条、预决算及“三公”经费信息3条；全年未收到政府信息公开申请。",
  2023, "http://www.tibetthsy.com/gongkai/show/20240110141212830.html",
  rows=[("government_information_published_count",2023,52,"exact","year","total 52 with its three parts (4+45+3)"),
        ("foi_requests_count",2023,0,"exact","year","explicit zero")])
p("2023年，绥阳县人民政府及县政府办公室集中公开以本级名义印发的文件25件，发布政策解读7条，办理网民留言87条；全年办理以县政府及县政府办公室为主体的政府信息公开申请19件，主要涉及征地拆迁和规划批复，均依法办结。因政府信息公开引发行政复议3件，未发生相关行政诉讼。另通过“绥阳县人民政府”微信公众号、“绥阳政务微博”分别发布信息584条、267条。",
  2023, "https://www.suiyang.gov.cn/zwgk/zfxxgk/zfxxgknb/2023n/202401/t20240131_87229032.html?isMobile=false",
  rows=[("foi_requests_count",2023,19,"exact","year","requests handled by the county government / its office; 3 FOI reconsiderations are not the region's reconsideration figure; 25 documents, 7 解读, 584/267 channel figures give no published total")])
p("合江县人民政府办公室2023年依托县政府网站，围绕政务公开要点和群众关注热点，主动公开各类政府信息6750余条，发布政策解读33条；公开书记县长信箱办件22件、12345热线办件7341件、人大代表建议及答复107件、政协提案及答复149件。全年县政府办公室受理政府信息依申请公开0件。",
  2023, "https://www.hejiang.gov.cn/gk/zfxxgknb/bmxxgknb/content_191767",
  rows=[("government_information_published_count",2023,6750,"more_than","year","6750余条 proactively published"),
        ("foi_requests_count",2023,0,"exact","year","explicit zero (受理0件); 12345 hotline items and mailbox items are not FOI requests; 107/149 are replies published, not suggestions handled — left as not gold")])
p("2022年度，绥阳县司法局通过门户网站“工作动态”栏目公开发文46条，通过微信公众号推送动态信息387条，通过微博推送政法宣传动态197条。",
  2022, "https://www.suiyang.gov.cn/zfbm_5682332/sfj/zfxxgk_5682340/zfxxgknb_5682350/202301/t20230131_78049121.html?isMobile=true",
  trap="trap: government_information_published_count (three channel figures, no printed total)")
p("2022年，咸宁市司法局门户网站共对外发布各类信息1052条；全年共收到依申请公开事项2个，均按时限办结。",
  2022, "http://xianning.gov.cn/xxgk/xxgknb/2022/szbm/202301/t20230119_2936877.shtml",
  rows=[("government_information_published_count",2022,1052,"exact","year","website is the only channel named"),
        ("foi_requests_count",2022,2,"exact","year","2 requests (个)")])
p("2021年12月4日，为期5天的川渝生态环境保护联合执法行动结束。行动中两地生态环境部门出动执法骨干68人，按“省级2人+地市2人+属地2人”混编成10个现场检查组，共检查排污企业115家，查处环境违法行为8起。",
  2021, "https://www.scdjw.com.cn/article/80499",
  trap="trap: random_inspections_count (a joint cross-border inspection action, not a 双随机 total)")
p("今年是川渝两地省级生态环境部门连续第五年开展联合执法。五年来，两地联合检查企业3000余家次，发现并推动解决问题2000余个，立案查处150余件，发布典型案例24件。",
  2024, "http://www.liuyibaby.com/html/2024/news/8/392397.html",
  trap="trap: random_inspections_count (five-year cumulative joint inspections, not random and not one year)")
p("经清理并报市人民政府研究，武汉市决定取消本市现行有效的市政府规章和市政府文件中设定的证明事项，具体见所附取消目录。取消后，各部门须通过信息共享、网络核验、部门间查询等方式核实信息，不得再要求当事人提交；对采取告知承诺制的，要强化事后核查，对不实承诺依法严厉处罚。",
  2018, "http://www.cnhan.com/html/cjrb/20181230/987966.htm",
  trap="trap: certification_items_cancelled_count / commitment_certification_items_count (no number of items printed; the list is in an annex)")
p("2023年，广州市共组织召开6次市委常委会会议、4次市政府常务会议和市政府党组会议、51次市各类专题会议，专题贯彻习近平总书记关于应急管理的重要论述，研究解决应急管理、安全生产、防灾减灾救灾等实际问题；全年全市发生生产安全事故301起、死亡279人，同比分别下降14.0%、6.4%。",
  2023, "http://yjglj.gz.gov.cn/zwgk/ghjh/content/post_9537075.html",
  trap="trap: rule_of_law_meetings_count (standing-committee and executive meetings on emergency management and work safety, not on rule-of-law work)")
p("2024年，廣東省應急管理廳黨委會以“第一議題”專題學習習近平法治思想，7次召開廳黨委理論學習中心組專題學習會，並印發《廣東省應急管理法治建設實施意見》和年度法治建設工作要點。全年全省生產安全事故起數、死亡人數同比分別下降17.7%、12.5%。",
  2024, "http://yjgl.gd.gov.cn/gk/tzgg/content/post_4660742.html",
  trap="trap: rule_of_law_meetings_count (7 are theory-study sessions of one department, i.e. 学法, not party-committee/government meetings on rule-of-law work)")
p("2023年，湖南省应急管理厅认真梳理由厅主要负责实施的省政府规章、规范性文件和本厅制定的规范性文件，全年共发布规范性文件8件、废止2件，现行有效规范性文件16件。厅本级向省信用信息公示平台推送行政处罚公示信息18条，发布企业行政许可信息910条。",
  2023, "https://yjt.hunan.gov.cn/yjt/xxgk/gknb/202401/t20240125_32634593.html",
  rows=[("normative_documents_issued_count",2023,8,"exact","year","the department's own normative documents issued"),
        ("normative_documents_repealed_count",2023,2,"exact","year","repealed 2; 16 is the stock in force")])
p("2025年，湘潭縣應急管理局新受理政府信息公開申請0件，上年結轉0件，全年辦結0件，轉下一年辦理0件。主動公開內容包括機構信息、部門動態、應急預案、預警信息及應對情況和行政執法信息等。",
  2025, "http://www.yqfq.com.cn/8795/8793/content_1412869.html",
  rows=[("foi_requests_count",2025,0,"exact","year","explicit zero (traditional characters); 應急預案 named as a disclosure category, no count of plans")])
p("截至2023年12月31日，神农架林区应急管理局本年度共主动公开政府信息460条：通过门户网站向社会公开各类信息271条，通过微信公众号公布信息189条。",
  2023, "http://yjglj.snj.gov.cn/xxgknb/202401/t20240125_5061994.shtml",
  rows=[("government_information_published_count",2023,460,"exact","year","printed total over website (271) and WeChat (189)")])
p("2023年，垫江县应急局主动公开和更新各类信息439条，涵盖机构职能、安全生产、灾情统计、行政许可、行政处罚等法定内容；全年未收到政府信息公开申请。\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 行政规范性文件 | 0 | 0 | 0 |\n| 行政许可 | 44 |\n| 行政处罚 | 36 |",
  2023, "http://www.cqsdj.gov.cn/bmjz/bm/yjglj/zwgk_72336/zfxxgknb_72346/202412/t20241204_13858860.html",
  rows=[("government_information_published_count",2023,439,"exact","year","items published or updated"),
        ("foi_requests_count",2023,0,"exact","year","explicit zero"),
        ("normative_documents_issued_count",2023,0,"exact","year","table row 0"),
        ("normative_documents_repealed_count",2023,0,"exact","year","table row 0; 44 licences / 36 penalties are not codebook indicators")])
p("2023年，中江县应急管理局主动公开信息369条，其中工作动态368条、征求意见稿1条。\n此外，通过“中江应急”微信公众号发布各类内容561条，通过抖音号发布和转发视频61条。全年收到政府信息依申请公开0条，未出现因政府信息公开引起的行政复议、行政诉讼案件；行政规范性文件制发0件、废止0件。",
  2023, "https://www.jordynalvidrez.com/gk/zwgk/jczwgkbzml/llybl/aqsc/ggbw/ndbg/1617963.htm",
  rows=[("government_information_published_count",2023,369,"exact","year","the bureau's disclosure total (368+1); WeChat and Douyin figures are other channels in separate sentences"),
        ("foi_requests_count",2023,0,"exact","year","explicit zero"),
        ("normative_documents_issued_count",2023,0,"exact","year","制发0件"),
        ("normative_documents_repealed_count",2023,0,"exact","year","废止0件")])
a("2024年，沅陵县应急管理局局党委开展习近平法治思想专题学习2次，并面向企业职工、基层群众开展宣讲6场次；同时建立应急预案动态修订机制，完成《县生产安全事故应急预案》《县防汛抗旱应急预案》的修订。",
  2024, "emergency_plans_count: two plans are revised and named but no number is printed — is the gold 2 (counting the named plans) or nothing? (the 2 study sessions and 6 宣讲 are not codebook values)",
  "http://www.yuanling.gov.cn/yuanling/c118941/202504/7aeb241ed7824bdaaa11be19530af118.shtml")
p("五华县应急管理局把学法考试与年度普法工作结合起来，组织全局工作人员参加2024年度法学考试：应参考对象53人，实际参考53人，参考率、合格率和优秀率均为100%。",
  2024, "https://www.wuhua.gov.cn/xxgk/zfjg/xyjglj/tzgg/content/post_2723020.html",
  trap="trap: certified_enforcement_officers_count (53 are staff taking the annual law exam, not certificate holders)")
p("2023年，随州市市场监管局通过单位门户网站和微信公众号发布、更新各类政府信息共计194条，另发布新闻稿件1000余条（次）；全年共收到信息公开申请2件，均依法答复。",
  2023, "http://scjdglj.suizhou.gov.cn/fbjd_12/zwgk/xxgknb/202402/t20240221_1196765.shtml",
  rows=[("government_information_published_count",2023,194,"exact","year","printed total over website + WeChat; news articles are not counted"),
        ("foi_requests_count",2023,2,"exact","year","")])
p("2024年，黔东南州人民政府通过州政府门户网站公开财政资金、发展规划、稳岗就业、乡村振兴等各类信息12500余条，开展政策解读32期，发行《黔东南州人民政府公报》6期共600册，并通过公报公开州政府、州政府办公室重要政策文件和州直部门规范性文件111件。全年共收到公众向州政府或州政府办公室提交的政府信息公开申请42件，依法办结35件，结转下年度7件；因政府信息公开引起行政复议2件、复议后提起行政诉讼1件。",
  2024, "https://www.qdn.gov.cn/zwgk_5871642/zfxxgk_5871649/zfxxgknb_5871697/2023n_5975415/202501/t20250123_86671682.html",
  rows=[("foi_requests_count",2024,42,"exact","year","requests received; 35 closed is a subset; the website figure 12500余条 is one channel next to the gazette (111件), so no published total; the FOI reconsideration/litigation counts are not region totals")])
p("2024年，安顺市各级行政机关对照《条例》明确的法定主动公开内容，共主动公开各类信息94926条，其中市本级发布40429条、县（区）发布54497条；公开规范性文件577件、规章2件。",
  2024, "http://www.anshun.gov.cn/zfxxgk/zfxxgknb/2024year/202501/t20250126_86691332.html",
  rows=[("government_information_published_count",2024,94926,"exact","year","whole-city total (city 40429 + counties 54497); 577 normative documents published is not the number issued")])
p("2月23日，鄂州市审计局召开全市审计系统2023年度表彰大会。会议指出，2023年全市审计机关全年共完成审计（调查）项目33个、临时交办任务7项，审计查出问题金额43.14亿元，并有审计项目获评全省审计机关优秀审计项目二等奖。",
  2023, "http://sjj.ezhou.gov.cn/xwzx/sjdt/202402/t20240226_613728.html",
  rows=[("audit_projects_count",2023,33,"exact","year","whole-city audit organs, 审计（调查）项目33个; the 7 ad-hoc tasks are not projects")])
p("近日，湖南省委审计委员会办公室和省审计厅通报表彰2023年全省审计机关优秀审计项目，邵阳市有4个审计项目上榜：邵阳市审计局实施的1个项目获市级二等奖，武冈市审计局、绥宁县审计局各有1个项目获县级一等奖，邵东市1个项目获县级二等奖。",
  2023, "http://sjj.shaoyang.gov.cn/sysjj/dtxx/202310/2c7bf4af19094b228e5a4f068697d44a.shtml",
  trap="trap: audit_projects_count (4 award-winning projects, not the number of audit projects carried out)")
p("株洲市芦淞区市场监督管理局2023年度专项抽查工作计划（节选）\n抽查任务名称 | 抽查类型 | 抽查对象范围 | 抽取比例 | 检查时间 |\n2022年度年报企业登记事项及公示信息检查 | 不定向 | 已报送2022年度年报的市场主体 | 企业1% | 7月至12月 |\n转供电环节价格行为检查 | 定向 | 全区转供电主体 | 15% | 7至11月 |\n广告活动行为检查 | 定向 | 名称含“广告”或“传媒”的企业 | 5-10% | 2023年12月31日前 |\n餐饮服务监督检查 | 不定向 | 持证餐饮服务经营者 | 5% | 2月至11月 |",
  2023, "http://www.lusong.gov.cn/c21786/20230423/i2036572.html",
  trap="trap: random_inspections_count (a 双随机 sampling plan with ratios, no count of inspections carried out)")
p("2022年，开州区生态环境局在区政府官网公示信息共计２２７条，其中环境质量信息１２条、行政审批１１８条、行政处罚６２条、行政强制１条、监督举报投诉公示２４条、其他类信息１０条；全年收到依申请公开信息２条，均在法定时限内答复。",
  2022, "http://www.cqkz.gov.cn/kz/fzhggwyh_80906/zwgk_72016/zfxxgknb_72026/202301/t20230128_11534234.html",
  rows=[("government_information_published_count",2022,227,"exact","year","full-width digits; total with parts"),
        ("foi_requests_count",2022,2,"exact","year","full-width digits")])
p("咸宁市生态环境局嘉鱼县分局2022年通过各类载体主动公开政府信息125条，其中工作动态35条、公示公告10条、环境影响评价43条、行政处罚信息14条、中央生态环境保护督察信息11条、双随机抽查信息11条；处理群众来信来电投诉116条，均按要求办结。全年办理依申请公开0件。",
  2022, "http://www.jiayu.gov.cn/xxgk/dfbmptlj/bmxxgkpt/ssthjjjyxfj/zfxxgkndbg/202301/t20230119_2936871.shtml",
  rows=[("government_information_published_count",2022,125,"exact","year","total over all carriers; '双随机抽查11条' are published items, not a count of random inspections; 116 complaints are not FOI requests"),
        ("foi_requests_count",2022,0,"exact","year","explicit zero")])
p("二〇二一年，内江市隆昌生态环境局通过市政府门户网站政府信息公开目录主动公开政府信息共二百零四条，其中工作动态一百零四条、公示公告一百条；全年未收到依申请公开事项。",
  2021, "https://www.longchang.gov.cn/lcs/xjbm6/202201/986085b2955d48029dfaacccde3659c7.shtml",
  rows=[("government_information_published_count",2021,204,"exact","year","Chinese numerals (二百零四)"),
        ("foi_requests_count",2021,0,"exact","year","explicit zero")])
p("2022年，十堰市生态环境局竹山分局主动公开各类信息共计562件，涉及工作动态3篇、环评公示144篇、空气和水环境质量信息410篇、规划信息2篇、部门文件2篇、信息公开年报1篇。\n另在今日竹山、湖北日报等媒体发布工作动态200余条。",
  2022, "http://www.zhushan.gov.cn/xxgkxi/xxgknb/202302/t20230201_4175371.shtml",
  rows=[("government_information_published_count",2022,562,"exact","year","disclosure total (parts add to 562); media articles are news, not the bureau's disclosures")])
p("2023年，县审计局全年未收到公民、法人或其他组织的政府信息公开申请；未设立微信公众号、微博等公开平台。\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规范性文件 | 0 | 0 | 0 |\n行政处罚 | 0 |",
  2023, "https://www.xjtl.gov.cn/gk_xxgkndbg/7253.html",
  rows=[("foi_requests_count",2023,0,"exact","year","explicit zero"),
        ("normative_documents_issued_count",2023,0,"exact","year","table row"),
        ("normative_documents_repealed_count",2023,0,"exact","year","table row")])
a("2023年，凉山州审计局门户网站共更新信息1335条，其中概况类信息9条、政务动态信息183条、信息公开目录信息215条；领导信箱公开信件6件，开展征集调查6次。全年未收到依申请公开的申请。",
  2023, "government_information_published_count: is 1335 (website updates) the published total although the listed parts add only to 407? (foi_requests_count 0 is clear)",
  "https://sjj.lsz.gov.cn/xxgk/zfxxgknb_31679/202401/t20240130_2625748.html")
p("2023年，襄阳市审计局聚焦审计工作全流程公开，主动公开审计公告、审计项目实施情况、审计工作报告和审计整改情况报告等；依申请公开方面全年办理依申请公开事项5件。",
  2023, "http://sjj.xiangyang.gov.cn/zwgk/gknb/202401/t20240102_3544212.shtml",
  rows=[("foi_requests_count",2023,5,"exact","year","5 requests handled; no count of published items or audit projects")])
p("省高级人民法院发布的《2023年度青海法院行政审判白皮书》显示，2023年全省法院审结的一审行政诉讼案件中，行政机关败诉率为32.49%，较上年略有下降；全年各级法院共受理各类行政案件2203件（含旧存245件），审结1976件，审结率89%。开庭审理的937件行政案件中，行政机关负责人出庭应诉802件，出庭应诉率为85.59%，同比上升约8.4个百分点。",
  2023, "http://125.65.46.38/downPORfy/808882.htm",
  rows=[("admin_litigation_loss_rate_pct",2023,32.49,"exact","year","province-wide loss rate of concluded first-instance cases (headline rounds it to 约32%)"),
        ("agency_head_court_appearance_rate_pct",2023,85.59,"exact","year","802 of 937 tried cases; 2203 are all kinds of administrative cases incl. 245 old ones, not first-instance filings")])
p("“十二五”时期，曲靖市建立市、县、乡三级应急管理领导和组织体系，成立安全生产、防汛抗旱、抗震救灾、森林防火、公共卫生等各级各类专项指挥机构；健全完善应急预案体系，全市共制定各级各类应急预案17300余个，覆盖常见各类突发事件。",
  2017, "https://www.qj.gov.cn/html/2017/szfbgswj_1018/268604.html",
  trap="trap: emergency_plans_count (17300余个 is the stock of plans built over the five-year 十二五 period, not plans made or revised in one year; page is the 2017 十三五 emergency-system plan)")
a("2023年，常德市严格落实行政执法人员集中审批、统一管理、动态调整制度，全市12792名行政执法人员全部纳入行政执法信息平台管理；全年开展各类执法人员培训169场、培训13900余人次，参训率100%。",
  2023, "certified_enforcement_officers_count: are the 12792 行政执法人员 (centrally approved and registered on the platform) certificate holders (gold 12792), or is 'holders of 执法证' not stated? (training figures are excluded either way)",
  "https://sfj.changde.gov.cn/zwgk/public/6617353/2013099811.html")
p("常德市出台涉企行政检查监督管理办法，落实涉企检查“扫码（湖南营商码）”“亮证（行政执法证）”和年度检查计划备案制度：2023年，全市31家行政执法单位制定涉企检查年度方案31份，梳理涉企检查事项清单198项，开展涉企执法检查425次。",
  2023, "https://sfj.changde.gov.cn/zwgk/public/6617353/2013099811.html",
  trap="trap: random_inspections_count (425 enterprise inspections, not said to be 双随机); certified_enforcement_officers_count (亮证 named, no count)")
p("近日，大姚县林业和草原局联合县市场监督管理局，对全县持有林木种苗生产经营许可证的26家单位开展“双随机一公开”抽检，重点核查许可证变更、档案管理和标签制度执行等情况，现场填写随机抽检记录表并提出整改意见，结果依法公开。",
  2020, "https://060378.com/sf_01903d43f99a40218a90a18e6b7a1093_264_ynzm.html",
  trap="trap: random_inspections_count (one joint 双随机 campaign of two bureaus covering 26 units — a subset and a count of units, not the county's number of random inspections)")
p("2023年，长沙县共有行政执法事项6432项，其中行政检查529项；全年共实施各类行政执法行为840948件，主要集中在行政处罚（122085件）、行政许可（114152件）、行政给付和行政确认等类型。中共长沙县委全面依法治县委员会第七次、第八次会议对行政执法工作作了专题研究部署。",
  2023, "http://www.csx.gov.cn/zwgk/bmxxgkml/1289201/1289194/202401/t20240131_11361464.html",
  trap="trap: rule_of_law_meetings_count (第七次、第八次 are ordinals of the committee's sessions, not a count); random_inspections_count (529 inspection items in the list, not inspections)")
p("自治区党委、政府把法治政府建设放在改革发展全局中统筹谋划。自治区党委书记多次主持召开自治区党委常委会会议研究法治广西特别是法治政府建设重大事项，专题听取自治区人大常委会、政府、政协、高级法院、检察院党组工作汇报；自治区主席多次主持召开自治区政府常务会议，研究推进法治政府建设重要工作。",
  2021, "http://gxbdw.cn/news/zixun/2199.html",
  trap="trap: rule_of_law_meetings_count (多次 — no number of meetings printed)")
p("9月17日，全省第十五次政府法制工作联席会议在榆林召开，副省长出席并讲话。会议重点研讨陕西省2016至2020年加强法治政府建设规划（征求意见稿），并表彰了安康市、武功县等依法行政示范市县（区）。",
  2015, "https://yybnet.net/xianyang/wugong/201509/4234354.html",
  trap="trap: rule_of_law_meetings_count (第十五次 is an ordinal of a joint work meeting, neither a count nor a party/government meeting)")
p("2024年9月至2025年8月，铜梁区审计局依法审计2024年度区级预算执行和其他财政收支情况，共实施13个项目，其中财政预算审计5个、重大政策措施审计2个、民生专项审计调查2个、资源环境审计1个、企业审计1个、投资审计2个；审计发现主要问题154个，核减工程投资额808.17万元，提出审计建议43条。",
  2024, "https://www.cqstl.gov.cn/bm/qsjj_71119/zwgk_70831/fdzdgknr_70834/qtgknr/sjxx/202511/t20251110_15151279.html",
  rows=[("audit_projects_count",2024,13,"exact","2024年9月至2025年8月","audit-year period printed; 13 projects with their six parts; 154 problems and 43 suggestions are not projects")])
p("2024年7月至2025年8月，南川区审计局围绕全区“1343”总体思路开展常态化“经济体检”，对21家单位开展了审计。审计结果表明，2024年全区一般公共预算收入增长9.4%，争取各类资金127.4亿元，15件民生实事超计划完成年度投资。",
  2024, "http://www.cqnc.gov.cn/qzfbm_197/sjj/zwgk_53999/zfxxgkml2/sjxx369/202601/t20260119_15334702.html",
  trap="trap: audit_projects_count (21 audited units, not a number of audit projects)")
p("2024年，钦州市人民政府办公室在市政府门户网站主动公开文件62件、政策解读18件，微博推送信息319条；全年共受理依申请公开事项36件（自然人32件、企业2件、其他组织2件），上年结转7件。政府信息管理方面，全年制发（修改）政府规章1份、废止1份，现行有效规章8份；制发规范性文件3份、废止18份，现行有效规范性文件81份。",
  2024, "http://www-qinzhou-gov-cn.njmu.s5.bt8.net/zfxxgk/qzszfxxgkpt/qzsrmzfbgs/zfxxgknb_5/t19555553.shtml",
  rows=[("foi_requests_count",2024,36,"exact","year","new requests received (7 carried over are not added); file/解读/微博 channel figures give no published total"),
        ("normative_documents_issued_count",2024,3,"exact","year","normative documents, not the government rule (规章 1)"),
        ("normative_documents_repealed_count",2024,18,"exact","year","18 repealed; 81 in force is the stock")])
p("2024年，防城港市大数据和行政审批局通过门户网站主动公开信息1116条，其中政务公开54条、工作动态72条、通知公告967条、政策法规7条、机构风采11条、党建类5条；通过微信公众号公开信息130条。全年共收到政府信息公开申请22件。",
  2024, "http://www.fcgs.gov.cn/zfxxgk/zfxxgkndbg/2024gknb/t19595017.shtml",
  rows=[("foi_requests_count",2024,22,"exact","year","website (1116) and WeChat (130) are two channel figures without a printed total, so no published value")])
p("2022年，五华区人民政府办公室公开政府文件15件、规范性文件1件、建议提案139件、常务会议信息12条，转载党中央、国务院重大决策部署等权威信息242条；全年共接到依申请公开办件18件。",
  2022, "http://www.kmwh.gov.cn/c/2023-01-18/6515597.shtml",
  rows=[("foi_requests_count",2022,18,"exact","year","18 requests; 139 建议提案 are published replies (not a count handled by the government here), 1 normative document published is not issued; no published total")])
p("2024年，官渡区组织政府系统38家单位编制政府信息主动公开事项目录，新增“食品安全”“法律服务”等专栏；全年区人民政府门户网站主动公开信息6467条，其中法定主动公开3669条、重点领域1462条。",
  2024, "http://www.kmgd.gov.cn/c/2025-02-19/6968368.shtml",
  rows=[("government_information_published_count",2024,6467,"exact","year","website is the only channel; 3669 and 1462 are subsets; 38 units compiled catalogues")])
p("2023年，西藏自治區民委圍繞鑄牢中華民族共同體意識工作主線做好政府信息公開，全年主動公開政府信息68條，其中工作動態類55條、部門預算決算信息4條、其他9條。",
  2023, "http://www.f93777.com/zwgk/xxgk_424/xxgknb/2023nb/202402/t20240221_404515.html",
  rows=[("government_information_published_count",2023,68,"exact","year","traditional characters; total with parts")])
p("2023年，西藏自治区政府国资委通过参加新闻发布会等方式公开相关信息，充分发挥微信公众号等平台载体作用，微信公众号共发布126条信息，并通过“西藏国资委”公众号公开自治区党委巡视反馈及整改情况。",
  2023, "http://www.xizang.gov.cn/zwgk/xxgk_424/xxgknb/2023nb/202401/t20240129_401305.html",
  trap="trap: government_information_published_count (126 is one WeChat channel stated alone, not the commission's published total)")
p("2023年，临夏市通过政府网站主动公开政府信息10311条，发布主动公开文件12件、同步解读12件，各部门发布政策文件263件、政策解读607条；通过政务新媒体公开政府信息42828条。全年共受理网民留言60条，均已办结。",
  2023, "https://lxs.gov.cn/lxs/zwgk/xxgkndbg/2023/szf/art/2024/art_c6c8b76aee574d2d9311aacff65ab5fe.html",
  trap="trap: government_information_published_count (website 10311 and new media 42828 are two channel figures with no printed total); foi_requests_count (60 are netizen messages, not FOI requests)")
p("2023年，桐柏县通过政府网站共发布各类信息14306条，通过政务新媒体发布信息1708条；全年共收到依申请公开21件，均为公民个人申请，均在规定期限内答复。县政府门户网站“政策专栏”全年发布行政规范性文件7件、废止0件，现行有效文件30件。",
  2023, "https://www.tongbai.gov.cn/2024/03-18/750009.html",
  rows=[("foi_requests_count",2023,21,"exact","year","website and new-media figures are two channels without a total"),
        ("normative_documents_issued_count",2023,7,"exact","year","7 issued; 30 in force is the stock"),
        ("normative_documents_repealed_count",2023,0,"exact","year","explicit zero (废止0件)")])
p("2023年，汉阴县政府门户网站主动公开政务“五公开”和重点领域信息5431条，“汉阴发布”政务微信发布信息2238条、政务微博2062条；公开人大代表建议180条、政协委员提案111条。依申请公开方面，全年受理依申请公开申请30件，同比增加58%，其中网络申请21件、信函申请9件。",
  2023, "https://www.hanyin.gov.cn/Content-2673984.html",
  rows=[("foi_requests_count",2023,30,"exact","year","30 = 21 online + 9 by letter; the three channel figures have no total; 180/111 are published suggestion/proposal replies, not stated as handled")])
p("2023年，华容县通过县政府门户网站、邮递信函、政务电子邮箱、当面申请等渠道收到政府信息公开申请26件，上年结转0件；全年办结26件，结转下年度0件。",
  2023, "https://huarong.gov.cn/33082/content_2161917.html",
  rows=[("foi_requests_count",2023,26,"exact","year","26 new requests; 办结 is the same set")])
a("2023年，华容县主动公开政府信息12917条（其中概况类信息100条，政务动态信息1785条，信息公开目录信息4438条）。",
  2023, "government_information_published_count: is 12917 the published total although the three listed categories add only to 6323?",
  "https://huarong.gov.cn/33082/content_2161917.html")
p("2023年，南召县通过政府网站发布信息2484条，其中概况类信息更新584条、政务动态信息更新144条、信息公开目录信息更新1756条；全年收到政府信息公开申请48件，均已依法按时答复。通过政府门户网站集中公开行政规范性文件3件，现行有效5件。",
  2023, "https://www.nanzhao.gov.cn/2024/01-24/806055.html",
  rows=[("government_information_published_count",2023,2484,"exact","year","parts add to 2484"),
        ("foi_requests_count",2023,48,"exact","year","3 normative documents 'publicly displayed' are not stated as issued")])
p("截至2022年12月，海南省生态环境厅门户网站、微信、微博全年共发布政府信息3343条。本年出台行政规范性文件：制发2件，废止1件，现行有效22件；行政许可处理决定450项。2022年受理政府信息依申请公开事项46件，办结44件。",
  2022, "http://hnsthb.hainan.gov.cn/xxgk/0200/0204/202301/t20230128_3351084.html",
  rows=[("government_information_published_count",2022,3343,"exact","year","printed total over website, WeChat and Weibo"),
        ("normative_documents_issued_count",2022,2,"exact","year",""),
        ("normative_documents_repealed_count",2022,1,"exact","year","22 in force is the stock"),
        ("foi_requests_count",2022,46,"exact","year","accepted 46; 44 closed is a subset")])
p("2022年，海口市人民政府研究室主动公开文件17件，内容涉及机构介绍、财政公开、规划计划、人事信息、政府采购等；本年度未收到任何形式的依申请公开，也未发生行政复议和行政诉讼。",
  2022, "http://www.haikou.gov.cn/xxgk/szfyjs/xxgkndbg_10370/202301/t1221496.shtml",
  rows=[("government_information_published_count",2022,17,"exact","year","17 documents proactively published by the office"),
        ("foi_requests_count",2022,0,"exact","year","explicit zero")])
p("2022年，海口市发展和改革委员会共制发公文4476件；全年在政府网站、微信公众号上发布各类公开信息1520条，其中主动公开制式文件787条、其他信息733条。全年共办理依申请政府信息公开9件，予以公开2件、部分公开1件、本机关不掌握相关信息6件。",
  2022, "https://tjmarcaurele.com/drc/xxxgk/xxgkndbg/202301/t1222134.shtml",
  rows=[("government_information_published_count",2022,1520,"exact","year","total over website + WeChat (787+733); 4476 official documents drafted are not normative documents issued"),
        ("foi_requests_count",2022,9,"exact","year","")])
p("湖南省政府办公厅日前印发全面推行证明事项告知承诺制实施方案：3月底前，省直各部门在门户网站公布本级实行告知承诺制的证明事项目录；4月30日前，各市州、县市区政府公布本级目录；6月30日前，全省除特殊重大领域外原则上都要实行证明事项告知承诺制。",
  2021, "http://xinyong12345.com/a/xinyongdongtai/difang/1205.html",
  trap="trap: commitment_certification_items_count (a timetable for publishing catalogues; no number of items)")
p("2024年，广西壮族自治区应急管理厅通过厅网站专栏主动公开机构简介、应急预案、行政许可、执法信息等内容；全年共收到政务信息公开申请19件，上年结转9件，受理28件，均已答复。",
  2024, "http://yjglt.gxzf.gov.cn/gwgg/t19553879.shtml",
  rows=[("foi_requests_count",2024,19,"exact","year","19 received this year; 28 includes 9 carried over; 应急预案 is only a disclosure category (no count of plans)")])
p("2024年，六盘水市应急局通过局门户网站和微信公众号共公开安全生产、防灾减灾救灾等各类非涉密信息1057条，其中门户网站633条、微信公众号（凉都应急管理）424条；全年共收到3份依申请公开信件，其中网络申请2份、邮寄申请1份，均已受理并按时办结。",
  2024, "http://yjj.gzlps.gov.cn/bmxxgk/zfxxgk/zfxxgknb/2024n/",
  rows=[("government_information_published_count",2024,1057,"exact","year","printed total over website and WeChat (633+424)"),
        ("foi_requests_count",2024,3,"exact","year","3 requests (份)")])
p("2023年，广元市市场监管局全年主动公开政府信息2170条，其中官方网站1531条、官方微博141条、微信公众号374条、微信视频号18条、抖音38条、今日头条68条；全年共收到2个自然人的政府信息公开申请，均在规定时限内答复。",
  2023, "http://gysj.cngy.gov.cn/new/show/20240117192758988.html",
  rows=[("government_information_published_count",2023,2170,"exact","year","total over six channels (parts add to 2170)"),
        ("foi_requests_count",2023,2,"exact","year","requests from 2 natural persons")])
p("廣安區司法局堅持以“嚴”字為首筑牢決策“防火牆”：今年以來，區司法局共審核區政府重大行政決策、規範性文件、行政協議等37件，其中規範性文件5件，提出修改建議144條。同時踐行能動復議理念，今年以來共受理行政復議案件17件，通過調解、和解等方式化解行政爭議7件。",
  2024, "http://m.courtneyjines.com/B000000227/202405/113791.html",
  rows=[("legality_reviews_count",2024,37,"exact","今年以来","traditional characters; news of May 2024, so a partial-year figure; 5 normative documents are a subset; 144 suggestions are not reviews"),
        ("admin_reconsideration_accepted_count",2024,17,"exact","今年以来","17 accepted; 7 resolved by mediation/settlement is a subset")])
p("2023年，白云区压实党政主要负责人履行推进法治建设第一责任人职责，区委、区政府主要负责同志主持召开区委常委会会议、区委全面依法治区委员会会议、区政府常务会议，研究部署依法行政、法治考评等工作15次；“会议+书面”述法818人次，组织2.5万多名国家工作人员参加并通过学法考试。",
  2023, "https://www.by.gov.cn/zwgk/fzzfjs/qfzzfjsbg/content/post_9419915.html",
  rows=[("rule_of_law_meetings_count",2023,15,"exact","year","one printed count over standing-committee, rule-of-law-committee and executive meetings studying rule-of-law work; 818 述法 and the law exam are not meetings")])
p("3月19日，广东省政府党组召开会议，审议《广东省人民政府2019年度法治政府建设情况报告》，研究部署有关工作，强调把建设法治政府摆在全局工作突出位置，加强疫情防控法治保障，持续推进行政决策科学化民主化法治化。",
  2020, "http://www.gd.gov.cn/xxts/content/post_2937252.html",
  trap="trap: rule_of_law_meetings_count (a single meeting reported without any count)")
p("四川省日前公布《关于健全和完善政府法律顾问制度的意见》，明确完善政府法律顾问服务架构，实现省、市（州）、县（市、区）、乡（镇）四级政府全部建立法律顾问制度，并推动政府法律顾问工作由法律咨询、合同审查向行政决策论证、参与规范性文件制定等领域延伸。",
  2015, "https://www.swol.com.cn/m/news_32485_1",
  trap="trap: agencies_with_legal_advisers_count (a target of four-tier coverage, no count of agencies)")
p("8月24日，全省市县法治建设暨法治政府建设示范创建工作现场推进会在长沙召开。会议要求深入学习贯彻习近平法治思想，落实省委依法治省委员会2023年第一次会议精神，推进市县法治建设，以示范创建带动全面依法治省各项任务落实。",
  2023, "https://pf.rednet.cn/content/646742/69/12987294.html",
  trap="trap: rule_of_law_meetings_count (第一次会议 is an ordinal; the 现场推进会 is a work meeting)")
p("11月23日上午，夏邑县县长组织召开全县创建全省法治政府建设示范县加压推进会，通报示范县创建工作进度，并对行政诉讼发案量和败诉率“双下降”工作作出安排部署，要求提前做好实地核验、核查指标等准备工作。",
  2023, "https://xiayi.gov.cn/ztzl/fzzfjssfcj/cjgzdt/content_17008",
  trap="trap: rule_of_law_meetings_count (one work-promotion meeting, no count); admin_litigation_cases_count / admin_litigation_loss_rate_pct (a target of 'double decline', no figures)")
p("2024年，我局（天河区）严格按照《条例》及有关解释文件要求，经保密审查和领导签字确认后依托区政府网站专栏主动公开政府信息，全年共生成主动公开的政府信息232条；全年共受理29宗政府信息公开申请，均在办理时限内答复。",
  2024, "https://www.keceyun.com/policy/newsdetail/124317.html",
  rows=[("government_information_published_count",2024,232,"exact","year","a Tianhe district bureau's own FOI report"),
        ("foi_requests_count",2024,29,"exact","year","29 宗")])
p("2024年，硚口区司法局按规定更新政府信息公开栏目：在“通知公告”栏目发布硚口区实行告知承诺制证明事项清单（2024版）和取消的实行告知承诺制证明事项清单；在“法定主动公开”栏目发布2024年度双随机抽查工作计划及抽查结果、行政处罚自由裁量基准和复议决定书等内容。",
  2024, "https://www.qiaokou.gov.cn/xxgk/zfxxgknb/bmjdhz/qzfgzjg/qsfj/202501/t20250120_2520999.shtml",
  trap="trap: commitment_certification_items_count (lists published, no number of items); random_inspections_count (plan and results published, no count)")
p("2024年，铜梁区司法局通过区政府网区司法局小首页主动公开政府信息167条，其中政策类文件3条、公共法律服务领域类信息60条、行政复议类信息24条、政协提案办理结果答复1件、人大代表建议办理结果答复2件。\n另通过“龙乡法治”微信公众号发布信息377篇。全年未收到政府信息公开申请，区司法局未印制行政规范性文件。",
  2024, "https://cqstl.gov.cn/bm/qsfj_71104/zwgk_70831/zfxxgknb_70842/202501/t20250115_14163770.html",
  rows=[("government_information_published_count",2024,167,"exact","year","the bureau's disclosure figure; WeChat articles are reported separately"),
        ("foi_requests_count",2024,0,"exact","year","explicit zero"),
        ("normative_documents_issued_count",2024,0,"exact","year","未印制 = none issued")])
p("2024年，光明区外事局依法依规做好政府信息公开工作，本年度未收到依申请公开件。\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 0 | 0 |",
  2024, "https://www.szgm.gov.cn/xxgk/zfxxgkgzndbg/qgbmxxgknb/content/post_11976060.html",
  rows=[("foi_requests_count",2024,0,"exact","year","explicit zero"),
        ("normative_documents_issued_count",2024,0,"exact","year","table row"),
        ("normative_documents_repealed_count",2024,0,"exact","year","table row")])
p("2024年，佛坪县重新组建县委全面依法治县委员会暨平安建设领导小组，由县委书记任主任、县长任第一副主任，全年共召开委员会会议2次，研究解决依法治县工作中的重大问题；举办习近平法治思想专题培训班2场次、培训领导干部150人次，并选取7个镇（街道）和3个执法部门开展现场述法。",
  2024, "http://www.foping.gov.cn/fpxzf/fzzf/202601/a4a18e25fd9248b6910d211b1f034c49.shtml",
  rows=[("rule_of_law_meetings_count",2024,2,"exact","year","2 meetings of the county rule-of-law committee; 2 training sessions and 150 trainees are not meetings")])
