//! Real cases of figures lining up across releases, through the real binary: seven
//! consecutive releases of one provincial statistics bureau (`tests/series-releases/`, written
//! for pressmine in the bureau's usual phrasing): monthly 1–N月 figures, the year's GDP and its
//! parts revised after final verification, the parts of a total, CPI with its city/rural and
//! carry-over/new-price parts, and one indicator written two ways (规模以上工业增加值 and
//! 规上工业增加值, 社会消费品零售总额 and 社零总额). The series and revisions are pinned.

use std::path::Path;
use std::process::Command;

mod common;

use common::{pressmine, root, text};

fn run_releases(out: &Path) {
    let corpus = root().join("tests/series-releases");
    pressmine(&["-q", "run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
}

/// Every series as one line: indicator|place|kind|family|basis: period=value[R][C] …
const SERIES: &str = "\
人均地区生产总值|江西省|amount|money|-: 2023=70923
农村居民消费价格|江西省|change|percent|yoy: 2024-04=0.2 2024-05=0.3
制造业|江西省|change|percent|yoy: 2024-01/2024-02=7.8
固定资产投资|江西省|change|percent|yoy: 2024-01/2024-02=4.1 2024-01/2024-03=4.3 2024-01/2024-04=4
固定资产投资|江西省|change|percent|vs_prior_period: 2023=-5.9
地区生产总值|江西省|amount|money|-: 2023=3207470000000R 2024-01/2024-03=789020000000
地区生产总值|江西省|change|percent|yoy: 2024-01/2024-03=5
地区生产总值|江西省|change|percent|vs_prior_period: 2023=4.1
城市居民消费价格|江西省|change|percent|yoy: 2024-04=0.3 2024-05=0.4
居民人均可支配收入|江西省|amount|money|-: 2023=34242
居民消费价格|江西省|change|percent|yoy: 2024-04=0.3 2024-05=0.4
居民消费价格|江西省|change|percent|vs_prior_period: 2023=0.1
新涨价影响|江西省|pp|pp|-: 2024-04=0.4 2024-05=0.6
电力、热力、燃气及水生产和供应业|江西省|change|percent|yoy: 2024-01/2024-02=4.9
社会消费品零售总额|江西省|amount|money|-: 2023=1370680000000 2024-01/2024-02=218050000000 2024-01/2024-03=335020000000 2024-01/2024-04=442060000000
社会消费品零售总额|江西省|change|percent|yoy: 2024-01/2024-02=5.3 2024-01/2024-03=5.1 2024-01/2024-04=5.2
社会消费品零售总额|江西省|change|percent|vs_prior_period: 2023=5.4
第一产业增加值|江西省|amount|money|-: 2023=245040000000 2024-01/2024-03=42030000000
第一产业增加值|江西省|change|percent|yoy: 2024-01/2024-03=3.1
第一产业增加值|江西省|change|percent|vs_prior_period: 2023=4
第三产业增加值|江西省|amount|money|-: 2023=1604340000000R 2024-01/2024-03=416950000000
第三产业增加值|江西省|change|percent|yoy: 2024-01/2024-03=4.7
第三产业增加值|江西省|change|percent|vs_prior_period: 2023=3.7
第二产业增加值|江西省|amount|money|-: 2023=1358090000000R 2024-01/2024-03=330040000000
第二产业增加值|江西省|change|percent|yoy: 2024-01/2024-03=5.6
第二产业增加值|江西省|change|percent|vs_prior_period: 2023=4.6
翘尾影响|江西省|pp|pp|-: 2024-04=-0.1 2024-05=-0.2
规上工业增加值|江西省|change|percent|yoy: 2024-01/2024-02=7.2 2024-01/2024-03=7 2024-01/2024-04=7.1
规上工业增加值|江西省|change|percent|vs_prior_period: 2023=5.4
采矿业增加值|江西省|change|percent|yoy: 2024-01/2024-02=3.5
非食品价格|江西省|change|percent|yoy: 2024-04=0.7 2024-05=0.8
食品价格|江西省|change|percent|yoy: 2024-04=-1.8 2024-05=-1.2
";

#[test]
fn a_bureaus_releases_give_exactly_the_intended_series_and_revisions() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("o");
    run_releases(&out);
    let json = pressmine(&["series", out.to_str().unwrap(), "--format", "json"]).stdout;
    let all: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    let mut lines = String::new();
    for s in &all {
        let points: Vec<String> = s["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let flag = |k: &str, f: &'static str| if p[k] == true { f } else { "" };
                format!("{}={}{}{}", text(&p["period"]), p["value"], flag("revision", "R"), flag("conflict", "C"))
            })
            .collect();
        lines.push_str(&format!(
            "{}|{}|{}|{}|{}: {}\n",
            text(&s["indicator"]),
            text(&s["place"]),
            text(&s["kind"]),
            text(&s["family"]),
            text(&s["basis"]),
            points.join(" ")
        ));
    }
    assert_eq!(lines, SERIES, "series changed:\n{lines}");
    // Each revision comes from two documents: the first estimate and the final verification.
    for s in &all {
        for p in s["points"].as_array().unwrap().iter().filter(|p| p["revision"] == true) {
            let docs: Vec<String> = p["sources"].as_array().unwrap().iter().map(|i| text(&i["doc"])).collect();
            assert_eq!(docs, ["2024-01-19-2023-annual.txt", "2024-06-28-gdp-2023-final.txt"], "{p}");
        }
    }
}

#[test]
fn series_csv_is_long_form_and_the_table_shows_basis_and_unit() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("o");
    run_releases(&out);
    let o = out.to_str().unwrap();
    let csv =
        String::from_utf8(pressmine(&["series", o, "--indicator", "地区生产总值", "--format", "csv"]).stdout).unwrap();
    let mut rows = csv.trim_start_matches('\u{feff}').lines();
    let header = rows.next().unwrap();
    assert_eq!(
        header,
        "indicator,place,place_code,kind,unit,basis,period,period_start,period_end,period_kind,value,current,revision,conflict,doc,published,publisher,url,text"
    );
    let rows: Vec<&str> = rows.filter(|r| r.starts_with("地区生产总值,江西省,360000,amount,CNY,,2023,")).collect();
    assert_eq!(
        rows,
        [
            "地区生产总值,江西省,360000,amount,CNY,,2023,2023-01-01,2023-12-31,year,3220010000000,false,true,false,2024-01-19-2023-annual.txt,2024-01-19,江西省统计局,,32200.1亿元",
            "地区生产总值,江西省,360000,amount,CNY,,2023,2023-01-01,2023-12-31,year,3207470000000,true,true,false,2024-06-28-gdp-2023-final.txt,2024-06-28,江西省统计局,,32074.7亿元",
        ]
    );
    assert!(!csv.contains('|'), "one value a cell: {csv}");
    let table =
        String::from_utf8(pressmine(&["series", o, "--indicator", "规上工业增加值", "--place", "360000"]).stdout)
            .unwrap();
    assert!(table.starts_with("规上工业增加值 | 江西省 (360000) | change yoy | unit %\n"), "{table}");
}

#[test]
fn diff_of_first_estimate_and_final_verification_pairs_by_canonical_key_in_base_units() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = root().join("tests/series-releases");
    let (a, b) = (dir.join("2024-01-19-2023-annual.txt"), dir.join("2024-06-28-gdp-2023-final.txt"));
    let o = Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .env("PRESSMINE_PATTERNS", root().join("patterns"))
        .current_dir(tmp.path())
        .args(["diff", a.to_str().unwrap(), b.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let table = String::from_utf8(o.stdout).unwrap();
    assert!(
        table.contains("~ 地区生产总值 | 江西省 (360000) | 2023 | amount: 3220010000000 CNY → 3207470000000 CNY (-12540000000, -0.39%)"),
        "{table}"
    );
    assert!(
        table.contains("~ 第二产业增加值 | 江西省 (360000) | 2023 | amount: 1370650000000 CNY → 1358090000000 CNY"),
        "{table}"
    );
    // The growth rate, stated in both, is unchanged; the first industry's value too.
    assert!(!table.contains("vs_prior_period: 4.1"), "{table}");
    assert!(!table.contains("第一产业增加值 | 江西省 (360000) | 2023 | amount"), "{table}");
    assert!(!table.contains("亿元"), "figures as written never stand beside converted ones: {table}");
}
