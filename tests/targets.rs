//! Targets against actuals, through the real binary, on a province's reports
//! (`tests/reports/`, written for pressmine in the genre's phrasing, for the fictional 青峡省):
//! the 2024 government work report (plain text: heading, meeting line, speaker line), the
//! 2024 statistics bulletin (plain text) and the 2025 work report (an HTML page with the
//! meeting and speaker lines under its heading). The 2024 targets are met, missed, unclear
//! (a growth target, a level stated) or pending (no actual); the 2025 and 2027 ones pending.

use std::path::Path;

mod common;

use common::{pressmine, root, text};

fn run_reports(out: &Path) {
    let corpus = root().join("tests/reports");
    pressmine(&["-q", "run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
}

/// Every target as one line: verdict indicator place period bound target → actual [doc].
const TARGETS: &str = "\
missed 一般公共预算收入 全省 2024 point 5 → 4.4 [2025-03-statistics-bulletin.txt]
pending 单位地区生产总值能耗 全省 2024 about -2.5 → -
met 地区生产总值 全省 2024 about 5.5 → 5.6 [2025-03-statistics-bulletin.txt]
met 城镇新增就业 全省 2024 floor 600000 → 623000 [2025-01-gov-work-report.html]
met 城镇调查失业率 全省 2024 ceiling 5.5 → 5.2 [2025-03-statistics-bulletin.txt]
met 居民消费价格 全省 2024 about 3 → 0.4 [2025-03-statistics-bulletin.txt]
missed 粮食总产量 全省 2024 floor 15000000 → 14863000 [2025-03-statistics-bulletin.txt]
unclear 进出口总额 全省 2024 point 3 → 325670000000 [2025-03-statistics-bulletin.txt]
pending 地区生产总值 全省 2025 about 5.5 → -
pending 城镇新增就业 全省 2025 floor 600000 → -
pending 城镇调查失业率 全省 2025 about 5.5 → -
pending 居民消费价格 全省 2025 about 2 → -
pending 粮食总产量 全省 2025 floor 15000000 → -
pending 数字经济核心产业增加值占地区生产总值比重 全省 2027 point 12 → -
pending 研发经费投入强度 全省 2027 point 2.8 → -
";

#[test]
fn a_provinces_reports_give_exactly_the_intended_targets_and_verdicts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("o");
    run_reports(&out);
    let json = pressmine(&["targets", out.to_str().unwrap(), "--format", "json"]).stdout;
    let report: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(report["schema"], "pressmine-targets/1");
    let mut lines = String::new();
    for t in report["targets"].as_array().unwrap() {
        let actual = match &t["actual"] {
            serde_json::Value::Null => "-".to_string(),
            a => format!("{} [{}]", a["value"], text(&a["doc"])),
        };
        lines.push_str(&format!(
            "{} {} {} {} {} {} → {actual}\n",
            text(&t["verdict"]),
            text(&t["indicator"]),
            text(&t["place"]),
            text(&t["period"]),
            text(&t["bound"]),
            t["target"]["value"],
        ));
    }
    assert_eq!(lines, TARGETS, "got:\n{lines}");
    // About targets carry their margin: percentage points for a rate.
    let gdp = &report["targets"][2];
    assert_eq!((gdp["margin"].to_string().as_str(), &gdp["target"]["sentence"]), ("0.2", &gdp["target"]["sentence"]));
    assert!(gdp["actual"]["sentence"].as_str().unwrap().contains("比上年增长5.6%"));

    // The table shows both sentences and documents; the CSV one row per target.
    let table = String::from_utf8(pressmine(&["targets", out.to_str().unwrap()]).stdout).unwrap();
    assert!(
        table.contains("met     地区生产总值 | 全省 | 2024 | change: about 5.5% (±0.2) → 5.6% (change)"),
        "{table}"
    );
    assert!(table.contains("actual 2025-03-statistics-bulletin.txt (2025-03-10): 5.6% | 初步核算"), "{table}");
    let csv = String::from_utf8(pressmine(&["targets", out.to_str().unwrap(), "--format", "csv"]).stdout).unwrap();
    assert_eq!(csv.lines().count(), TARGETS.lines().count() + 1);
    assert!(csv.starts_with("\u{feff}verdict,indicator,place,"));
}

/// `(text, period, modality, bound)` of each claim of a document of the run.
fn claims(out: &Path, doc: &str) -> (serde_json::Value, Vec<String>) {
    let d: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("docs").join(format!("{doc}.json"))).unwrap()).unwrap();
    let rows = d["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} {} {} {}", text(&c["text"]), text(&c["period"]), text(&c["modality"]), text(&c["bound"])))
        .collect();
    (d, rows)
}

#[test]
fn review_figures_are_last_years_actuals_and_target_figures_this_years_targets() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("o");
    run_reports(&out);
    // Plain text: the heading is the title, not the speaker line; the meeting line dates it.
    let (d, rows) = claims(&out, "2024-01-gov-work-report.txt");
    assert_eq!((text(&d["title"]), text(&d["published"])), ("政府工作报告".into(), "2024-01-18".into()));
    assert_eq!(
        rows,
        [
            "27105.2亿元 2023 actual -",
            "5.2% 2023 actual -",
            "2105.6亿元 2023 actual -",
            "6.1% 2023 actual -",
            "58.6万人 2023 actual -",
            "31250元 2023 actual -",
            "6.0% 2023 actual -",
            "5.5% 2024 target about",
            "5% 2024 target point",
            "60万人 2024 target floor",
            "5.5% 2024 target ceiling",
            "3% 2024 target about",
            "3% 2024 target point",
            "1500万吨 2024 target floor",
            "2.5% 2024 target about",
        ]
    );
    // HTML: 发布时间 dates the page; a horizon heading gives its year.
    let (d, rows) = claims(&out, "2025-01-gov-work-report.html");
    assert_eq!((text(&d["title"]), text(&d["published"])), ("政府工作报告".into(), "2025-01-20".into()));
    assert_eq!(
        rows,
        [
            "5.6% 2024 actual -",
            "62.3万人 2024 actual -",
            "33180元 2024 actual -",
            "6.2% 2024 actual -",
            "5.5% 2025 target about",
            "60万人 2025 target floor",
            "5.5% 2025 target about",
            "2% 2025 target about",
            "1500万吨 2025 target floor",
            "12% 2027 target point",
            "2.8% 2027 target point",
        ]
    );
    // The bulletin: the year its title names, all actual.
    let (d, rows) = claims(&out, "2025-03-statistics-bulletin.txt");
    assert_eq!(text(&d["title"]), "青峡省2024年国民经济和社会发展统计公报");
    assert!(rows.iter().all(|r| r.ends_with(" 2024 actual -")), "{rows:?}");
}
