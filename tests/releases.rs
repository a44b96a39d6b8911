//! Every figure of the project's own release pages (corpus/own), read by the real binary:
//! the exact set of figures of each page (a figure too many or too few fails) and every field
//! of each — span, text, value, unit, kind, change basis and reference, qualifier, range,
//! metric, scope, period and modality — for the constructions statistics bureaus and press
//! conferences use most. A failure prints one line per wrong field, missing or extra figure.
//!
//! Each expected row was checked against its sentence (shown above it). Where pressmine is
//! wrong today the row holds the right value and [`KNOWN_WRONG`] names the field: the list may
//! only shrink (a listed field that comes out right fails the test until its line is deleted).

use serde_json::Value;
use std::collections::BTreeSet;
use std::process::Command;
use std::sync::LazyLock;

/// The pages in the order `docs()` reads them.
const PAGES: [&str; 13] = [
    "stats-release-gbk.html",
    "press-conference.html",
    "indicators.txt",
    "bulletin.txt",
    "plan-notice.txt",
    "price-release.txt",
    "trade-release.txt",
    "fiscal-release.txt",
    "indicators-table.html",
    "harvest-jobs-release.txt",
    "press-briefing.html",
    "qa-interview.txt",
    "notice-fireworks.txt",
];

static DOCS: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .args(["-q", "extract"])
        .args(PAGES.iter().map(|p| format!("{root}/corpus/own/{p}")))
        .output()
        .expect("run pressmine");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), PAGES.len());
    docs
});

fn doc(page: &str) -> &'static Value {
    &DOCS[PAGES.iter().position(|p| *p == page).unwrap()]
}

/// The fields of a row, in order; "-" is null, a range is "low,high".
const FIELDS: [&str; 13] = [
    "start",
    "text",
    "value",
    "unit",
    "kind",
    "basis",
    "reference",
    "qualifier",
    "range",
    "metric",
    "scope",
    "period",
    "modality",
];

/// Fields pressmine gets wrong today: (page, start of the figure, field). The rows hold the
/// right value. This list may only shrink.
const KNOWN_WRONG: &[(&str, usize, &str)] = &[
    // 今年省级财政统筹安排专项资金25亿元: who allocates it is no part of the fund's name.
    ("qa-interview.txt", 200, "metric"),
    // 今年贴息比例提高到1.5%: the name is cut inside.
    // 外商及港澳台商投资企业增长6.2%: the name is cut inside.
    // 规模居全国第二位: the province's rank.
    ("bulletin.txt", 556, "scope"),
    // 对“一带一路”共建国家进出口2.58万亿元, 增长9.3%, 占进出口总额的45.9%: the quoted name is cut.
    ("bulletin.txt", 611, "metric"),
    ("bulletin.txt", 621, "metric"),
    ("bulletin.txt", 633, "metric"),
    // 经费支出约4520亿元，相当于地区生产总值的3.33%: a share of GDP (R&D intensity).
    ("bulletin.txt", 823, "metric"),
    // 出口额…约占全国的15%: a share of the national total.
    ("indicators.txt", 148, "metric"),
    // 三年内推动1万家以上企业上云用云: an aim of the plan.
    ("plan-notice.txt", 286, "modality"),
    // 首次入选中国企业500强的企业，奖励200万元: 中国 is part of a list's name, the award is the province's.
    ("plan-notice.txt", 416, "scope"),
    // 教育文化娱乐、其他用品及服务、医疗保健价格分别上涨: 价格 is shared by the list.
    ("price-release.txt", 412, "metric"),
    ("price-release.txt", 417, "metric"),
    // 对共建“一带一路”国家合计进出口15.96万亿元…: the quoted name is cut.
    ("trade-release.txt", 226, "metric"),
    ("trade-release.txt", 237, "metric"),
    ("trade-release.txt", 250, "metric"),
    ("trade-release.txt", 260, "metric"),
];

/// A claim as a row in the expected rows' format.
fn row(c: &Value) -> Vec<String> {
    let s = |v: &Value| match v {
        Value::Null => "-".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let range = match &c["range"] {
        Value::Array(a) => a.iter().map(s).collect::<Vec<_>>().join(","),
        _ => "-".into(),
    };
    vec![
        c["span"][0].to_string(),
        s(&c["text"]),
        s(&c["value"]),
        s(&c["unit"]),
        s(&c["kind"]),
        s(&c["change"]["basis"]),
        s(&c["change"]["reference"]),
        s(&c["qualifier"]),
        range,
        s(&c["metric"]),
        s(&c["scope"]),
        s(&c["period"]),
        s(&c["modality"]),
    ]
}

/// Compares a page's figures with the expected rows: every field of every figure, and no
/// figure more or less. Known wrong fields are tolerated, and reported when they come out right.
fn check(page: &str, expected: &[&str]) {
    let claims = doc(page)["claims"].as_array().unwrap();
    let got: Vec<Vec<String>> = claims.iter().map(row).collect();
    let mut problems = Vec::new();
    let mut known_seen = BTreeSet::new();
    let mut used = vec![false; got.len()];
    for want in expected {
        let want: Vec<&str> = want.split('|').collect();
        assert_eq!(want.len(), FIELDS.len(), "{page}: malformed row {want:?}");
        // The figure at the expected start, else the first unmatched one with the same text
        // (so that text moved by an edit shows as a changed start, not as missing + extra).
        let at = |k: usize| !used[k] && got[k][1] == want[1];
        let Some(k) =
            (0..got.len()).find(|&k| at(k) && got[k][0] == want[0]).or_else(|| (0..got.len()).find(|&k| at(k)))
        else {
            problems.push(format!("missing: {}", want.join("|")));
            continue;
        };
        used[k] = true;
        let g = &got[k];
        let start: usize = want[0].parse().unwrap();
        for (k, field) in FIELDS.iter().enumerate() {
            let known = KNOWN_WRONG.contains(&(page, start, *field));
            if known {
                known_seen.insert((start, *field));
            }
            match (g[k] == want[k], known) {
                (false, false) => {
                    problems.push(format!("{}@{start} {field}: got {:?}, want {:?}", want[1], g[k], want[k]))
                }
                (true, true) => problems.push(format!(
                    "{}@{start} {field} is right now: delete ({page:?}, {start}, {field:?}) from KNOWN_WRONG",
                    want[1]
                )),
                _ => {}
            }
        }
    }
    for (g, _) in got.iter().zip(&used).filter(|(_, u)| !**u) {
        problems.push(format!("extra: {}", g.join("|")));
    }
    for (p, start, field) in KNOWN_WRONG.iter().filter(|k| k.0 == page) {
        if !known_seen.contains(&(*start, *field)) {
            problems.push(format!("KNOWN_WRONG entry ({p:?}, {start}, {field:?}) names no expected figure"));
        }
    }
    assert_eq!(got.len(), claims.len());
    assert!(problems.is_empty(), "{page}: {} of {} figures pinned\n{}", expected.len(), got.len(), problems.join("\n"));
}

#[test]
fn statistics_bureau_release() {
    let d = doc("stats-release-gbk.html");
    assert_eq!(d["title"], "2024年上半年全省经济运行情况");
    assert_eq!(d["source"]["encoding"], "gb18030");
    // The related-news list, the footer and the dates are no figures: the exact set below.
    check(
        "stats-release-gbk.html",
        &[
            // 上半年，全省地区生产总值63260.6亿元，按不变价格计算，同比增长5.8%。
            "12|63260.6亿元|6326060000000|CNY|amount|-|-|-|-|地区生产总值|全省|2024-01/2024-06|actual",
            "34|5.8%|5.8|%|change|yoy|-|-|-|地区生产总值|全省|2024-01/2024-06|actual",
            // 分产业看，第一产业增加值2140.5亿元，增长3.5%；
            "51|2140.5亿元|214050000000|CNY|amount|-|-|-|-|第一产业增加值|全省|2024-01/2024-06|actual",
            "62|3.5%|3.5|%|change|yoy|-|-|-|第一产业增加值|全省|2024-01/2024-06|actual",
            // 第二产业增加值27153.2亿元，增长6.0%；
            "74|27153.2亿元|2715320000000|CNY|amount|-|-|-|-|第二产业增加值|全省|2024-01/2024-06|actual",
            "86|6.0%|6|%|change|yoy|-|-|-|第二产业增加值|全省|2024-01/2024-06|actual",
            // 第三产业增加值33966.9亿元，增长5.8%。
            "98|33966.9亿元|3396690000000|CNY|amount|-|-|-|-|第三产业增加值|全省|2024-01/2024-06|actual",
            "110|5.8%|5.8|%|change|yoy|-|-|-|第三产业增加值|全省|2024-01/2024-06|actual",
            // 1—6月，全省规模以上工业增加值同比增长7.9%，比一季度加快0.6个百分点。
            "136|7.9%|7.9|%|change|yoy|-|-|-|规模以上工业增加值|全省|2024-01/2024-06|actual",
            "147|0.6个百分点|0.6|pp|change|vs_reference|一季度|-|-|规模以上工业增加值|全省|2024-01/2024-06|actual",
            // 新能源汽车产量增长35.2%，工业机器人增长22.1%，集成电路增长31.5%。
            "164|35.2%|35.2|%|change|yoy|-|-|-|新能源汽车产量|全省|2024-01/2024-06|actual",
            "177|22.1%|22.1|%|change|yoy|-|-|-|工业机器人|全省|2024-01/2024-06|actual",
            "189|31.5%|31.5|%|change|yoy|-|-|-|集成电路|全省|2024-01/2024-06|actual",
            // 社会消费品零售总额2.3万亿元，同比增长6.1%。
            "205|2.3万亿元|2300000000000|CNY|amount|-|-|-|-|社会消费品零售总额|全省|2024-01/2024-06|actual",
            "216|6.1%|6.1|%|change|yoy|-|-|-|社会消费品零售总额|全省|2024-01/2024-06|actual",
            // 全省居民消费价格同比上涨0.3%。
            "233|0.3%|0.3|%|change|yoy|-|-|-|居民消费价格|全省|2024-01/2024-06|actual",
            // 城镇新增就业67.3万人，完成年度目标的53.8%。
            "244|67.3万人|673000|count|count|-|-|-|-|城镇新增就业|全省|2024-01/2024-06|actual",
            "258|53.8%|53.8|%|percent|-|-|-|-|年度目标|全省|2024-01/2024-06|actual",
            // 截至6月末，全省金融机构本外币各项存款余额27.6万亿元，同比增长8.5%。
            "286|27.6万亿元|27600000000000|CNY|amount|-|-|-|-|存款余额|全省|2024-06|actual",
            "298|8.5%|8.5|%|change|yoy|-|-|-|存款余额|全省|2024-06|actual",
            // 进出口总额2.6万亿元，增长3.1%，其中出口1.7万亿元，增长7.2%；
            "309|2.6万亿元|2600000000000|CNY|amount|-|-|-|-|进出口总额|全省|2024-01/2024-06|actual",
            "318|3.1%|3.1|%|change|-|-|-|-|进出口总额|全省|2024-01/2024-06|actual",
            "327|1.7万亿元|1700000000000|CNY|amount|-|-|-|-|出口|全省|2024-01/2024-06|actual",
            "336|7.2%|7.2|%|change|-|-|-|-|出口|全省|2024-01/2024-06|actual",
            // 进口0.9万亿元，下降3.9%。
            "343|0.9万亿元|900000000000|CNY|amount|-|-|-|-|进口|全省|2024-01/2024-06|actual",
            "352|3.9%|-3.9|%|change|-|-|-|-|进口|全省|2024-01/2024-06|actual",
            // 全省粮食总产量达到750.6亿斤，连续10年稳定在700亿斤以上。
            "367|750.6亿斤|75060000000|jin|quantity|-|-|-|-|粮食总产量|全省|2024-01/2024-06|actual",
            "377|10年|10|year|quantity|-|-|-|-|粮食总产量|全省|2024-01/2024-06|actual",
            "383|700亿斤|70000000000|jin|quantity|-|-|at_least|-|粮食总产量|全省|2024-01/2024-06|actual",
            // 固定资产投资同比增长5.5%，其中制造业投资增长10.2%，高技术产业投资增长12.9%。
            "402|5.5%|5.5|%|change|yoy|-|-|-|固定资产投资|全省|2024-01/2024-06|actual",
            "416|10.2%|10.2|%|change|yoy|-|-|-|制造业投资|全省|2024-01/2024-06|actual",
            "431|12.9%|12.9|%|change|yoy|-|-|-|高技术产业投资|全省|2024-01/2024-06|actual",
            // 一般公共预算收入5123.4亿元，同口径增长4.1%。
            "446|5123.4亿元|512340000000|CNY|amount|-|-|-|-|一般公共预算收入|全省|2024-01/2024-06|actual",
            "460|4.1%|4.1|%|change|-|-|-|-|一般公共预算收入|全省|2024-01/2024-06|actual",
            // 全体居民人均可支配收入26,543元，同比名义增长5.3%，扣除价格因素实际增长5.0%。
            "476|26,543元|26543|CNY|amount|-|-|-|-|全体居民人均可支配收入|全省|2024-01/2024-06|actual",
            "490|5.3%|5.3|%|change|yoy|-|-|-|全体居民人均可支配收入|全省|2024-01/2024-06|actual",
            "505|5.0%|5|%|change|yoy|-|-|-|全体居民人均可支配收入|全省|2024-01/2024-06|actual",
            // 规上工业企业实现利润总额3456.7亿元，同比下降2.1%，降幅比1-5月收窄1.3个百分点。
            "523|3456.7亿元|345670000000|CNY|amount|-|-|-|-|利润总额|全省|2024-01/2024-06|actual",
            "536|2.1%|-2.1|%|change|yoy|-|-|-|利润总额|全省|2024-01/2024-06|actual",
            "550|1.3个百分点|-1.3|pp|change|vs_reference|1-5月|-|-|利润总额降幅|全省|2024-01/2024-06|actual",
            // 6月份，制造业采购经理指数（PMI）为50.2%，比上月上升0.4个百分点。
            "577|50.2%|50.2|%|percent|-|-|-|-|制造业采购经理指数|全省|2024-06|actual",
            "588|0.4个百分点|0.4|pp|change|mom|-|-|-|制造业采购经理指数|全省|2024-06|actual",
            // 到2025年，数字经济核心产业增加值占GDP比重达到12%左右。
            "623|12%|12|%|percent|-|-|about|-|数字经济核心产业增加值占GDP比重|全省|2025|target",
        ],
    );
}

#[test]
fn press_conference() {
    let d = doc("press-conference.html");
    assert_eq!(d["published"], "2024-09-12T10:30");
    assert_eq!(d["publisher"], "省政府新闻办公室");
    check(
        "press-conference.html",
        &[
            // 省工业和信息化厅副厅长介绍，今年以来，全省累计培育国家级专精特新“小巨人”企业1,200余家，省级专精特新中小企业超过8000家。
            "61|1,200余家|1200|count|count|-|-|over|-|国家级专精特新“小巨人”企业|全省|2024|actual",
            "81|8000家|8000|count|count|-|-|over|-|省级专精特新中小企业|全省|2024|actual",
            // 全省已建成5G基站23.5万个，每万人拥有5G基站数达27.6个，居全国前列。
            "96|23.5万个|235000|count|count|-|-|-|-|5G基站|全省|2024|actual",
            "114|27.6个|27.6|count|count|-|-|-|-|每万人拥有5G基站|全省|2024|actual",
            // 截至8月底，全省工业互联网标识解析二级节点达到38个，累计标识注册量突破500亿条。
            "150|38个|38|count|count|-|-|-|-|工业互联网标识解析二级节点|全省|2024-08|actual",
            "163|500亿条|50000000000|count|count|-|-|over|-|标识注册量|全省|2024-08|actual",
            // 全省规上工业企业数字化研发设计工具普及率达到86.1%，关键工序数控化率达到66.5%，分别高于全国平均水平6.4和4.3个百分点。
            "191|86.1%|86.1|%|percent|-|-|-|-|规上工业企业数字化研发设计工具普及率|全省|2024-08|actual",
            "207|66.5%|66.5|%|percent|-|-|-|-|关键工序数控化率|全省|2024-08|actual",
            "223|6.4|6.4|pp|change|vs_reference|全国|-|-|规上工业企业数字化研发设计工具普及率|全省|2024-08|actual",
            "227|4.3个百分点|4.3|pp|change|vs_reference|全国|-|-|关键工序数控化率|全省|2024-08|actual",
            // 下一步，我省将实施《制造业数字化转型三年行动计划（2024—2026年）》，力争到2026年底，规上工业企业数字化改造全覆盖，培育省级智能工厂300家左右、数字化车间1000个以上，制造业数字化转型指数提高到65以上。
            "307|300家|300|count|count|-|-|about|-|省级智能工厂|我省|2026|target",
            "319|1000个|1000|count|count|-|-|at_least|-|数字化车间|我省|2026|target",
            "340|65|65|-|index|-|-|at_least|-|制造业数字化转型指数|我省|2026|target",
            // 全年计划安排省级专项资金15亿元，带动企业技术改造投资增长10%以上。
            "358|15亿元|1500000000|CNY|amount|-|-|-|-|省级专项资金|全省|2024|target",
            "375|10%|10|%|change|-|-|at_least|-|企业技术改造投资|全省|2024|target",
            // 目前，已有近3000家企业申报，项目总投资约2400亿元。
            "387|3000家|3000|count|count|-|-|nearly|-|企业申报|全省|-|actual",
            "403|2400亿元|240000000000|CNY|amount|-|-|about|-|项目总投资|全省|-|actual",
            // 去年全省数字经济核心产业营业收入达到1.2万亿元，同比增长12.5%，占GDP比重为10.2%，比上年提高0.8个百分点。
            "429|1.2万亿元|1200000000000|CNY|amount|-|-|-|-|数字经济核心产业营业收入|全省|2023|actual",
            "440|12.5%|12.5|%|change|yoy|-|-|-|数字经济核心产业营业收入|全省|2023|actual",
            "453|10.2%|10.2|%|percent|-|-|-|-|数字经济核心产业营业收入占GDP比重|全省|2023|actual",
            "464|0.8个百分点|0.8|pp|change|vs_prior_period|-|-|-|数字经济核心产业营业收入占GDP比重|全省|2023|actual",
        ],
    );
    let names: Vec<&str> = d["initiatives"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"制造业数字化转型三年行动计划（2024—2026年）"), "{names:?}");
}

#[test]
fn indicator_phrasing() {
    // 全年 stated as fact in June 2024: the last whole year, 2023.
    check(
        "indicators.txt",
        &[
            // 城镇调查失业率为5.0%，比上月下降0.1个百分点，比上年同期下降0.2个百分点。
            "8|5.0%|5|%|percent|-|-|-|-|城镇调查失业率|-|-|actual",
            "18|0.1个百分点|-0.1|pp|change|mom|-|-|-|城镇调查失业率|-|-|actual",
            "33|0.2个百分点|-0.2|pp|change|yoy|-|-|-|城镇调查失业率|-|-|actual",
            // 全国规模以上工业增加值同比增长5.6%，增速比上月回落1.1个百分点。
            "57|5.6%|5.6|%|change|yoy|-|-|-|规模以上工业增加值|全国|-|actual",
            "69|1.1个百分点|-1.1|pp|change|mom|-|-|-|规模以上工业增加值增速|全国|-|actual",
            // 居民人均可支配收入从2012年的16510元增至2023年的39218元，是2012年的2.4倍。
            "94|16510元|16510|CNY|amount|-|-|-|-|居民人均可支配收入|-|2012|actual",
            "108|39218元|39218|CNY|amount|-|-|-|-|居民人均可支配收入|-|2023|actual",
            "122|2.4倍|2.4|times|multiple|-|-|-|-|居民人均可支配收入|-|2023|actual",
            // 出口额达到3000亿美元左右，约占全国的15%。
            "133|3000亿美元|300000000000|USD|amount|-|-|about|-|出口额|-|-|actual",
            "148|15%|15|%|percent|-|-|about|-|出口额占全国比重|-|-|actual",
            // 研发经费投入强度由2.1%提高到2.65%，提高0.55个百分点。
            "162|2.1%|2.1|%|percent|-|-|-|-|研发经费投入强度|-|-|actual",
            "169|2.65%|2.65|%|percent|-|-|-|-|研发经费投入强度|-|-|actual",
            "177|0.55个百分点|0.55|pp|change|-|-|-|-|研发经费投入强度|-|-|actual",
            // 全省共有高新技术企业5.1万家，比上年末增加6000多家，增长13.3%。
            "197|5.1万家|51000|count|count|-|-|-|-|高新技术企业|全省|-|actual",
            "209|6000多家|6000|count|change|vs_prior_period|-|over|-|高新技术企业|全省|-|actual",
            "218|13.3%|13.3|%|change|vs_prior_period|-|-|-|高新技术企业|全省|-|actual",
            // 工业投资增长12.8%，高于全部投资增速5.3个百分点，拉动全部投资增长4.1个百分点。
            "231|12.8%|12.8|%|change|-|-|-|-|工业投资|-|-|actual",
            "245|5.3个百分点|5.3|pp|change|vs_reference|全部投资|-|-|工业投资增速|-|-|actual",
            "261|4.1个百分点|4.1|pp|change|-|-|-|-|全部投资|-|-|actual",
            // 全年接待游客超4亿人次，旅游总收入达到5500亿元以上，分别增长15%和20%。
            "277|4亿人次|400000000|count|count|-|-|over|-|接待游客|-|2023|actual",
            "289|5500亿元|550000000000|CNY|amount|-|-|at_least|-|旅游总收入|-|2023|actual",
            "302|15%|15|%|change|-|-|-|-|接待游客|-|2023|actual",
            "306|20%|20|%|change|-|-|-|-|旅游总收入|-|2023|actual",
            // 粮食产量连续9年稳定在1.3万亿斤以上。
            "317|9年|9|year|quantity|-|-|-|-|粮食产量|-|-|actual",
            "322|1.3万亿斤|1300000000000|jin|quantity|-|-|at_least|-|粮食产量|-|-|actual",
            // 全市空气质量优良天数比率为87.6%，PM2.5平均浓度为30微克/立方米，同比下降6.3%。
            "345|87.6%|87.6|%|percent|-|-|-|-|空气质量优良天数比率|全市|-|actual",
            "361|30微克/立方米|30|ug/m3|quantity|-|-|-|-|PM2.5平均浓度|全市|-|actual",
            "374|6.3%|-6.3|%|change|yoy|-|-|-|PM2.5平均浓度|全市|-|actual",
            // 完成造林面积120万亩，森林覆盖率达到24.1%。
            "386|120万亩|1200000|mu|quantity|-|-|-|-|造林面积|-|-|actual",
            "399|24.1%|24.1|%|percent|-|-|-|-|森林覆盖率|-|-|actual",
            // 新能源汽车产量958.7万辆，增长35.8%；
            "413|958.7万辆|9587000|count|count|-|-|-|-|新能源汽车产量|-|-|actual",
            "423|35.8%|35.8|%|change|-|-|-|-|新能源汽车产量|-|-|actual",
            // 产销量连续9年居全球第一。
            "434|9年|9|year|quantity|-|-|-|-|产销量|-|-|actual",
            "439|第一|1|rank|rank|-|-|-|-|产销量|-|-|actual",
            // 到2027年，全省规上工业企业研发投入占营业收入比重达到2%以上，力争新增上市公司50家。
            "471|2%|2|%|percent|-|-|at_least|-|规上工业企业研发投入占营业收入比重|全省|2027|target",
            "484|50家|50|count|count|-|-|-|-|新增上市公司|全省|2027|target",
        ],
    );
}

#[test]
fn bulletin_of_the_year_before() {
    check(
        "bulletin.txt",
        &[
            // 初步核算，2024年全省地区生产总值135862亿元，比上年增长5.8%。
            "18|135862亿元|13586200000000|CNY|amount|-|-|-|-|地区生产总值|全省|2024|actual",
            "32|5.8%|5.8|%|change|vs_prior_period|-|-|-|地区生产总值|全省|2024|actual",
            // 其中，第一产业增加值4893亿元，增长3.3%；
            "47|4893亿元|489300000000|CNY|amount|-|-|-|-|第一产业增加值|全省|2024|actual",
            "56|3.3%|3.3|%|change|vs_prior_period|-|-|-|第一产业增加值|全省|2024|actual",
            // 第二产业增加值59180亿元，增长6.1%；
            "68|59180亿元|5918000000000|CNY|amount|-|-|-|-|第二产业增加值|全省|2024|actual",
            "78|6.1%|6.1|%|change|vs_prior_period|-|-|-|第二产业增加值|全省|2024|actual",
            // 第三产业增加值71789亿元，增长5.6%。
            "90|71789亿元|7178900000000|CNY|amount|-|-|-|-|第三产业增加值|全省|2024|actual",
            "100|5.6%|5.6|%|change|vs_prior_period|-|-|-|第三产业增加值|全省|2024|actual",
            // 全年人均地区生产总值达到15.9万元，按年平均汇率折算约为2.2万美元。
            "138|15.9万元|159000|CNY|amount|-|-|-|-|人均地区生产总值|全省|2024|actual",
            "155|2.2万美元|22000|USD|amount|-|-|about|-|人均地区生产总值|全省|2024|actual",
            // 年末全省常住人口8526万人，比上年末增加11万人。
            "171|8526万人|85260000|count|count|-|-|-|-|常住人口|全省|2024|actual",
            "184|11万人|110000|count|change|vs_prior_period|-|-|-|常住人口|全省|2024|actual",
            // 其中，城镇人口6590万人，常住人口城镇化率为77.3%，比上年末提高0.5个百分点。
            "196|6590万人|65900000|count|count|-|-|-|-|城镇人口|全省|2024|actual",
            "212|77.3%|77.3|%|percent|-|-|-|-|常住人口城镇化率|全省|2024|actual",
            "224|0.5个百分点|0.5|pp|change|vs_prior_period|-|-|-|常住人口城镇化率|全省|2024|actual",
            // 全年出生人口56.5万人，人口出生率6.63‰。
            "238|56.5万人|565000|count|count|-|-|-|-|出生人口|全省|2024|actual",
            "250|6.63‰|0.663|%|percent|-|-|-|-|人口出生率|全省|2024|actual",
            // 全年粮食总产量3800.6万吨，比上年增加23.7万吨，增长0.6%。
            "264|3800.6万吨|38006000|t|quantity|-|-|-|-|粮食总产量|全省|2024|actual",
            "278|23.7万吨|237000|t|change|vs_prior_period|-|-|-|粮食总产量|全省|2024|actual",
            "287|0.6%|0.6|%|change|vs_prior_period|-|-|-|粮食总产量|全省|2024|actual",
            // 其中，夏粮1380万吨，秋粮2420.6万吨。
            "297|1380万吨|13800000|t|quantity|-|-|-|-|夏粮|全省|2024|actual",
            "306|2420.6万吨|24206000|t|quantity|-|-|-|-|秋粮|全省|2024|actual",
            // 生猪出栏2615.3万头，下降4.1%。
            "319|2615.3万头|26153000|count|count|-|-|-|-|生猪出栏|全省|2024|actual",
            "330|4.1%|-4.1|%|change|vs_prior_period|-|-|-|生猪出栏|全省|2024|actual",
            // 全年规模以上工业增加值比上年增长7.1%。
            "352|7.1%|7.1|%|change|vs_prior_period|-|-|-|规模以上工业增加值|全省|2024|actual",
            // 分经济类型看，国有控股企业增长5.5%，民营企业增长7.8%，外商及港澳台商投资企业增长6.2%。
            "372|5.5%|5.5|%|change|vs_prior_period|-|-|-|国有控股企业|全省|2024|actual",
            "383|7.8%|7.8|%|change|vs_prior_period|-|-|-|民营企业|全省|2024|actual",
            "401|6.2%|6.2|%|change|vs_prior_period|-|-|-|外商及港澳台商投资企业|全省|2024|actual",
            // 全年规模以上工业企业实现利润总额8456.2亿元，下降1.2%；
            "422|8456.2亿元|845620000000|CNY|amount|-|-|-|-|利润总额|全省|2024|actual",
            "433|1.2%|-1.2|%|change|vs_prior_period|-|-|-|利润总额|全省|2024|actual",
            // 营业收入利润率为5.3%。
            "446|5.3%|5.3|%|percent|-|-|-|-|营业收入利润率|全省|2024|actual",
            // 全年全社会用电量8562亿千瓦时，增长8.4%。
            "460|8562亿千瓦时|856200000000|kWh|quantity|-|-|-|-|全社会用电量|全省|2024|actual",
            "471|8.4%|8.4|%|change|-|-|-|-|全社会用电量|全省|2024|actual",
            // 年末全省发电装机容量达到2.1亿千瓦，其中风电、光伏装机分别为2263万千瓦和6014万千瓦。
            "488|2.1亿千瓦|210000000|kW|quantity|-|-|-|-|发电装机容量|全省|2024|actual",
            "507|2263万千瓦|22630000|kW|quantity|-|-|-|-|风电|全省|2024|actual",
            "515|6014万千瓦|60140000|kW|quantity|-|-|-|-|光伏装机|全省|2024|actual",
            // 全年货物进出口总额5.62万亿元，比上年增长7.0%，规模居全国第二位。
            "533|5.62万亿元|5620000000000|CNY|amount|-|-|-|-|货物进出口总额|全省|2024|actual",
            "546|7.0%|7|%|change|vs_prior_period|-|-|-|货物进出口总额|全省|2024|actual",
            "556|第二位|2|rank|rank|-|-|-|-|货物进出口总额|全省|2024|actual",
            // 其中，出口3.84万亿元，增长8.6%；
            "565|3.84万亿元|3840000000000|CNY|amount|-|-|-|-|出口|全省|2024|actual",
            "575|8.6%|8.6|%|change|vs_prior_period|-|-|-|出口|全省|2024|actual",
            // 进口1.78万亿元，增长3.7%。
            "582|1.78万亿元|1780000000000|CNY|amount|-|-|-|-|进口|全省|2024|actual",
            "592|3.7%|3.7|%|change|vs_prior_period|-|-|-|进口|全省|2024|actual",
            // 对“一带一路”共建国家进出口2.58万亿元，增长9.3%，占进出口总额的45.9%。
            "611|2.58万亿元|2580000000000|CNY|amount|-|-|-|-|对“一带一路”共建国家进出口|全省|2024|actual",
            "621|9.3%|9.3|%|change|vs_prior_period|-|-|-|对“一带一路”共建国家进出口|全省|2024|actual",
            "633|45.9%|45.9|%|percent|-|-|-|-|对“一带一路”共建国家进出口占进出口总额比重|全省|2024|actual",
            // 全年实际使用外资253.4亿美元，下降10.2%。
            "648|253.4亿美元|25340000000|USD|amount|-|-|-|-|实际使用外资|全省|2024|actual",
            "659|10.2%|-10.2|%|change|-|-|-|-|实际使用外资|全省|2024|actual",
            // 新设外商投资企业4128家，增长15.6%。
            "673|4128家|4128|count|count|-|-|-|-|外商投资企业|全省|2024|actual",
            "681|15.6%|15.6|%|change|-|-|-|-|外商投资企业|全省|2024|actual",
            // 全年一般公共预算收入10234.5亿元，同口径增长2.8%，其中税收收入7956.3亿元。
            "698|10234.5亿元|1023450000000|CNY|amount|-|-|-|-|一般公共预算收入|全省|2024|actual",
            "713|2.8%|2.8|%|change|-|-|-|-|一般公共预算收入|全省|2024|actual",
            "724|7956.3亿元|795630000000|CNY|amount|-|-|-|-|税收收入|全省|2024|actual",
            // 一般公共预算支出18562.2亿元，增长3.1%。
            "741|18562.2亿元|1856220000000|CNY|amount|-|-|-|-|一般公共预算支出|全省|2024|actual",
            "753|3.1%|3.1|%|change|-|-|-|-|一般公共预算支出|全省|2024|actual",
            // 年末全省共有普通高等学校168所，在校生245.6万人。
            "771|168所|168|count|count|-|-|-|-|普通高等学校|全省|2024|actual",
            "779|245.6万人|2456000|count|count|-|-|-|-|在校生|全省|2024|actual",
            // 全年研究与试验发展（R&D）经费支出约4520亿元，相当于地区生产总值的3.33%。
            "806|4520亿元|452000000000|CNY|amount|-|-|about|-|研究与试验发展经费支出|全省|2024|actual",
            "823|3.33%|3.33|%|percent|-|-|-|-|研究与试验发展经费支出占地区生产总值比重|全省|2024|actual",
            // 全年授权发明专利11.2万件，每万人口高价值发明专利拥有量达到24.6件。
            "837|11.2万件|112000|count|count|-|-|-|-|授权发明专利|全省|2024|actual",
            "860|24.6件|24.6|count|count|-|-|-|-|每万人口高价值发明专利拥有量|全省|2024|actual",
            // 全年接待国内游客9.8亿人次，实现国内旅游收入1.26万亿元，分别增长12.5%和15.8%。
            "875|9.8亿人次|980000000|count|count|-|-|-|-|接待国内游客|全省|2024|actual",
            "890|1.26万亿元|1260000000000|CNY|amount|-|-|-|-|国内旅游收入|全省|2024|actual",
            "902|12.5%|12.5|%|change|-|-|-|-|接待国内游客|全省|2024|actual",
            "908|15.8%|15.8|%|change|-|-|-|-|国内旅游收入|全省|2024|actual",
        ],
    );
}

#[test]
fn plan_notice_targets() {
    check(
        "plan-notice.txt",
        &[
            // 主要目标：到2026年，全省规模以上工业增加值年均增长6%以上，制造业增加值占地区生产总值比重保持在35%左右，数字经济核心产业增加值占GDP比重达到13%。
            "76|6%|6|%|change|-|-|at_least|-|规模以上工业增加值|全省|2026|target",
            "99|35%|35|%|percent|-|-|about|-|制造业增加值占地区生产总值比重|全省|2026|target",
            "124|13%|13|%|percent|-|-|-|-|数字经济核心产业增加值占GDP比重|全省|2026|target",
            // 培育千亿级产业集群15个、百亿级企业50家，新增国家级专精特新“小巨人”企业300家以上。
            "137|15个|15|count|count|-|-|-|-|千亿级产业集群|全省|2026|target",
            "146|50家|50|count|count|-|-|-|-|百亿级企业|全省|2026|target",
            "166|300家|300|count|count|-|-|at_least|-|新增国家级专精特新“小巨人”企业|全省|2026|target",
            // 到2030年，全省工业战略性新兴产业产值占规上工业比重超过45%，单位工业增加值能耗较2025年下降13.5%。
            "203|45%|45|%|percent|-|-|over|-|工业战略性新兴产业产值占规上工业比重|全省|2030|target",
            "224|13.5%|-13.5|%|change|vs_reference|2025年|-|-|单位工业增加值能耗|全省|2030|target",
            // 围绕16条重点产业链，每条产业链由一名省领导担任链长。
            "243|16条|16|count|count|-|-|-|-|重点产业链|全省|-|actual",
            // 二是开展“万企上云”行动，三年内推动1万家以上企业上云用云。
            "286|1万家|10000|count|count|-|-|at_least|-|企业上云用云|全省|-|target",
            // 三是设立总规模200亿元的省级制造业高质量发展基金，对符合条件的技改项目按设备投资额的10%给予补助，单个项目最高不超过1000万元。
            "305|200亿元|20000000000|CNY|amount|-|-|-|-|总规模|全省|-|actual",
            "341|10%|10|%|percent|-|-|-|-|设备投资额|全省|-|actual",
            "358|1000万元|10000000|CNY|amount|-|-|at_most|-|单个项目|全省|-|actual",
            // 对新认定的国家级制造业单项冠军企业，给予一次性奖励500万元；
            "391|500万元|5000000|CNY|amount|-|-|-|-|奖励|全省|-|actual",
            // 对首次入选中国企业500强的企业，奖励200万元。
            "416|200万元|2000000|CNY|amount|-|-|-|-|奖励|全省|-|actual",
        ],
    );
    let names: Vec<&str> =
        doc("plan-notice.txt")["initiatives"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["加快推进新型工业化实施方案", "链长制", "万企上云", "省级制造业高质量发展基金"]);
}

#[test]
fn national_price_release() {
    check(
        "price-release.txt",
        &[
            // 2024年10月份，全国居民消费价格同比上涨0.3%。
            "22|0.3%|0.3|%|change|yoy|-|-|-|居民消费价格|全国|2024-10|actual",
            // 其中，城市上涨0.3%，农村上涨0.2%；
            "34|0.3%|0.3|%|change|yoy|-|-|-|城市居民消费价格|全国|2024-10|actual",
            "43|0.2%|0.2|%|change|yoy|-|-|-|农村居民消费价格|全国|2024-10|actual",
            // 食品价格上涨2.9%，非食品价格下降0.3%；
            "54|2.9%|2.9|%|change|yoy|-|-|-|食品价格|全国|2024-10|actual",
            "66|0.3%|-0.3|%|change|yoy|-|-|-|非食品价格|全国|2024-10|actual",
            // 消费品价格上涨0.2%，服务价格上涨0.4%。
            "78|0.2%|0.2|%|change|yoy|-|-|-|消费品价格|全国|2024-10|actual",
            "89|0.4%|0.4|%|change|yoy|-|-|-|服务价格|全国|2024-10|actual",
            // 1—10月平均，全国居民消费价格比上年同期上涨0.3%。
            "117|0.3%|0.3|%|change|yoy|-|-|-|居民消费价格|全国|2024-01/2024-10|actual",
            // 10月份，全国居民消费价格环比下降0.3%。
            "140|0.3%|-0.3|%|change|mom|-|-|-|居民消费价格|全国|2024-10|actual",
            // 其中，城市下降0.3%，农村下降0.4%；
            "152|0.3%|-0.3|%|change|mom|-|-|-|城市居民消费价格|全国|2024-10|actual",
            "161|0.4%|-0.4|%|change|mom|-|-|-|农村居民消费价格|全国|2024-10|actual",
            // 食品价格下降0.7%，非食品价格下降0.2%；
            "172|0.7%|-0.7|%|change|mom|-|-|-|食品价格|全国|2024-10|actual",
            "184|0.2%|-0.2|%|change|mom|-|-|-|非食品价格|全国|2024-10|actual",
            // 消费品价格下降0.4%，服务价格下降0.1%。
            "196|0.4%|-0.4|%|change|mom|-|-|-|消费品价格|全国|2024-10|actual",
            "207|0.1%|-0.1|%|change|mom|-|-|-|服务价格|全国|2024-10|actual",
            // 10月份，食品烟酒类价格同比上涨2.0%，影响CPI（居民消费价格指数）上涨约0.59个百分点。
            "247|2.0%|2|%|change|yoy|-|-|-|食品烟酒类价格|全国|2024-10|actual",
            "270|0.59个百分点|0.59|pp|change|yoy|-|about|-|CPI|全国|2024-10|actual",
            // 食品中，鲜菜价格上涨21.6%，影响CPI上涨约0.44个百分点；
            "289|21.6%|21.6|%|change|yoy|-|-|-|鲜菜价格|全国|2024-10|actual",
            "303|0.44个百分点|0.44|pp|change|yoy|-|about|-|CPI|全国|2024-10|actual",
            // 猪肉价格上涨14.2%，影响CPI上涨约0.17个百分点；
            "318|14.2%|14.2|%|change|yoy|-|-|-|猪肉价格|全国|2024-10|actual",
            "332|0.17个百分点|0.17|pp|change|yoy|-|about|-|CPI|全国|2024-10|actual",
            // 鲜果价格下降3.8%，影响CPI下降约0.09个百分点。
            "347|3.8%|-3.8|%|change|yoy|-|-|-|鲜果价格|全国|2024-10|actual",
            "360|0.09个百分点|-0.09|pp|change|yoy|-|about|-|CPI|全国|2024-10|actual",
            // 其中，教育文化娱乐、其他用品及服务、医疗保健价格分别上涨1.4%、3.7%和1.3%；
            "412|1.4%|1.4|%|change|-|-|-|-|教育文化娱乐价格|全国|2024-10|actual",
            "417|3.7%|3.7|%|change|-|-|-|-|其他用品及服务价格|全国|2024-10|actual",
            "422|1.3%|1.3|%|change|-|-|-|-|医疗保健价格|全国|2024-10|actual",
            // 交通通信价格下降4.1%。
            "435|4.1%|-4.1|%|change|-|-|-|-|交通通信价格|全国|2024-10|actual",
            // 扣除食品和能源价格的核心CPI同比上涨0.2%，涨幅比上月扩大0.1个百分点。
            "460|0.2%|0.2|%|change|yoy|-|-|-|核心CPI|全国|2024-10|actual",
            "472|0.1个百分点|0.1|pp|change|mom|-|-|-|核心CPI涨幅|全国|2024-10|actual",
            // 10月份，全国工业生产者出厂价格同比下降2.9%，环比下降0.1%；
            "501|2.9%|-2.9|%|change|yoy|-|-|-|工业生产者出厂价格|全国|2024-10|actual",
            "510|0.1%|-0.1|%|change|mom|-|-|-|工业生产者出厂价格|全国|2024-10|actual",
            // 工业生产者购进价格同比下降3.3%，环比下降0.2%。
            "528|3.3%|-3.3|%|change|yoy|-|-|-|工业生产者购进价格|全国|2024-10|actual",
            "537|0.2%|-0.2|%|change|mom|-|-|-|工业生产者购进价格|全国|2024-10|actual",
            // 1—10月平均，工业生产者出厂价格比上年同期下降2.1%，工业生产者购进价格下降2.2%。
            "566|2.1%|-2.1|%|change|yoy|-|-|-|工业生产者出厂价格|全国|2024-01/2024-10|actual",
            "582|2.2%|-2.2|%|change|yoy|-|-|-|工业生产者购进价格|全国|2024-01/2024-10|actual",
        ],
    );
}

#[test]
fn national_trade_release() {
    check("trade-release.txt", &[
    // 据海关统计，今年前三季度，我国货物贸易进出口总值32.33万亿元，同比增长5.3%。
    "24|32.33万亿元|32330000000000|CNY|amount|-|-|-|-|货物贸易进出口总值|我国|2024-01/2024-09|actual",
    "37|5.3%|5.3|%|change|yoy|-|-|-|货物贸易进出口总值|我国|2024-01/2024-09|actual",
    // 其中，出口18.62万亿元，增长6.2%；
    "47|18.62万亿元|18620000000000|CNY|amount|-|-|-|-|出口|我国|2024-01/2024-09|actual",
    "58|6.2%|6.2|%|change|yoy|-|-|-|出口|我国|2024-01/2024-09|actual",
    // 进口13.71万亿元，增长4.1%；
    "65|13.71万亿元|13710000000000|CNY|amount|-|-|-|-|进口|我国|2024-01/2024-09|actual",
    "76|4.1%|4.1|%|change|yoy|-|-|-|进口|我国|2024-01/2024-09|actual",
    // 贸易顺差4.91万亿元，扩大12.5%。
    "85|4.91万亿元|4910000000000|CNY|amount|-|-|-|-|贸易顺差|我国|2024-01/2024-09|actual",
    "95|12.5%|12.5|%|change|yoy|-|-|-|贸易顺差|我国|2024-01/2024-09|actual",
    // 9月份，我国进出口3.8万亿元，增长0.7%。
    "111|3.8万亿元|3800000000000|CNY|amount|-|-|-|-|进出口|我国|2024-09|actual",
    "120|0.7%|0.7|%|change|-|-|-|-|进出口|我国|2024-09|actual",
    // 其中，出口2.21万亿元，增长1.6%；
    "130|2.21万亿元|2210000000000|CNY|amount|-|-|-|-|出口|我国|2024-09|actual",
    "140|1.6%|1.6|%|change|-|-|-|-|出口|我国|2024-09|actual",
    // 进口1.59万亿元，下降0.6%。
    "147|1.59万亿元|1590000000000|CNY|amount|-|-|-|-|进口|我国|2024-09|actual",
    "157|0.6%|-0.6|%|change|-|-|-|-|进口|我国|2024-09|actual",
    // 前三季度，我国一般贸易进出口21.01万亿元，增长4.6%，占我国外贸总值的65%。
    "177|21.01万亿元|21010000000000|CNY|amount|-|-|-|-|一般贸易进出口|我国|2024-01/2024-09|actual",
    "188|4.6%|4.6|%|change|-|-|-|-|一般贸易进出口|我国|2024-01/2024-09|actual",
    "201|65%|65|%|percent|-|-|-|-|一般贸易进出口占外贸总值比重|我国|2024-01/2024-09|actual",
    // 同期，我国对共建“一带一路”国家合计进出口15.96万亿元，增长6.3%，占我国外贸总值的49.4%，同比提升0.4个百分点。
    "226|15.96万亿元|15960000000000|CNY|amount|-|-|-|-|对共建“一带一路”国家进出口|我国|2024-01/2024-09|actual",
    "237|6.3%|6.3|%|change|-|-|-|-|对共建“一带一路”国家进出口|我国|2024-01/2024-09|actual",
    "250|49.4%|49.4|%|percent|-|-|-|-|对共建“一带一路”国家进出口占外贸总值比重|我国|2024-01/2024-09|actual",
    "260|0.4个百分点|0.4|pp|change|yoy|-|-|-|对共建“一带一路”国家进出口占外贸总值比重|我国|2024-01/2024-09|actual",
    // 民营企业进出口17.32万亿元，增长9.4%，占我国外贸总值的53.6%，比去年同期提升2.1个百分点。
    "276|17.32万亿元|17320000000000|CNY|amount|-|-|-|-|民营企业进出口|我国|2024-01/2024-09|actual",
    "287|9.4%|9.4|%|change|-|-|-|-|民营企业进出口|我国|2024-01/2024-09|actual",
    "300|53.6%|53.6|%|percent|-|-|-|-|民营企业进出口占外贸总值比重|我国|2024-01/2024-09|actual",
    "313|2.1个百分点|2.1|pp|change|yoy|-|-|-|民营企业进出口占外贸总值比重|我国|2024-01/2024-09|actual",
    // 外商投资企业进出口9.66万亿元，增长1.3%。
    "330|9.66万亿元|9660000000000|CNY|amount|-|-|-|-|外商投资企业进出口|我国|2024-01/2024-09|actual",
    "340|1.3%|1.3|%|change|yoy|-|-|-|外商投资企业进出口|我国|2024-01/2024-09|actual",
    // 出口机电产品11.05万亿元，增长8%，占出口总值的59.3%。
    "352|11.05万亿元|11050000000000|CNY|amount|-|-|-|-|出口机电产品|我国|2024-01/2024-09|actual",
    "363|8%|8|%|change|-|-|-|-|出口机电产品|我国|2024-01/2024-09|actual",
    "372|59.3%|59.3|%|percent|-|-|-|-|出口机电产品占出口总值比重|我国|2024-01/2024-09|actual",
    // 其中，自动数据处理设备及其零部件1.08万亿元，增长11.2%；
    "394|1.08万亿元|1080000000000|CNY|amount|-|-|-|-|自动数据处理设备及其零部件|我国|2024-01/2024-09|actual",
    "404|11.2%|11.2|%|change|-|-|-|-|自动数据处理设备及其零部件|我国|2024-01/2024-09|actual",
    // 集成电路8258.2亿元，增长22%；
    "414|8258.2亿元|825820000000|CNY|amount|-|-|-|-|集成电路|我国|2024-01/2024-09|actual",
    "425|22%|22|%|change|-|-|-|-|集成电路|我国|2024-01/2024-09|actual",
    // 汽车6207.4亿元，增长19.9%。
    "431|6207.4亿元|620740000000|CNY|amount|-|-|-|-|汽车|我国|2024-01/2024-09|actual",
    "442|19.9%|19.9|%|change|-|-|-|-|汽车|我国|2024-01/2024-09|actual",
    // 进口铁矿砂9.04亿吨，增加4.9%；
    "454|9.04亿吨|904000000|t|quantity|-|-|-|-|进口铁矿砂|我国|2024-01/2024-09|actual",
    "463|4.9%|4.9|%|change|-|-|-|-|进口铁矿砂|我国|2024-01/2024-09|actual",
    // 原油4.14亿吨，减少3.2%；
    "470|4.14亿吨|414000000|t|quantity|-|-|-|-|原油|我国|2024-01/2024-09|actual",
    "479|3.2%|-3.2|%|change|-|-|-|-|原油|我国|2024-01/2024-09|actual",
    // 天然气9862.6万吨，增加13.8%。
    "487|9862.6万吨|98626000|t|quantity|-|-|-|-|天然气|我国|2024-01/2024-09|actual",
    "498|13.8%|13.8|%|change|-|-|-|-|天然气|我国|2024-01/2024-09|actual",
    ]);
}

#[test]
fn national_fiscal_release() {
    check(
        "fiscal-release.txt",
        &[
            // 1-9月，全国一般公共预算收入163059亿元，同比下降2.2%，扣除去年同期中小微企业缓税入库抬高基数、去年年中出台的减税政策翘尾减收等特殊因素影响后，可比增长0.6%左右。
            "44|163059亿元|16305900000000|CNY|amount|-|-|-|-|一般公共预算收入|全国|2024-01/2024-09|actual",
            "57|2.2%|-2.2|%|change|yoy|-|-|-|一般公共预算收入|全国|2024-01/2024-09|actual",
            "110|0.6%|0.6|%|change|yoy|-|about|-|一般公共预算收入|全国|2024-01/2024-09|actual",
            // 分中央和地方看，中央一般公共预算收入70337亿元，同比下降6.2%；
            "135|70337亿元|7033700000000|CNY|amount|-|-|-|-|中央一般公共预算收入|全国|2024-01/2024-09|actual",
            "147|6.2%|-6.2|%|change|yoy|-|-|-|中央一般公共预算收入|全国|2024-01/2024-09|actual",
            // 地方一般公共预算本级收入92722亿元，同比增长1.1%。
            "164|92722亿元|9272200000000|CNY|amount|-|-|-|-|地方一般公共预算本级收入|全国|2024-01/2024-09|actual",
            "176|1.1%|1.1|%|change|yoy|-|-|-|地方一般公共预算本级收入|全国|2024-01/2024-09|actual",
            // 全国税收收入129002亿元，同比下降5.3%；
            "187|129002亿元|12900200000000|CNY|amount|-|-|-|-|税收收入|全国|2024-01/2024-09|actual",
            "200|5.3%|-5.3|%|change|yoy|-|-|-|税收收入|全国|2024-01/2024-09|actual",
            // 非税收入34057亿元，同比增长11.6%。
            "209|34057亿元|3405700000000|CNY|amount|-|-|-|-|非税收入|全国|2024-01/2024-09|actual",
            "221|11.6%|11.6|%|change|yoy|-|-|-|非税收入|全国|2024-01/2024-09|actual",
            // 主要税收收入项目情况如下：国内增值税52383亿元，同比下降5.9%。
            "246|52383亿元|5238300000000|CNY|amount|-|-|-|-|国内增值税|全国|2024-01/2024-09|actual",
            "258|5.9%|-5.9|%|change|yoy|-|-|-|国内增值税|全国|2024-01/2024-09|actual",
            // 国内消费税13010亿元，同比增长3.1%。
            "268|13010亿元|1301000000000|CNY|amount|-|-|-|-|国内消费税|全国|2024-01/2024-09|actual",
            "280|3.1%|3.1|%|change|yoy|-|-|-|国内消费税|全国|2024-01/2024-09|actual",
            // 企业所得税33988亿元，同比下降3.3%。
            "290|33988亿元|3398800000000|CNY|amount|-|-|-|-|企业所得税|全国|2024-01/2024-09|actual",
            "302|3.3%|-3.3|%|change|yoy|-|-|-|企业所得税|全国|2024-01/2024-09|actual",
            // 个人所得税10851亿元，同比下降5%。
            "312|10851亿元|1085100000000|CNY|amount|-|-|-|-|个人所得税|全国|2024-01/2024-09|actual",
            "324|5%|-5|%|change|yoy|-|-|-|个人所得税|全国|2024-01/2024-09|actual",
            // 1-9月，全国一般公共预算支出202877亿元，同比增长2%。
            "357|202877亿元|20287700000000|CNY|amount|-|-|-|-|一般公共预算支出|全国|2024-01/2024-09|actual",
            "370|2%|2|%|change|yoy|-|-|-|一般公共预算支出|全国|2024-01/2024-09|actual",
            // 分中央和地方看，中央一般公共预算本级支出28196亿元，同比增长9.2%；
            "393|28196亿元|2819600000000|CNY|amount|-|-|-|-|中央一般公共预算本级支出|全国|2024-01/2024-09|actual",
            "405|9.2%|9.2|%|change|yoy|-|-|-|中央一般公共预算本级支出|全国|2024-01/2024-09|actual",
            // 地方一般公共预算支出174681亿元，同比增长0.9%。
            "420|174681亿元|17468100000000|CNY|amount|-|-|-|-|地方一般公共预算支出|全国|2024-01/2024-09|actual",
            "433|0.9%|0.9|%|change|yoy|-|-|-|地方一般公共预算支出|全国|2024-01/2024-09|actual",
            // 主要支出科目情况如下：教育支出29825亿元，同比增长1.4%；
            "453|29825亿元|2982500000000|CNY|amount|-|-|-|-|教育支出|全国|2024-01/2024-09|actual",
            "465|1.4%|1.4|%|change|yoy|-|-|-|教育支出|全国|2024-01/2024-09|actual",
            // 社会保障和就业支出32877亿元，同比增长4.6%；
            "479|32877亿元|3287700000000|CNY|amount|-|-|-|-|社会保障和就业支出|全国|2024-01/2024-09|actual",
            "491|4.6%|4.6|%|change|yoy|-|-|-|社会保障和就业支出|全国|2024-01/2024-09|actual",
            // 卫生健康支出14398亿元，同比下降4.6%。
            "502|14398亿元|1439800000000|CNY|amount|-|-|-|-|卫生健康支出|全国|2024-01/2024-09|actual",
            "514|4.6%|-4.6|%|change|yoy|-|-|-|卫生健康支出|全国|2024-01/2024-09|actual",
        ],
    );
}

#[test]
fn indicator_table() {
    let d = doc("indicators-table.html");
    assert_eq!(d["title"], "2024年1-6月全省主要经济指标");
    assert!(
        d["text"].as_str().unwrap().ends_with("注：地区生产总值增速按不变价格计算。"),
        "the note after the table is body"
    );
    // Two per row with a value, one per row without (— is no figure).
    check(
        "indicators-table.html",
        &[
            // 地区生产总值	亿元	12345.6	5.2
            "58|12345.6|1234560000000|CNY|amount|-|-|-|-|地区生产总值|-|2024-01/2024-06|actual",
            "66|5.2|5.2|%|change|yoy|-|-|-|地区生产总值|-|2024-01/2024-06|actual",
            // 规模以上工业增加值	—	—	6.1
            "84|6.1|6.1|%|change|yoy|-|-|-|规模以上工业增加值|-|2024-01/2024-06|actual",
            // 固定资产投资	—	—	-1.3
            "99|-1.3|-1.3|%|change|yoy|-|-|-|固定资产投资|-|2024-01/2024-06|actual",
            // 社会消费品零售总额	亿元	5678.9	3.8
            "117|5678.9|567890000000|CNY|amount|-|-|-|-|社会消费品零售总额|-|2024-01/2024-06|actual",
            "124|3.8|3.8|%|change|yoy|-|-|-|社会消费品零售总额|-|2024-01/2024-06|actual",
            // 进出口总额	亿元	2345.0	-2.6
            "137|2345.0|234500000000|CNY|amount|-|-|-|-|进出口总额|-|2024-01/2024-06|actual",
            "144|-2.6|-2.6|%|change|yoy|-|-|-|进出口总额|-|2024-01/2024-06|actual",
            // 居民人均可支配收入	元	21456	5.4
            "161|21456|21456|CNY|amount|-|-|-|-|居民人均可支配收入|-|2024-01/2024-06|actual",
            "167|5.4|5.4|%|change|yoy|-|-|-|居民人均可支配收入|-|2024-01/2024-06|actual",
        ],
    );
}

#[test]
fn harvest_and_jobs_release() {
    let d = doc("harvest-jobs-release.txt");
    assert_eq!(d["publisher"], "省统计局", "the next label on the line is no part of the publisher");
    // A news dateline names where the report was filed (no scope); a 分别 list of places gives
    // each figure its scope; 低2.3个和1.6个百分点 against listed references.
    check(
        "harvest-jobs-release.txt",
        &[
            // 新华社南昌12月15日电 2024年全省粮食总产量438.6亿斤，比上年增加6.8亿斤，增长1.6%，连续12年稳定在430亿斤以上。
            "25|438.6亿斤|43860000000|jin|quantity|-|-|-|-|粮食总产量|全省|2024|actual",
            "38|6.8亿斤|680000000|jin|change|vs_prior_period|-|-|-|粮食总产量|全省|2024|actual",
            "46|1.6%|1.6|%|change|vs_prior_period|-|-|-|粮食总产量|全省|2024|actual",
            "53|12年|12|year|quantity|-|-|-|-|粮食总产量|全省|2024|actual",
            "59|430亿斤|43000000000|jin|quantity|-|-|at_least|-|粮食总产量|全省|2024|actual",
            // 其中，早稻产量128.3亿斤，减产0.9%；
            "75|128.3亿斤|12830000000|jin|quantity|-|-|-|-|早稻产量|全省|2024|actual",
            "85|0.9%|-0.9|%|change|-|-|-|-|早稻产量|全省|2024|actual",
            // 晚稻产量191.2亿斤，增产2.7%。
            "94|191.2亿斤|19120000000|jin|quantity|-|-|-|-|晚稻产量|全省|2024|actual",
            "104|2.7%|2.7|%|change|-|-|-|-|晚稻产量|全省|2024|actual",
            // 农作物耕种收综合机械化率达到80.5%。
            "123|80.5%|80.5|%|percent|-|-|-|-|综合机械化率|全省|2024|actual",
            // 南昌、赣州、九江分别完成粮食产量52.1亿斤、76.4亿斤和48.9亿斤。
            "146|52.1亿斤|5210000000|jin|quantity|-|-|-|-|粮食产量|南昌|2024|actual",
            "153|76.4亿斤|7640000000|jin|quantity|-|-|-|-|粮食产量|赣州|2024|actual",
            "160|48.9亿斤|4890000000|jin|quantity|-|-|-|-|粮食产量|九江|2024|actual",
            // 种植业、畜牧业、渔业三大产业增加值分别增长3.5%、2.8%和4.1%，增速分别比同期第二产业、第三产业低2.3个和1.6个百分点。
            "189|3.5%|3.5|%|change|-|-|-|-|种植业产业增加值|全省|2024|actual",
            "194|2.8%|2.8|%|change|-|-|-|-|畜牧业产业增加值|全省|2024|actual",
            "199|4.1%|4.1|%|change|-|-|-|-|渔业产业增加值|全省|2024|actual",
            "221|2.3个|-2.3|pp|change|vs_reference|第二产业|-|-|渔业产业增加值增速|全省|2024|actual",
            "226|1.6个百分点|-1.6|pp|change|vs_reference|第三产业|-|-|渔业产业增加值增速|全省|2024|actual",
            // 全省发放稳岗返还资金18.7亿元，累计发放创业担保贷款156.3亿元。
            "245|18.7亿元|1870000000|CNY|amount|-|-|-|-|稳岗返还资金|全省|2024|actual",
            "262|156.3亿元|15630000000|CNY|amount|-|-|-|-|创业担保贷款|全省|2024|actual",
            // 每万人口高价值发明专利拥有量达到9.6件，研发经费投入强度从2020年的1.7%提高到2.1%。
            "286|9.6件|9.6|count|count|-|-|-|-|每万人口高价值发明专利拥有量|全省|2024|actual",
            "306|1.7%|1.7|%|percent|-|-|-|-|研发经费投入强度|全省|2020|actual",
            "313|2.1%|2.1|%|percent|-|-|-|-|研发经费投入强度|全省|2024|actual",
            // 规划确定的20项主要指标中，17项达到或超过预期进度。
            "324|20项|20|count|count|-|-|-|-|主要指标|全省|2024|actual",
            "333|17项|17|count|count|-|-|-|-|主要指标|全省|2024|actual",
            // 全省打造3个千亿级产业集群、12个百亿级产业集群，每年滚动推进500个以上重点项目。
            "350|3个|3|count|count|-|-|-|-|千亿级产业集群|全省|2024|actual",
            "360|12个|12|count|count|-|-|-|-|百亿级产业集群|全省|2024|actual",
            "377|500个|500|count|count|-|-|at_least|-|重点项目|全省|2024|actual",
        ],
    );
}

#[test]
fn every_page_is_checked() {
    // Each page above has its test, and the annotated releases of tests/gold/own-gold.json,
    // blind-gold.json and blind2- to blind25-gold.json are scored by tests/gold.rs; a page added to corpus/own without either fails here.
    let root = env!("CARGO_MANIFEST_DIR");
    let mut annotated: Vec<String> = Vec::new();
    for set in [
        "own-gold.json",
        "blind-gold.json",
        "blind2-gold.json",
        "blind3-gold.json",
        "blind4-gold.json",
        "blind5-gold.json",
        "blind6-gold.json",
        "blind7-gold.json",
        "blind8-gold.json",
        "blind9-gold.json",
        "blind10-gold.json",
        "blind11-gold.json",
        "blind12-gold.json",
        "blind13-gold.json",
        "blind14-gold.json",
        "blind15-gold.json",
        "blind16-gold.json",
        "blind17-gold.json",
        "blind18-gold.json",
        "blind19-gold.json",
        "blind20-gold.json",
        "blind21-gold.json",
        "blind22-gold.json",
        "blind23-gold.json",
        "blind24-gold.json",
        "blind25-gold.json",
    ] {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{root}/tests/gold/{set}")).unwrap()).unwrap();
        annotated.extend(
            gold["docs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["file"].as_str().unwrap().trim_start_matches("own/").to_string()),
        );
    }
    let mut own: Vec<String> = std::fs::read_dir(format!("{root}/corpus/own"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md" && !annotated.contains(n))
        .collect();
    own.sort();
    let mut pages: Vec<String> = PAGES.iter().map(|p| p.to_string()).collect();
    pages.sort();
    assert_eq!(own, pages);
}

/// The turns of a transcript as `start|speaker|role|organization` ("-" for null).
fn turns(d: &Value) -> Vec<String> {
    let s = |v: &Value| v.as_str().unwrap_or("-").to_string();
    d["turns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| format!("{}|{}|{}|{}", t["span"][0], s(&t["speaker"]), s(&t["role"]), s(&t["organization"])))
        .collect()
}

/// Who states each figure, as `start|speaker|turn|in_question`.
fn speakers(d: &Value) -> Vec<String> {
    let s = |v: &Value| if v.is_null() { "-".to_string() } else { v.to_string().trim_matches('"').to_string() };
    d["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{}|{}|{}|{}", c["span"][0], s(&c["speaker"]), s(&c["turn"]), c["in_question"]))
        .collect()
}

#[test]
fn transcript_with_speaker_lines() {
    // Speaker lines stand alone above what they say; the journalist's question keeps its
    // premise (固定资产投资增长3.1%), marked as asked; the editor credit after the text goes.
    let d = doc("press-briefing.html");
    let text = d["text"].as_str().unwrap();
    assert!(text.starts_with("10月22日上午，省政府新闻办举行新闻发布会"), "{text}");
    assert!(text.contains("新华日报记者：\n我们注意到") && text.contains("中央广播电视总台记者：\n请问全年"), "{text}");
    assert!(!text.contains("责任编辑"), "{text}");
    assert_eq!(
        turns(d),
        [
            "74|王晓燕|host|-",
            "125|陈立群|spokesperson|省统计局",
            "230|-|journalist|新华日报",
            "292|刘建军|official|省发展改革委",
            "386|-|journalist|中央广播电视总台",
            "414|陈立群|spokesperson|省统计局",
            "469|王晓燕|host|-",
        ]
    );
    check(
        "press-briefing.html",
        &[
            // 初步核算，全省地区生产总值达到9.6万亿元，按不变价格计算，同比增长5.6%。
            "171|9.6万亿元|9600000000000|CNY|amount|-|-|-|-|地区生产总值|全省|2024-01/2024-09|actual",
            "190|5.6%|5.6|%|change|yoy|-|-|-|地区生产总值|全省|2024-01/2024-09|actual",
            // 规模以上工业增加值同比增长7.8%，社会消费品零售总额增长4.9%。
            "208|7.8%|7.8|%|change|yoy|-|-|-|规模以上工业增加值|全省|2024-01/2024-09|actual",
            "224|4.9%|4.9|%|change|yoy|-|-|-|社会消费品零售总额|全省|2024-01/2024-09|actual",
            // 我们注意到，前三季度全省固定资产投资增长3.1%，比上半年回落了0.6个百分点。
            "258|3.1%|3.1|%|change|-|-|-|-|固定资产投资|全省|2024-01/2024-09|actual",
            "270|0.6个百分点|-0.6|pp|change|vs_reference|上半年|-|-|固定资产投资|全省|2024-01/2024-09|actual",
            // 扣除房地产开发投资，全省项目投资增长8.5%，其中制造业投资增长10.2%，继续保持较快增长。
            "356|8.5%|8.5|%|change|-|-|-|-|项目投资|全省|2024-01/2024-09|actual",
            "370|10.2%|10.2|%|change|-|-|-|-|制造业投资|全省|2024-01/2024-09|actual",
            // 四季度我们将狠抓政策落地，确保全年地区生产总值增长5%以上。
            "463|5%|5|%|change|-|-|at_least|-|地区生产总值|全省|2024|target",
        ],
    );
    assert_eq!(
        speakers(d),
        [
            "171|陈立群|1|false",
            "190|陈立群|1|false",
            "208|陈立群|1|false",
            "224|陈立群|1|false",
            "258|-|2|true",
            "270|-|2|true",
            "356|刘建军|3|false",
            "370|刘建军|3|false",
            "463|陈立群|5|false",
        ]
    );
    // claims.csv names the speaker too (output/ is the committed run over corpus/).
    let csv = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/output/claims.csv")).unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let from_end = header.len() - header.iter().position(|h| *h == "speaker").unwrap();
    assert_eq!((header[3], header[header.len() - from_end]), ("text", "speaker"));
    // The speaker is counted from the end: split from the end, a quoted sentence cannot shift it.
    let said: Vec<(String, String)> = lines
        .filter(|l| l.starts_with("own/press-briefing.html,"))
        .map(|l| {
            let r: Vec<&str> = l.split(',').collect();
            (r[3].to_string(), r[r.len() - from_end].to_string())
        })
        .collect();
    assert_eq!(said[1], ("5.6%".to_string(), "陈立群".to_string()), "{said:?}");
    assert_eq!(said[4], ("3.1%".to_string(), String::new()), "{said:?}");
}

#[test]
fn transcript_with_question_and_answer_markers() {
    // 问：/答： inline, the answering official introduced without a name: the answers have
    // no speaker, the questions are a journalist's.
    let d = doc("qa-interview.txt");
    assert_eq!(d["published"], "2024-07-09");
    assert_eq!(d["publisher"], "省财政厅");
    assert_eq!(
        turns(d),
        [
            "70|-|journalist|-",
            "86|-|official|-",
            "161|-|journalist|-",
            "184|-|official|-",
            "264|-|journalist|-",
            "293|-|official|-",
        ]
    );
    check(
        "qa-interview.txt",
        &[
            // 答：今年省级财政统筹安排专项资金25亿元，重点支持1000个以上设备更新项目。
            "200|25亿元|2500000000|CNY|amount|-|-|-|-|专项资金|-|2024|actual",
            "209|1000个|1000|count|count|-|-|at_least|-|设备更新项目|-|2024|actual",
            // 对符合条件的项目，按设备购置额的8%给予补助，单个项目补助最高不超过800万元。
            "239|8%|8|%|percent|-|-|-|-|设备购置额|-|2024|actual",
            "257|800万元|8000000|CNY|amount|-|-|at_most|-|单个项目|-|2024|actual",
            // 问：有企业反映，去年贷款贴息比例为1%，今年会不会提高？
            "281|1%|1|%|percent|-|-|-|-|贷款贴息比例|-|2023|actual",
            // 答：今年贴息比例提高到1.5%，贴息期限相应延长，预计可带动银行新增贷款300亿元左右。
            "304|1.5%|1.5|%|percent|-|-|-|-|贴息比例|-|2024|actual",
            "329|300亿元|30000000000|CNY|amount|-|-|about|-|新增贷款|-|2024|target",
        ],
    );
    assert_eq!(
        speakers(d),
        [
            "200|-|3|false",
            "209|-|3|false",
            "239|-|3|false",
            "257|-|3|false",
            "281|-|4|true",
            "304|-|5|false",
            "329|-|5|false",
        ]
    );
}

#[test]
fn notice_with_number_and_signature() {
    // The document number under the title, the signing body and the date under 特此通告 are
    // the notice's fields, not figures; the notice is dated by its signature, not by the
    // first day it sets (2025年1月28日). It is no transcript.
    let d = doc("notice-fireworks.txt");
    assert_eq!(d["doc_number"], "宁公通〔2025〕1号");
    assert_eq!(d["issuer"], "南京市公安局");
    assert_eq!(d["signed"], "2025-01-20");
    assert_eq!(d["published"], "2025-01-20");
    assert!(d["text"].as_str().unwrap().ends_with("特此通告。"));
    assert!(turns(d).is_empty());
    check(
        "notice-fireworks.txt",
        &[
            // 违反本通告规定燃放烟花爆竹的，由公安机关责令停止燃放，处500元以下罚款。
            "254|500元|500|CNY|amount|-|-|at_most|-|罚款|-|-|actual",
        ],
    );
    // Ordinary releases have no turns and no speaker.
    for page in ["press-conference.html", "plan-notice.txt", "bulletin.txt"] {
        assert!(turns(doc(page)).is_empty(), "{page}");
        assert!(speakers(doc(page)).iter().all(|s| s.contains("|-|-|false")), "{page}");
    }
}
