//! Figures of the project's own release pages (corpus/own), read by the real binary: value,
//! unit, kind, qualifier, metric, period and modality of the constructions statistics
//! bureaus and press conferences use most, plus what must not come out as a figure.

use serde_json::Value;
use std::process::Command;

fn docs() -> Vec<Value> {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .args(["-q", "extract"])
        .arg(format!("{root}/corpus/own/stats-release-gbk.html"))
        .arg(format!("{root}/corpus/own/press-conference.html"))
        .arg(format!("{root}/corpus/own/indicators.txt"))
        .arg(format!("{root}/corpus/own/bulletin.txt"))
        .arg(format!("{root}/corpus/own/plan-notice.txt"))
        .arg(format!("{root}/corpus/own/price-release.txt"))
        .arg(format!("{root}/corpus/own/trade-release.txt"))
        .arg(format!("{root}/corpus/own/fiscal-release.txt"))
        .arg(format!("{root}/corpus/own/indicators-table.html"))
        .arg(format!("{root}/corpus/own/harvest-jobs-release.txt"))
        .output()
        .expect("run pressmine");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// (text, value, unit, kind, qualifier, metric, period, modality); "-" is null.
type Row =
    (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str);

fn check(doc: &Value, expected: &[Row]) {
    let claims = doc["claims"].as_array().unwrap();
    let s = |v: &Value| match v {
        Value::Null => "-".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut failures = Vec::new();
    for &(text, value, unit, kind, qualifier, metric, period, modality) in expected {
        // The same text may occur twice (15% … 15%): prefer the one with the expected metric.
        let same: Vec<&Value> = claims.iter().filter(|c| c["text"] == text && s(&c["value"]) == value).collect();
        let Some(c) = same.iter().find(|c| s(&c["metric"]) == metric).or(same.first()) else {
            failures.push(format!("missing {text} = {value}"));
            continue;
        };
        let got =
            [s(&c["unit"]), s(&c["kind"]), s(&c["qualifier"]), s(&c["metric"]), s(&c["period"]), s(&c["modality"])];
        let want = [unit, kind, qualifier, metric, period, modality];
        if got.iter().zip(want).any(|(g, w)| g != w) {
            failures.push(format!("{text}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}:\n{}", doc["id"], failures.join("\n"));
}

#[test]
fn statistics_bureau_release() {
    let docs = docs();
    let d = &docs[0];
    assert_eq!(d["title"], "2024年上半年全省经济运行情况");
    assert_eq!(d["source"]["encoding"], "gb18030");
    let h1 = "2024-01/2024-06";
    check(
        d,
        &[
            ("63260.6亿元", "6326060000000", "CNY", "amount", "-", "地区生产总值", h1, "actual"),
            ("5.8%", "5.8", "%", "change", "-", "地区生产总值", h1, "actual"),
            ("2140.5亿元", "214050000000", "CNY", "amount", "-", "第一产业增加值", h1, "actual"),
            ("7.9%", "7.9", "%", "change", "-", "规模以上工业增加值", h1, "actual"),
            ("0.6个百分点", "0.6", "pp", "change", "-", "规模以上工业增加值", h1, "actual"),
            ("67.3万人", "673000", "count", "count", "-", "城镇新增就业", h1, "actual"),
            ("53.8%", "53.8", "%", "percent", "-", "年度目标", h1, "actual"),
            ("27.6万亿元", "27600000000000", "CNY", "amount", "-", "存款余额", "../2024-06-30", "actual"),
            ("0.9万亿元", "900000000000", "CNY", "amount", "-", "进口", h1, "actual"),
            ("3.9%", "-3.9", "%", "change", "-", "进口", h1, "actual"),
            ("700亿斤", "70000000000", "jin", "quantity", "at_least", "粮食总产量", h1, "actual"),
            ("4.1%", "4.1", "%", "change", "-", "一般公共预算收入", h1, "actual"),
            ("5.0%", "5", "%", "change", "-", "全体居民人均可支配收入", h1, "actual"),
            ("2.1%", "-2.1", "%", "change", "-", "利润总额", h1, "actual"),
            ("50.2%", "50.2", "%", "percent", "-", "制造业采购经理指数", "2024-06", "actual"),
            ("12%", "12", "%", "percent", "about", "数字经济核心产业增加值占GDP比重", "2025", "target"),
        ],
    );
    // The related-news list, the footer and the dates are not figures.
    let texts: Vec<&str> = d["claims"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    for not in ["2024", "12345678", "1", "32010202010001"] {
        assert!(!texts.contains(&not), "{not} reported as a figure");
    }
}

#[test]
fn press_conference() {
    let docs = docs();
    let d = &docs[1];
    assert_eq!(d["published"], "2024-09-12T10:30");
    assert_eq!(d["publisher"], "省政府新闻办公室");
    check(
        d,
        &[
            ("1,200余家", "1200", "count", "count", "over", "国家级专精特新“小巨人”企业", "2024", "actual"),
            ("8000家", "8000", "count", "count", "over", "省级专精特新中小企业", "2024", "actual"),
            ("500亿条", "50000000000", "count", "count", "over", "标识注册量", "../2024-08-31", "actual"),
            ("6.4", "6.4", "pp", "change", "-", "规上工业企业数字化研发设计工具普及率", "../2024-08-31", "actual"),
            ("4.3个百分点", "4.3", "pp", "change", "-", "关键工序数控化率", "../2024-08-31", "actual"),
            ("300家", "300", "count", "count", "about", "省级智能工厂", "../2026-12-31", "target"),
            ("1000个", "1000", "count", "count", "at_least", "数字化车间", "../2026-12-31", "target"),
            ("15亿元", "1500000000", "CNY", "amount", "-", "省级专项资金", "2024", "target"),
            ("2400亿元", "240000000000", "CNY", "amount", "about", "项目总投资", "-", "actual"),
            ("10.2%", "10.2", "%", "percent", "-", "数字经济核心产业营业收入占GDP比重", "2023", "actual"),
        ],
    );
    let names: Vec<&str> = d["initiatives"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"制造业数字化转型三年行动计划（2024—2026年）"), "{names:?}");
}

#[test]
fn indicator_phrasing() {
    let docs = docs();
    let d = &docs[2];
    check(
        d,
        &[
            ("0.2个百分点", "-0.2", "pp", "change", "-", "城镇调查失业率", "-", "actual"),
            ("1.1个百分点", "-1.1", "pp", "change", "-", "规模以上工业增加值", "-", "actual"),
            ("39218元", "39218", "CNY", "amount", "-", "居民人均可支配收入", "2023", "actual"),
            ("2.4倍", "2.4", "times", "multiple", "-", "居民人均可支配收入", "2023", "actual"),
            ("3000亿美元", "300000000000", "USD", "amount", "about", "出口额", "-", "actual"),
            ("6000多家", "6000", "count", "change", "over", "高新技术企业", "-", "actual"),
            ("5.3个百分点", "5.3", "pp", "change", "-", "工业投资", "-", "actual"),
            // 全年 stated as fact in June 2024: the last whole year, 2023.
            ("15%", "15", "%", "change", "-", "游客", "2023", "actual"),
            ("20%", "20", "%", "change", "-", "旅游总收入", "2023", "actual"),
            ("30微克/立方米", "30", "ug/m3", "quantity", "-", "PM2.5平均浓度", "-", "actual"),
            ("120万亩", "1200000", "mu", "quantity", "-", "造林面积", "-", "actual"),
            ("第一", "1", "rank", "rank", "-", "产销量", "-", "actual"),
            ("2%", "2", "%", "percent", "at_least", "规上工业企业研发投入占营业收入比重", "2027", "target"),
        ],
    );
}

#[test]
fn bulletin_of_the_year_before() {
    let docs = docs();
    check(
        &docs[3],
        &[
            ("135862亿元", "13586200000000", "CNY", "amount", "-", "地区生产总值", "2024", "actual"),
            ("8526万人", "85260000", "count", "count", "-", "常住人口", "2024", "actual"),
            ("6590万人", "65900000", "count", "count", "-", "城镇人口", "2024", "actual"),
            ("3800.6万吨", "38006000", "t", "quantity", "-", "粮食总产量", "2024", "actual"),
            ("5.5%", "5.5", "%", "change", "-", "国有控股企业", "2024", "actual"),
            ("6.63‰", "6.63", "%", "percent", "-", "人口出生率", "2024", "actual"),
            ("8562亿千瓦时", "856200000000", "kWh", "quantity", "-", "全社会用电量", "2024", "actual"),
            ("2263万千瓦", "22630000", "kW", "quantity", "-", "风电", "2024", "actual"),
            ("第二位", "2", "rank", "rank", "-", "货物进出口总额", "2024", "actual"),
            ("253.4亿美元", "25340000000", "USD", "amount", "-", "实际使用外资", "2024", "actual"),
            ("4520亿元", "452000000000", "CNY", "amount", "about", "研究与试验发展经费支出", "2024", "actual"),
            ("1.26万亿元", "1260000000000", "CNY", "amount", "-", "国内旅游收入", "2024", "actual"),
            ("15.8%", "15.8", "%", "change", "-", "国内旅游收入", "2024", "actual"),
        ],
    );
}

#[test]
fn plan_notice_targets() {
    let docs = docs();
    check(
        &docs[4],
        &[
            ("6%", "6", "%", "change", "at_least", "规模以上工业增加值", "2026", "target"),
            ("35%", "35", "%", "percent", "about", "制造业增加值占地区生产总值比重", "2026", "target"),
            ("15个", "15", "count", "count", "-", "千亿级产业集群", "2026", "target"),
            ("50家", "50", "count", "count", "-", "百亿级企业", "2026", "target"),
            ("300家", "300", "count", "count", "at_least", "国家级专精特新“小巨人”企业", "2026", "target"),
            ("45%", "45", "%", "percent", "over", "工业战略性新兴产业产值占规上工业比重", "2030", "target"),
            ("13.5%", "-13.5", "%", "change", "-", "单位工业增加值能耗", "2030", "target"),
            ("1000万元", "10000000", "CNY", "amount", "at_most", "单个项目", "-", "actual"),
        ],
    );
    let names: Vec<&str> =
        docs[4]["initiatives"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["加快推进新型工业化实施方案", "链长制", "万企上云"]);
}

#[test]
fn national_price_trade_and_fiscal_releases() {
    let docs = docs();
    let (oct, q3) = ("2024-10", "2024-01/2024-09");
    check(
        &docs[5],
        &[
            ("2.9%", "-2.9", "%", "change", "-", "工业生产者出厂价格", oct, "actual"),
            ("2.0%", "2", "%", "change", "-", "食品烟酒类价格", oct, "actual"),
            ("0.59个百分点", "0.59", "pp", "change", "about", "CPI", oct, "actual"),
            ("2.1%", "-2.1", "%", "change", "-", "工业生产者出厂价格", "2024-01/2024-10", "actual"),
        ],
    );
    check(
        &docs[6],
        &[
            ("32.33万亿元", "32330000000000", "CNY", "amount", "-", "货物贸易进出口总值", q3, "actual"),
            ("2.21万亿元", "2210000000000", "CNY", "amount", "-", "出口", "2024-09", "actual"),
            ("65%", "65", "%", "percent", "-", "一般贸易进出口占外贸总值比重", q3, "actual"),
            ("9862.6万吨", "98626000", "t", "quantity", "-", "天然气", q3, "actual"),
        ],
    );
    check(
        &docs[7],
        &[
            ("0.6%", "0.6", "%", "change", "about", "一般公共预算收入", q3, "actual"),
            ("92722亿元", "9272200000000", "CNY", "amount", "-", "地方一般公共预算本级收入", q3, "actual"),
            ("32877亿元", "3287700000000", "CNY", "amount", "-", "社会保障和就业支出", q3, "actual"),
        ],
    );
}

#[test]
fn indicator_table() {
    let docs = docs();
    let d = &docs[8];
    assert_eq!(d["title"], "2024年1-6月全省主要经济指标");
    assert!(
        d["text"].as_str().unwrap().ends_with("注：地区生产总值增速按不变价格计算。"),
        "the note after the table is body"
    );
    let h1 = "2024-01/2024-06";
    check(
        d,
        &[
            ("12345.6", "1234560000000", "CNY", "amount", "-", "地区生产总值", h1, "actual"),
            ("5.2", "5.2", "%", "change", "-", "地区生产总值", h1, "actual"),
            ("6.1", "6.1", "%", "change", "-", "规模以上工业增加值", h1, "actual"),
            ("-1.3", "-1.3", "%", "change", "-", "固定资产投资", h1, "actual"),
            ("21456", "21456", "CNY", "amount", "-", "居民人均可支配收入", h1, "actual"),
        ],
    );
    let claims = d["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 10, "two per row with a value, one per row without");
    assert!(claims.iter().all(|c| c["text"] != "—"));
}

#[test]
fn harvest_and_jobs_release() {
    let docs = docs();
    let d = &docs[9];
    assert_eq!(d["publisher"], "省统计局", "the next label on the line is no part of the publisher");
    let y = "2024";
    check(
        d,
        &[
            ("438.6亿斤", "43860000000", "jin", "quantity", "-", "粮食总产量", y, "actual"),
            ("12年", "12", "year", "quantity", "-", "粮食总产量", y, "actual"),
            ("0.9%", "-0.9", "%", "change", "-", "早稻产量", y, "actual"),
            ("2.7%", "2.7", "%", "change", "-", "晚稻产量", y, "actual"),
            ("80.5%", "80.5", "%", "percent", "-", "综合机械化率", y, "actual"),
            ("76.4亿斤", "7640000000", "jin", "quantity", "-", "粮食产量", y, "actual"),
            ("2.8%", "2.8", "%", "change", "-", "畜牧业产业增加值", y, "actual"),
            ("2.3个", "-2.3", "pp", "change", "-", "渔业产业增加值", y, "actual"),
            ("1.6个百分点", "-1.6", "pp", "change", "-", "渔业产业增加值", y, "actual"),
            ("18.7亿元", "1870000000", "CNY", "amount", "-", "稳岗返还资金", y, "actual"),
            ("156.3亿元", "15630000000", "CNY", "amount", "-", "创业担保贷款", y, "actual"),
            ("9.6件", "9.6", "count", "count", "-", "每万人口高价值发明专利拥有量", y, "actual"),
            ("1.7%", "1.7", "%", "percent", "-", "研发经费投入强度", "2020", "actual"),
            ("2.1%", "2.1", "%", "percent", "-", "研发经费投入强度", y, "actual"),
            ("20项", "20", "count", "count", "-", "主要指标", y, "actual"),
            ("3个", "3", "count", "count", "-", "千亿级产业集群", y, "actual"),
            ("500个", "500", "count", "count", "at_least", "重点项目", y, "actual"),
        ],
    );
    let claims = d["claims"].as_array().unwrap();
    let scope_of = |t: &str| claims.iter().find(|c| c["text"] == t).map(|c| c["scope"].clone());
    // A news dateline names where the report was filed; a 分别 list of places, each figure's scope.
    assert_eq!(scope_of("438.6亿斤"), Some(Value::from("全省")));
    assert_eq!(scope_of("52.1亿斤"), Some(Value::from("南昌")));
    assert_eq!(scope_of("48.9亿斤"), Some(Value::from("九江")));
    let refs: Vec<&Value> = claims.iter().filter(|c| c["unit"] == "pp").map(|c| &c["change"]["reference"]).collect();
    assert_eq!(refs, [&Value::from("第二产业"), &Value::from("第三产业")]);
}
