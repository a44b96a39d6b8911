//! `diff` and `series` on built release pairs: a corrected figure, reordered paragraphs,
//! a synonym, two cities with the same metric, monthly releases, a planted revision.

use pressmine::canon::Canon;
use pressmine::diff::{diff, series, SeriesFilter};
use pressmine::model::Document;
use pressmine::pipeline::Pipeline;
use pressmine::source::RawDoc;
use std::path::PathBuf;
use std::sync::LazyLock;

static PIPE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::load(&root().join("patterns")).unwrap());
static SYN: LazyLock<Canon> =
    LazyLock::new(|| Canon::load(&pressmine::patterns::Patterns::read_dir(&root().join("patterns")).unwrap()).unwrap());

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn doc(id: &str, date: &str, body: &str) -> Document {
    let page = format!("江苏省统计局月度数据发布\n{date}\n{body}\n");
    PIPE.process(&RawDoc::from_bytes(id, page.into_bytes()))
}

const JULY: &str = "今年1-7月，全省规上工业增加值同比增长8.2%。\n社会消费品零售总额达到2.8万亿元，同比增长6.1%。\n南京市规上工业增加值增长7.1%，苏州市规上工业增加值增长9.3%。\n固定资产投资增长5.2%。";

#[test]
fn one_corrected_figure_is_exactly_one_change() {
    let old = doc("a.txt", "2024-08-15", JULY);
    let new = doc("a.txt", "2024-08-15", &JULY.replace("同比增长8.2%", "同比增长8.4%"));
    let r = diff(&[old], &[new], &SYN);
    assert_eq!(r.changed.len(), 1, "{r:#?}");
    assert!(r.added.is_empty() && r.removed.is_empty());
    let c = &r.changed[0];
    assert_eq!((c.old.text.as_str(), c.new.text.as_str()), ("8.2%", "8.4%"));
    assert_eq!(c.abs_change.to_string(), "0.2");
    assert_eq!(c.key.indicator.as_deref(), Some("规上工业增加值"));
    assert_eq!((c.key.place.as_deref(), c.key.place_code.as_deref()), (Some("江苏省"), Some("320000")));
}

#[test]
fn reordered_paragraphs_and_punctuation_width_change_nothing() {
    let old = doc("a.txt", "2024-08-15", JULY);
    // The lead paragraph (it names the release's period) stays first; the rest are reversed.
    let mut paras: Vec<&str> = JULY.lines().collect();
    paras[1..].reverse();
    let shuffled = paras.join("\n").replace('，', ", ");
    let new = doc("a.txt", "2024-08-15", &shuffled);
    let r = diff(&[old], &[new], &SYN);
    assert!(!r.has_differences(), "{r:#?}");
    assert_eq!(r.unchanged, 6, "all six figures pair unchanged");
}

#[test]
fn synonyms_pair_instead_of_add_and_remove() {
    let old = doc("a.txt", "2024-08-15", "社会消费品零售总额达到2.8万亿元。");
    let new = doc("a.txt", "2024-08-15", "社零总额达到2.9万亿元。");
    let r = diff(&[old], &[new], &SYN);
    assert_eq!((r.changed.len(), r.added.len(), r.removed.len()), (1, 0, 0), "{r:#?}");
}

#[test]
fn two_cities_are_not_paired_with_each_other() {
    let old = doc("a.txt", "2024-08-15", "南京市规上工业增加值增长7.1%，苏州市规上工业增加值增长9.3%。");
    let new = doc("a.txt", "2024-08-15", "苏州市规上工业增加值增长9.3%，南京市规上工业增加值增长7.5%。");
    let r = diff(&[old], &[new], &SYN);
    assert_eq!(r.changed.len(), 1, "{r:#?}");
    assert_eq!(r.changed[0].key.place.as_deref(), Some("南京市"));
}

#[test]
fn monthly_releases_move_and_series_flags_a_revision() {
    let june = doc("06.txt", "2024-07-15", "今年1-6月，全省规上工业增加值同比增长7.9%。\n固定资产投资增长5.0%。");
    let july = doc("07.txt", "2024-08-15", "今年1-7月，全省规上工业增加值同比增长8.2%。\n固定资产投资增长5.2%。");
    let july_rev = doc("07r.txt", "2024-08-20", "今年1-7月，全省规上工业增加值同比增长8.4%。");
    let r = diff(std::slice::from_ref(&june), std::slice::from_ref(&july), &SYN);
    // 1-6月 and 1-7月 are different indicators; 固定资产投资 states no period, but each
    // release states only its lead's, so it is of 1-6月 and of 1-7月 too: nothing pairs.
    assert_eq!((r.changed.len(), r.added.len(), r.removed.len()), (0, 2, 2), "{r:#?}");
    assert!(r.added.iter().all(|a| a.key.period() == "2024-01/2024-07"), "{r:#?}");
    let without = |d: &str| doc("x.txt", "2024-08-15", d);
    // Stated without any period in both, the two statements pair.
    let r = diff(&[without("固定资产投资增长5.0%。")], &[without("固定资产投资增长5.2%。")], &SYN);
    assert_eq!((r.changed.len(), r.added.len(), r.removed.len()), (1, 0, 0), "{r:#?}");
    assert_eq!(r.changed[0].key.indicator.as_deref(), Some("固定资产投资"));
    let all = series(
        &[june, july, july_rev],
        &SYN,
        &SeriesFilter { indicator: Some("工业增加值".into()), ..Default::default() },
    );
    assert_eq!(all.len(), 1, "{all:#?}");
    let points: Vec<(&str, String, bool)> =
        all[0].points.iter().map(|p| (p.period.as_str(), p.value.normalize().to_string(), p.revision)).collect();
    assert_eq!(points, [("2024-01/2024-06", "7.9".to_string(), false), ("2024-01/2024-07", "8.4".to_string(), true)]);
}

#[test]
fn values_differing_inside_one_release_are_a_conflict_never_a_revision() {
    // The CPI release gives several parts (翘尾, 新涨价, food, non-food contributions) the
    // total's indicator: one document, several values.
    let page = std::fs::read(root().join("corpus/realpages/04-caijing-cpi.html")).unwrap();
    let one = PIPE.process(&RawDoc::from_bytes("a.html", page.clone()));
    let all = series(std::slice::from_ref(&one), &SYN, &SeriesFilter::default());
    let points: Vec<_> = all.iter().flat_map(|s| &s.points).collect();
    assert!(points.iter().any(|p| p.conflict), "{all:#?}");
    assert!(points.iter().all(|p| !p.revision), "{all:#?}");
    // The same release again under another id states the same values: still no revision.
    let again = PIPE.process(&RawDoc::from_bytes("b.html", page));
    let all = series(&[one, again], &SYN, &SeriesFilter::default());
    assert!(all.iter().flat_map(|s| &s.points).all(|p| !p.revision), "{all:#?}");
}

#[test]
fn tonnes_and_jin_line_up_in_one_unit() {
    let old = doc("a.txt", "2024-08-15", "2023年全省粮食总产量3800.6万吨。");
    let new = doc("b.txt", "2024-09-15", "2023年全省粮食总产量760.12亿斤。");
    let r = diff(&[old], &[new], &SYN);
    assert_eq!((r.changed.len(), r.added.len(), r.removed.len(), r.unchanged), (0, 0, 0, 1), "{r:#?}");
}
