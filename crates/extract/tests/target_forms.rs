//! End-to-end on 预算 performance-target forms cut from real budgets (three
//! forms per document where it prints three; testdata/forms-*.pdf). Every
//! expected field and indicator was read on the page (notes/issue21-expected/
//! holds the transcriptions): each indicator as 一级 / 二级 / 三级指标 and 指标值,
//! with 分值 / 指标性质 / 度量单位 where the form prints them.
mod common;
use common::*;
use serde_json::Value;

fn form<'a>(json: &'a Value, project: &str) -> &'a Value {
    json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["project"] == project)
        .unwrap_or_else(|| panic!("no form {project}"))
}

fn of_kind<'a>(json: &'a Value, kind: &str) -> Vec<&'a Value> {
    json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == kind)
        .collect()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

/// The form's indicators that print an indicator or a value, as (一级, 二级,
/// 三级, 指标值, extra) where extra is the field `extra` names ("" for none).
fn indicators<'a>(form: &'a Value, extra: &str) -> Vec<[&'a str; 5]> {
    form["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["level2"].is_null() || !i["target"].is_null())
        .map(|i| {
            [
                s(&i["category"]),
                s(&i["level1"]),
                s(&i["level2"]),
                s(&i["target"]),
                if extra.is_empty() { "" } else { s(&i[extra]) },
            ]
        })
        .collect()
}

/// The funds block as (source, first value) pairs.
fn funds(form: &Value) -> Vec<(&str, &str)> {
    form["funds"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let v = r["values"].as_array().unwrap();
            (
                s(&r["source"]),
                v.iter().find_map(|v| v.as_str()).unwrap_or(""),
            )
        })
        .collect()
}

/// 烟台市住房和城乡建设局 2026 预算, pp38, 74–75, 91: 政策和项目预算绩效目标表, one project per page; the second runs onto the next page, its rows printing their 一级/二级 cells again. Three forms, not one grid.
#[test]
fn yantai_housing_one_project_per_form() {
    let json = extract_json("forms-yantai-housing.pdf");
    let f = form(&json, "冬季清洁取暖绩效评价服务");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "253_烟台市住房和城乡建设局");
    assert_eq!(f["implementer"], "烟台市住房和城乡建设局");
    assert_eq!(
        funds(f),
        [
            ("年度预算资金总额", "108.35"),
            ("其中：财政拨款", "108.35"),
            ("其他资金", "0.00")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("对烟台市清洁取暖2021-2023年三年国家试点项目"));
    assert_eq!(
        indicators(f, ""),
        [
            ["成本指标", "经济成本", "项目总成本", "≤108.35万元", ""],
            [
                "产出指标",
                "数量指标",
                "市直部门试点申报项目覆盖率",
                "=100%",
                ""
            ],
            [
                "产出指标",
                "数量指标",
                "清洁取暖工程采集样本数量",
                "≥10000户",
                ""
            ],
            [
                "产出指标",
                "数量指标",
                "农村建筑节能采集样本数量",
                "≥4000户",
                ""
            ],
            [
                "产出指标",
                "数量指标",
                "城区（县城）建筑节能采集样本数量",
                "≥158栋楼",
                ""
            ],
            [
                "产出指标",
                "数量指标",
                "超低能耗建筑采集样本数量",
                "≥10万平方米",
                ""
            ],
            [
                "产出指标",
                "数量指标",
                "建立绩效评价信息数字化统计平台",
                "＝1个",
                ""
            ],
            [
                "产出指标",
                "质量指标",
                "冬季清洁取暖绩效评价服务质量达标率",
                "=100%",
                ""
            ],
            ["产出指标", "时效指标", "完工及时率", "=100%", ""],
            [
                "效益指标",
                "社会效益指标",
                "烟台市冬季清洁取暖工作的进展",
                "有力推进",
                ""
            ],
            [
                "效益指标",
                "社会效益指标",
                "冬季清洁取暖改造进度",
                "有力推进",
                ""
            ],
            [
                "效益指标",
                "可持续影响指标",
                "冬季清洁取暖工作规范化、制度化",
                "持续规范",
                ""
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "改造对象满意度",
                "≥90%",
                ""
            ]
        ]
    );
    let f = form(&json, "房地产发展研究及宣传推介");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "253_烟台市住房和城乡建设局");
    assert_eq!(f["implementer"], "烟台市住房和城乡建设局");
    assert_eq!(
        funds(f),
        [
            ("年度预算资金总额", "100.00"),
            ("其中：财政拨款", "100.00"),
            ("其他资金", "0.00")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("通过搭建定向购房优惠券发放平台"));
    assert_eq!(
        indicators(f, ""),
        [
            ["成本指标", "经济成本", "平台运维相关费用", "≤10万元", ""],
            ["成本指标", "经济成本", "宣传营销费用", "≤30万元", ""],
            ["成本指标", "经济成本", "群团购活动费用", "≤5万元", ""],
            [
                "成本指标",
                "经济成本",
                "住房发展计划编制费用",
                "≤15万元",
                ""
            ],
            [
                "成本指标",
                "经济成本",
                "“好房子”建设现场会相关费用",
                "≤10万元",
                ""
            ],
            [
                "成本指标",
                "经济成本",
                "房地产业高质量发展大会费用",
                "≤20万元",
                ""
            ],
            [
                "成本指标",
                "经济成本",
                "2024年-2025年双年度白皮书编制费",
                "≤10万元",
                ""
            ],
            ["产出指标", "数量指标", "定向购房优惠券发放平台", "=1个", ""],
            [
                "产出指标",
                "数量指标",
                "房地产宣传营销活动及“宜居烟台”对外专题推介会",
                "≥12次",
                ""
            ],
            ["产出指标", "数量指标", "群团购活动", "≥100次", ""],
            ["产出指标", "数量指标", "2026烟台市住房发展计划", "=1份", ""],
            [
                "产出指标",
                "数量指标",
                "房地产及“好房子”建设现场会",
                "≥2次",
                ""
            ],
            [
                "产出指标",
                "数量指标",
                "2026房地产业高质量发展大会",
                "=1次",
                ""
            ],
            [
                "产出指标",
                "数量指标",
                "2024年-2025年双年度白皮书",
                "=1份",
                ""
            ],
            ["产出指标", "质量指标", "编写规划合格率", "=100%", ""],
            ["产出指标", "时效指标", "活动举办及时率", "=100%", ""],
            [
                "效益指标",
                "社会效益指标",
                "规范我市房地产市场秩序和房地产开发企业经营行为",
                "作用显著",
                ""
            ],
            [
                "效益指标",
                "社会效益指标",
                "规范房地产开发企业销售人员及房地产经纪机构从业人员行为",
                "作用显著",
                ""
            ],
            [
                "效益指标",
                "可持续影响指标",
                "房地产市场供需平衡、结构合理",
                "作用显著",
                ""
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "活动参与人员满意度",
                "≥90%",
                ""
            ]
        ]
    );
    let f = form(&json, "工程质量安全监督工作经费");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "253_烟台市住房和城乡建设局");
    assert_eq!(f["implementer"], "烟台市建设工程质量和安全监督站");
    assert_eq!(
        funds(f),
        [
            ("年度预算资金总额", "50.00"),
            ("其中：财政拨款", "50.00"),
            ("其他资金", "0.00")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("通过完成全市工程质量监督检查"));
    assert_eq!(
        indicators(f, ""),
        [
            ["成本指标", "经济成本", "总成本控制范围", "≤50万元", ""],
            [
                "产出指标",
                "数量指标",
                "全市工程质量安全及扬尘检查次数",
                "≥400次",
                ""
            ],
            ["产出指标", "质量指标", "全市工程质量合格率", "=100%", ""],
            [
                "产出指标",
                "时效指标",
                "工程质量安全及扬尘检查及时率",
                "=100%",
                ""
            ],
            [
                "效益指标",
                "社会效益指标",
                "安全事故发生风险",
                "有效降低",
                ""
            ],
            [
                "效益指标",
                "社会效益指标",
                "安全生产管理水平",
                "明显提升",
                ""
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "施工单位满意度",
                "≥90%",
                ""
            ]
        ]
    );
}

/// 西安市司法局 2026 预算, pp50, 92: 表14-1 部门专项业务经费绩效目标表 (分值权重) and the 部门整体支出绩效目标表 (年度主要任务 with their amounts, then the indicators).
#[test]
fn xian_justice_project_and_department_forms() {
    let json = extract_json("forms-xian-justice.pdf");
    let f = form(&json, "司法行政业务培训");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "西安市司法局");
    assert_eq!(
        funds(f),
        [
            ("实施期资金总额", "58.97"),
            ("其中：财政拨款", "58.97"),
            ("其他资金", "")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("加强和规范我市司法所建设"));
    assert_eq!(
        indicators(f, "weight"),
        [
            [
                "成本指标",
                "经济成本",
                "人民调解员案件调解补贴（元/件）",
                "≤500",
                "5"
            ],
            [
                "成本指标",
                "经济成本",
                "人民监督员案件监督补贴（元/件）",
                "400",
                "5"
            ],
            ["产出指标", "数量指标", "人民调解案件数(件)", "≥1000", "10"],
            [
                "产出指标",
                "质量指标",
                "人民调解案件完成率（%）",
                "≥90",
                "20"
            ],
            [
                "产出指标",
                "时效指标",
                "人民调解委员会调解纠纷期限（天）",
                "≤60",
                "10"
            ],
            [
                "效益指标",
                "社会效益指标",
                "全市各类人民调解组织受理调解民间纠纷（件次）",
                "≥40000",
                "30"
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "服务对象满意度",
                "≥90%",
                "10"
            ]
        ]
    );
    let f = of_kind(&json, "budget_department_performance_goals")[0];
    assert_eq!(f["department"], "西安市司法局");
    assert_eq!(
        funds(f),
        [
            ("基本支出", "11990.38"),
            ("司法行政业务", "844.64"),
            ("国家统一法律职业资格考试", "360.77"),
            ("法律援助业务", "455"),
            ("金额合计", "13650.79")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("全面贯彻落实党的二十大"));
    assert_eq!(
        indicators(f, "weight"),
        [
            [
                "成本指标",
                "经济成本",
                "司法行政业务（万元）",
                "≤747.16",
                "1"
            ],
            [
                "成本指标",
                "经济成本",
                "国家统一法律职业资格考试（万元）",
                "≤360.77",
                "1"
            ],
            ["成本指标", "经济成本", "法律援助业务（万元）", "≤455", "1"],
            [
                "成本指标",
                "经济成本",
                "“三个中心”办公场所运行（万元）",
                "≤97.48",
                "1"
            ],
            [
                "成本指标",
                "经济成本",
                "法律顾问办理涉法事宜（元/件）",
                "500",
                "1"
            ],
            [
                "成本指标",
                "经济成本",
                "行政处罚案件、行政复议案件评查（元/件）",
                "≤250",
                "1"
            ],
            [
                "成本指标",
                "经济成本",
                "人民调解员案件调解补贴（元/件）",
                "≤500",
                "1"
            ],
            [
                "成本指标",
                "经济成本",
                "人民监督员案件监督补贴（元/件）",
                "400",
                "1"
            ],
            [
                "成本指标",
                "经济成本",
                "法律援助案件补贴(元/件)",
                "≤6000",
                "1"
            ],
            [
                "成本指标",
                "经济成本",
                "发放律师值班补贴(元/天)",
                "≤500",
                "1"
            ],
            [
                "产出指标",
                "数量指标",
                "向市政府重大决策涉法事项提出法律意见建议（条）",
                "≥200",
                "2"
            ],
            [
                "产出指标",
                "数量指标",
                "行政立法、规范性文件审核(件)",
                "≥7",
                "2"
            ],
            [
                "产出指标",
                "数量指标",
                "行政复议和应诉案件受理(件)",
                "≥4000",
                "2"
            ],
            ["产出指标", "数量指标", "人民调解案件受理(件)", "≥1000", "2"],
            [
                "产出指标",
                "数量指标",
                "为企业提供涉外法律服务（项）",
                "≥30",
                "2"
            ],
            [
                "产出指标",
                "数量指标",
                "法律援助案件结案数(件)",
                "≥900",
                "2"
            ],
            [
                "产出指标",
                "数量指标",
                "指导全市开展民法典宣传月、宪法宣传日等普法宣传活动（场次）",
                "≥2000",
                "2"
            ],
            [
                "产出指标",
                "数量指标",
                "培训基层司法业务骨干（人次）",
                "≥1000",
                "1"
            ],
            [
                "产出指标",
                "数量指标",
                "国家统一法律职业资格考试主观、客观报考人数（人）",
                "≥20000",
                "1"
            ],
            [
                "产出指标",
                "质量指标",
                "法律顾问参与重大行政决策（%）",
                "≥90",
                "2"
            ],
            [
                "产出指标",
                "质量指标",
                "行政立法、规范性文件备案(件)",
                "≥7",
                "2"
            ],
            [
                "产出指标",
                "质量指标",
                "行政复议和应诉案件受理及时率（%）",
                "100",
                "2"
            ],
            [
                "产出指标",
                "质量指标",
                "行政诉讼案件败诉率（%）",
                "≤25",
                "2"
            ],
            [
                "产出指标",
                "质量指标",
                "人民调解案件成功率（%）",
                "≥90",
                "2"
            ],
            [
                "产出指标",
                "质量指标",
                "通过网络、电话、实体等向群众提供公共法律服务超过（次）",
                "≥200000",
                "2"
            ],
            [
                "产出指标",
                "质量指标",
                "国家统一法律职业资格考试机位、场地保障率（%）",
                "100",
                "2"
            ],
            [
                "产出指标",
                "质量指标",
                "国家统一法律职业资格考试质量合格，无作弊和泄题事件发生率（%）",
                "100",
                "2"
            ],
            [
                "产出指标",
                "质量指标",
                "法律援助案件合格率（%）",
                "≥95",
                "2"
            ],
            [
                "产出指标",
                "时效指标",
                "法律顾问提供法律服务（天）",
                "≥300",
                "1"
            ],
            [
                "产出指标",
                "时效指标",
                "立法草案公开征求意见时限（天）",
                "≥30",
                "1"
            ],
            [
                "产出指标",
                "时效指标",
                "行政复议决定出具时限（天）",
                "≤60",
                "1"
            ],
            [
                "产出指标",
                "时效指标",
                "人民调解委员会调解纠纷期限（天）",
                "≤60",
                "1"
            ],
            [
                "产出指标",
                "时效指标",
                "国家统一法律职业资格考试完成时限",
                "11月底",
                "1"
            ],
            [
                "产出指标",
                "时效指标",
                "法律援助案件申请审查决定时限（天）",
                "≤7",
                "1"
            ],
            [
                "效益指标",
                "社会效益指标",
                "全市法律顾问覆盖率（%）",
                "≥95",
                "4"
            ],
            [
                "效益指标",
                "社会效益指标",
                "全市法律顾问参与涉法事务（件次）",
                "≥40000",
                "4"
            ],
            [
                "效益指标",
                "社会效益指标",
                "全市各类人民调解组织受理调解民间纠纷（件次）",
                "≥40000",
                "5"
            ],
            [
                "效益指标",
                "社会效益指标",
                "全市社区矫正对象累计再犯罪率（%）",
                "≤0.2",
                "4"
            ],
            [
                "效益指标",
                "社会效益指标",
                "普法宣传工作覆盖率（%）",
                "≥90",
                "5"
            ],
            [
                "效益指标",
                "社会效益指标",
                "法治副校长覆盖率（%）",
                "100",
                "4"
            ],
            [
                "效益指标",
                "社会效益指标",
                "国家统一法律职业资格考试选拔储备法律人才，审核发放证书（人）",
                "≥2000",
                "4"
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "社会公众满意度",
                "≥90%",
                "10"
            ]
        ]
    );
}

/// 福州市民政局 2026 预算, pp29, 30, 47: …项目绩效目标表, the title in the top row of the grid; funds 资金总额 / 财政拨款 / 其他资金 under 专项资金情况（万元）.
#[test]
fn fuzhou_civil_affairs_titles_in_the_grid() {
    let json = extract_json("forms-fuzhou-civil.pdf");
    let f = form(&json, "白内障、血友病患者医疗救助费用");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "福州市民政局");
    assert_eq!(f["implementer"], "福州市民政局");
    assert_eq!(
        funds(f),
        [
            ("资金总额", "75.00"),
            ("财政拨款", "75.00"),
            ("其他资金", "0.00")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("有效减轻白内障、血友病患者"));
    assert_eq!(
        indicators(f, ""),
        [
            ["成本指标", "经济成本指标", "资金使用率", "=100%", ""],
            [
                "产出指标",
                "数量指标",
                "补助个人（家庭）数量",
                "≥325人、户",
                ""
            ],
            [
                "产出指标",
                "质量指标",
                "资金结算（拨付、下达、发放）准确率",
                "=100%",
                ""
            ],
            ["产出指标", "时效指标", "项目完成的及时率（%）", "≥100%", ""],
            ["效益指标", "社会效益指标", "受益人数", "≥325人、户", ""],
            [
                "满意度指标",
                "服务对象满意度指标",
                "受益群体满意度",
                "≥95%",
                ""
            ]
        ]
    );
    let f = form(&json, "办公楼租金及物业");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "福州市民政局");
    assert_eq!(f["implementer"], "福州市民政局");
    assert_eq!(
        funds(f),
        [
            ("资金总额", "133.78"),
            ("财政拨款", "133.78"),
            ("其他资金", "0.00")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("保障市民政局办公需求"));
    assert_eq!(
        indicators(f, ""),
        [
            [
                "成本指标",
                "经济成本指标",
                "租金及物业费成本控制率",
                "≤100%",
                ""
            ],
            [
                "产出指标",
                "数量指标",
                "租赁房屋面积数",
                "=2873.46平方米",
                ""
            ],
            [
                "产出指标",
                "质量指标",
                "当年租金合同标准执行准确率",
                "≥100%",
                ""
            ],
            ["产出指标", "时效指标", "当年租金及时支付率", "≥100%", ""],
            ["效益指标", "社会效益指标", "受益人数", "≥44人", ""],
            [
                "满意度指标",
                "服务对象满意度指标",
                "单位员工满意度",
                "≥95%",
                ""
            ]
        ]
    );
    let f = form(&json, "提前下达2026年中央财政困难群众救助补助资金（支持困难失能老年人等群体基本养老服务救助方向）");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "福州市民政局");
    assert_eq!(f["implementer"], "福州市民政局");
    assert_eq!(
        funds(f),
        [
            ("资金总额", "309.00"),
            ("财政拨款", "309.00"),
            ("其他资金", "0.00")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("1.开展经济困难失能老年人"));
    assert_eq!(
        indicators(f, ""),
        [
            [
                "成本指标",
                "经济成本指标",
                "集中照护服务救助总成本",
                "≤309万元",
                ""
            ],
            [
                "产出指标",
                "数量指标",
                "申请补助对象老年人能力评估覆盖率",
                "=100%",
                ""
            ],
            [
                "产出指标",
                "质量指标",
                "养老机构护理人员数配备比例",
                "≥20%",
                ""
            ],
            ["产出指标", "时效指标", "补助资金按时发放率", "≥95%", ""],
            ["效益指标", "社会效益指标", "政策知晓率", "≥95%", ""],
            [
                "满意度指标",
                "服务对象满意度指标",
                "补助对象满意度",
                "≥90%",
                ""
            ]
        ]
    );
}

/// 福州市科学技术局 2026 预算, pp29, 30, 32: the same shape; the third prints no 年度目标.
#[test]
fn fuzhou_science_forms() {
    let json = extract_json("forms-fuzhou-science.pdf");
    let f = form(&json, "科技发展、合作与交流");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "福州市科学技术局");
    assert_eq!(f["implementer"], "福州市科学技术局");
    assert_eq!(
        funds(f),
        [
            ("资金总额", "37.30"),
            ("财政拨款", "37.30"),
            ("其他资金", "0.00")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("完成组织部门安排的相关培训"));
    assert_eq!(
        indicators(f, ""),
        [
            ["成本指标", "经济成本指标", "总支出成本控制率", "≤100%", ""],
            ["产出指标", "数量指标", "科技会议召开次数", "≥1次", ""],
            ["产出指标", "质量指标", "培训计划按期完成率", "=100%", ""],
            ["产出指标", "时效指标", "水电费支付及时性", "≥100%", ""],
            [
                "效益指标",
                "经济效益指标",
                "面向中小企业采购份额",
                "≥30%",
                ""
            ],
            ["满意度指标", "服务对象满意度指标", "职工满意度", "≥80%", ""]
        ]
    );
    let f = form(&json, "光电实验室建设");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "福州市科学技术局");
    assert_eq!(f["implementer"], "福州市科学技术局");
    assert_eq!(
        funds(f),
        [
            ("资金总额", "1000.00"),
            ("财政拨款", "1000.00"),
            ("其他资金", "0.00")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("力争实现光电信息产业核心技术"));
    assert_eq!(
        indicators(f, ""),
        [
            [
                "成本指标",
                "经济成本指标",
                "创新实验室成本控制率",
                "≤100%",
                ""
            ],
            ["产出指标", "数量指标", "新增仪器设备原值", "≥500万元", ""],
            ["产出指标", "质量指标", "申请发明专利数量", "≥30件", ""],
            ["产出指标", "时效指标", "项目任务完成及时性", "≥100%", ""],
            ["效益指标", "社会效益指标", "成果转化数", "≥2项", ""],
            [
                "满意度指标",
                "服务对象满意度指标",
                "补助对象满意度",
                "≥90%",
                ""
            ]
        ]
    );
    let f = form(&json, "市级科技创新专项（转移支付）");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "福州市科学技术局");
    assert_eq!(f["implementer"], "福州市科学技术局");
    assert_eq!(
        funds(f),
        [
            ("资金总额", "2000.00"),
            ("财政拨款", "2000.00"),
            ("其他资金", "0.00")
        ]
    );
    assert!(f["goal"]["target"].is_null());
    assert_eq!(
        indicators(f, ""),
        [
            ["成本指标", "经济成本指标", "总支出成本控制率", "≤100%", ""],
            ["产出指标", "数量指标", "补助企业数", "≥100家", ""],
            ["产出指标", "质量指标", "双创载体高企培训数量", "≥50家", ""],
            ["产出指标", "时效指标", "任务完成及时率", "≥90%", ""],
            [
                "效益指标",
                "经济效益指标",
                "带动企业R&D投入",
                "≥450000万元",
                ""
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "补助对象满意度",
                "≥90%",
                ""
            ]
        ]
    );
}

/// 国家信访局 2026 预算, pp30–32: …绩效目标表 with a 上年结转 line in the funds and 分值 per indicator; a numbered heading over the second is narrative.
#[test]
fn petition_bureau_forms_with_carried_over_funds() {
    let json = extract_json("forms-petition.pdf");
    let f = form(&json, "信息化运行维护");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "[292]国家信访局");
    assert_eq!(f["implementer"], "国家信访局本级");
    assert_eq!(
        funds(f),
        [
            ("年度资金总额", "2,134.87"),
            ("其中：财政拨款", "1,384.87"),
            ("上年结转", "750.00"),
            ("其他资金", "-")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("1.加强对信访信息系统应用工作"));
    assert_eq!(
        indicators(f, "weight"),
        [
            [
                "成本指标",
                "经济成本指标",
                "项目总成本",
                "≤2134.87万元",
                "20"
            ],
            [
                "产出指标",
                "数量指标",
                "数据中心设备维护量",
                "≥330台（套）",
                "8"
            ],
            ["产出指标", "质量指标", "设备完好率", "≥96%", "8"],
            [
                "产出指标",
                "质量指标",
                "前端运维问题响应时间",
                "≤10分钟",
                "8"
            ],
            [
                "产出指标",
                "质量指标",
                "设备/系统故障恢复时间",
                "≤4小时",
                "8"
            ],
            ["产出指标", "质量指标", "系统软件反应速度", "≤4秒", "8"],
            [
                "效益指标",
                "社会效益指标",
                "网络安全事件发生率",
                "≤0.5%",
                "10"
            ],
            [
                "效益指标",
                "生态效益指标",
                "绿色节能产品购置率",
                "≥95%",
                "10"
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "使用部门满意率",
                "≥85%",
                "10"
            ]
        ]
    );
    let f = form(&json, "信访综合保障经费");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "[292]国家信访局");
    assert_eq!(f["implementer"], "国家信访局本级");
    assert_eq!(
        funds(f),
        [
            ("年度资金总额", "2,706.79"),
            ("其中：财政拨款", "2,616.79"),
            ("上年结转", "90.00"),
            ("其他资金", "0.00")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("1.做好《信访工作条例》贯彻落实工作"));
    assert_eq!(
        indicators(f, "weight"),
        [
            [
                "成本指标",
                "经济成本指标",
                "项目成本控制",
                "≤2706.79万元",
                "20"
            ],
            [
                "产出指标",
                "数量指标",
                "指导出台信访业务规范性文件",
                "≥1本",
                "8"
            ],
            ["产出指标", "数量指标", "舆情报告报送量", "≥55期", "8"],
            [
                "产出指标",
                "数量指标",
                "《人民信访》发行量",
                "720000册",
                "8"
            ],
            ["产出指标", "数量指标", "形成的研究成果数", "≥38个", "8"],
            [
                "产出指标",
                "质量指标",
                "购买货物一次性验收通过率",
                "≥95%",
                "4"
            ],
            [
                "产出指标",
                "质量指标",
                "接访和办公运行事故次数",
                "≤1次",
                "4"
            ],
            ["效益指标", "社会效益指标", "接访环境", "明显改善", "10"],
            [
                "效益指标",
                "社会效益指标",
                "信访工作法治化水平",
                "持续提升",
                "5"
            ],
            [
                "效益指标",
                "生态效益指标",
                "绿色节能环保产品购置率",
                "≥100%",
                "5"
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "舆情对信访正面中性评价占比",
                "≥85%",
                "10"
            ]
        ]
    );
    let f = form(&json, "信访业务培训");
    assert_eq!(f["kind"], "budget_project_performance_goals");
    assert_eq!(f["department"], "[292]国家信访局");
    assert_eq!(f["implementer"], "国家信访局本级");
    assert_eq!(
        funds(f),
        [
            ("年度资金总额", "118.01"),
            ("其中：财政拨款", "118.01"),
            ("上年结转", "0.00"),
            ("其他资金", "0.00")
        ]
    );
    assert!(s(&f["goal"]["target"]).starts_with("1.分级分类抓好信访系统干部培训"));
    assert_eq!(
        indicators(f, "weight"),
        [
            [
                "成本指标",
                "经济成本指标",
                "项目成本控制",
                "≤118.01万元",
                "20"
            ],
            ["产出指标", "数量指标", "信访业务主体培训班次", "≥3次", "6"],
            [
                "产出指标",
                "数量指标",
                "培养实践锻炼、跟班学习干部人数",
                "≥110人",
                "6"
            ],
            [
                "产出指标",
                "数量指标",
                "信访业务主体培训人数",
                "≥290人",
                "6"
            ],
            ["产出指标", "质量指标", "培训合格率", "≥98%", "8"],
            ["产出指标", "质量指标", "培训参与度", "≥95%", "6"],
            ["产出指标", "时效指标", "培训计划按期完成率", "100%", "8"],
            [
                "效益指标",
                "社会效益指标",
                "信访系统干部整体素质和业务能力",
                "有所提高",
                "20"
            ],
            [
                "满意度指标",
                "服务对象满意度指标",
                "受训学员满意率",
                "≥95%",
                "10"
            ]
        ]
    );
}

/// 重庆市人民政府办公厅 2026 预算, p22: 部门整体绩效目标表 (当年整体绩效目标, then 指标名称 / 指标性质 / 指标值 / 计量单位 / 指标权重 / 是否核心).
#[test]
fn chongqing_department_form_by_indicator_name() {
    let json = extract_json("forms-chongqing.pdf");
    let f = of_kind(&json, "budget_department_performance_goals")[0];
    assert!(s(&f["goal"]["target"]).starts_with("贯彻落实党中央和国务院的决策部署"));
    assert_eq!(
        indicators(f, "weight"),
        [
            ["", "", "市政府门户网站优化整改次数", "4", "10"],
            [
                "",
                "",
                "民呼我为（“互联网+督查”）诉求工单问题解决率",
                "85",
                "15"
            ],
            ["", "", "“一件事一次办”网站访问可达率", "90", "15"],
            ["", "", "人大代表建议和政协提案办理率", "100", "10"],
            ["", "", "民呼我为（“12345”）咨询一次性解答率", "70", "15"],
            ["", "", "市政府主要领导交办事项督查督办率", "100", "15"],
            ["", "", "政务公开动态监测覆盖率", "100", "5"],
            ["", "", "部门预决算按时公开率", "100", "5"],
            ["", "", "市政府门户网站和政务新媒体访问量", "2000", "5"],
            ["", "", "市政府网络可用率", "99.5", "5"]
        ]
    );
}

fn list<'a>(json: &'a Value, title: &str) -> &'a Value {
    let l = table(json, title);
    assert_eq!(l["kind"], "budget_project_performance_goals");
    l
}

fn project<'a>(list: &'a Value, name: &str) -> &'a Value {
    list["forms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["project"] == name)
        .unwrap_or_else(|| panic!("no project {name}"))
}

fn totals(list: &Value) -> Vec<(&str, &str)> {
    list["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (s(&r["source"]), s(&r["values"][0])))
        .collect()
}

/// 长沙市公安局 2025 预算, pp23–25 and 51: 2025年项目支出绩效目标表, a list
/// printed with its title and two-row header on every page, one row per
/// indicator, the project's cells spanning its rows and printed again on the
/// next page. One list; the first project runs over three pages.
#[test]
fn changsha_list_of_projects_over_pages() {
    let json = extract_json("forms-changsha-list.pdf");
    let l = list(&json, "2025年项目支出绩效目标表");
    assert_eq!(l["pages"], serde_json::json!([1, 2, 3]));
    assert_eq!(l["money_unit"], "万元");
    assert_eq!(
        totals(l),
        [("合计", "40,233.95"), ("长沙市公安局", "40,233.95")]
    );
    let f = project(l, "大型警保卫及基础设施安全保护工作经费");
    assert_eq!(f["pages"], serde_json::json!([1, 2, 3]));
    assert_eq!(f["fields"]["单位编码"], "106001");
    assert_eq!(funds(f), [("资金总额", "428.69")]);
    assert_eq!(
        s(&f["goal"]["target"]),
        "发挥公安职能，切实做好大型警保卫及基础设施安全保护工作"
    );
    let got: Vec<[&str; 7]> = f["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["level2"].is_null())
        .take(8)
        .map(|i| {
            [
                s(&i["category"]),
                s(&i["level1"]),
                s(&i["level2"]),
                s(&i["target"]),
                s(&i["unit"]),
                s(&i["nature"]),
                s(&i["note"]),
            ]
        })
        .collect();
    assert_eq!(
        got,
        [
            [
                "成本指标",
                "经济成本指标",
                "成本控制率",
                "100",
                "%",
                "≤",
                "20"
            ],
            [
                "产出指标",
                "数量指标",
                "安全隐患排除率",
                "100",
                "%",
                "=",
                "6"
            ],
            [
                "产出指标",
                "数量指标",
                "开展督导专项检查行动次数",
                "1",
                "次",
                "≥",
                "1"
            ],
            [
                "产出指标",
                "数量指标",
                "警保卫活动次数",
                "10",
                "次",
                "≥",
                "4"
            ],
            [
                "产出指标",
                "数量指标",
                "召开定期安全工作联席会议",
                "5",
                "次",
                "≥",
                "2"
            ],
            ["产出指标", "数量指标", "制定实施方案", "1", "份", "≥", "1"],
            [
                "产出指标",
                "数量指标",
                "印发宣传手册、图画等资料",
                "10",
                "万份",
                "≥",
                "4"
            ],
            [
                "产出指标",
                "质量指标",
                "三电安全隐患整改完成率",
                "100",
                "%",
                "=",
                "6"
            ],
        ]
    );
    let first = &f["indicators"][0]["other"];
    assert_eq!(first["指标值内容"], "成本控制在总预算内");
    // The department-wide targets that follow are a list of their own kind.
    assert_eq!(
        of_kind(&json, "budget_department_performance_goals")[0]["pages"],
        serde_json::json!([4])
    );
}

/// 广州市生态环境局 2026年项目支出绩效目标表（含转移支付项目）, pp1–3: the
/// title and header printed on every page, one row per project, its
/// indicators as one text. One list of projects.
#[test]
fn guangzhou_one_list_over_pages() {
    let json = extract_json("forms-guangzhou-list.pdf");
    assert_eq!(titles(&json).len(), 1, "{:#?}", titles(&json));
    let l = list(
        &json,
        "广州市生态环境局2026年项目支出绩效目标表（含转移支付项目）",
    );
    assert_eq!(l["pages"], serde_json::json!([1, 2, 3]));
    assert_eq!(
        totals(l),
        [("合计", "37,367.86"), ("广州市生态环境局", "12,887.86")]
    );
    let f = project(l, "广州市镇（街）园区环保监督检查员经费（越秀区）");
    assert_eq!(funds(f)[0], ("总计", "238.00"));
    assert!(
        s(&f["goal"]["target"]).starts_with("通过开展广州市建立镇（街）园区环境保护监督检查员队伍")
    );
    // The indicators printed as one text (1.1－产出指标，11－数量指标，…；实施周期
    // 指标值：…，年度指标值：…；2、…) are the project's indicators.
    assert!(f["fields"].get("绩效指标").is_none());
    let got: Vec<[&str; 5]> = f["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            [
                s(&i["category"]),
                s(&i["level1"]),
                s(&i["level2"]),
                s(&i["other"]["实施周期指标值"]),
                s(&i["target"]),
            ]
        })
        .collect();
    assert_eq!(
        got,
        [
            [
                "产出指标",
                "数量指标",
                "项目专职环保员数量",
                "≦核定人数",
                "≦核定人数"
            ],
            ["产出指标", "质量指标", "环境应急事件响应率", "100%", "100%"],
            [
                "产出指标",
                "质量指标",
                "专职环保员队伍管理规范化",
                "考察是否符合规范，合规得满分，不合规不得分",
                "是"
            ],
            ["产出指标", "时效指标", "项目资金支付及时率", "100%", "100%"],
            ["效益指标", "社会效益", "环保信访投诉办结率", "≥90%", "≥90%"],
            ["效益指标", "社会效益", "辖区内污染源巡查率", "≥80%", "≥80%"],
        ]
    );
    let f = project(l, "广州市镇（街）园区环保监督检查员经费（海珠区）");
    assert_eq!(funds(f)[0], ("总计", "619.50"));
}

/// 湖州市卫健委 2026年市级部门项目支出绩效表, pp47–48, and 杭州市公安局 表11,
/// pp34–36: one row per project (单位名称 / 项目名称 / 金额 / 绩效目标).
#[test]
fn huzhou_and_hangzhou_lists_one_row_per_project() {
    let json = extract_json("forms-huzhou-list.pdf");
    let l = list(&json, "2026年市级部门项目支出绩效表");
    assert_eq!(totals(l), [("合计", "51,856.41")]);
    let f = project(l, "公立医院改革与高质量发展示范项目");
    assert_eq!(f["implementer"], "湖州市卫生健康发展中心");
    assert_eq!(funds(f), [("金额", "2,260.95")]);
    assert_eq!(
        s(&f["goal"]["target"]),
        "开展赴省内外开展人才招聘、线下现场推介宣传活动等活动不少于3次。"
    );
    let json = extract_json("forms-hangzhou-list.pdf");
    let l = list(&json, "2026年市级部门项目支出绩效表");
    assert_eq!(l["pages"], serde_json::json!([1, 2, 3]));
    let f = project(l, "执法办案");
    assert_eq!(f["implementer"], "杭州市公安局");
    assert_eq!(funds(f), [("金额", "6,192.04")]);
}

/// 西安市司法局 2026 预算, p25: 会议费明细表 and 培训费明细表 side by side on a
/// page, kinds of their own.
#[test]
fn xian_meeting_and_training_expenses() {
    let json = extract_json("forms-xian-justice.pdf");
    let t = table(&json, "会议费明细表");
    assert_eq!(t["kind"], "budget_meeting_expenses");
    assert_eq!(t["rows"].as_array().unwrap().len(), 5);
    let t = table(&json, "培训费明细表");
    assert_eq!(t["kind"], "budget_training_expenses");
    assert_eq!(t["rows"].as_array().unwrap().len(), 17);
}
