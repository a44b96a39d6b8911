//! Attribution quality on hand-annotated real pages (`tests/gold/realpages-gold.json`, 21
//! pages of `corpus/realpages`): claim recall and precision, and over matched claims the
//! share with the right qualifier, period and metric; initiative recall and precision. The
//! per-page table and every mismatch are printed (`cargo test --test gold -- --nocapture`);
//! the floors below may only go up. A second test checks that the Rust scorer and the
//! annotators' Python scorer agree on the same output.

use pressmine::pipeline::Pipeline;
use pressmine::score::{render, Gold, Rates, Report};
use pressmine::source::RawDoc;
use rayon::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Pages the gold file annotates; every one must be read and scored.
const PAGES: usize = 21;
/// Gold figures over those pages.
const GOLD_CLAIMS: usize = 458;

/// Floors, measured on this commit (`cargo test --test gold -- --nocapture`).
/// Precision fell from .963 when each end of a range became a figure: three ranges of these
/// pages (6500~7000人次, 30%—40%, 6到18米) are annotated by their lower end only, against the
/// gold README's own convention ("annotated by its ends as written", with 6500~7000 as its
/// example); recall rose .926 → .941.
const FLOORS: Floors = Floors {
    recall: 0.947,
    precision: 0.963,
    qualifier: 0.956,
    period: 0.973,
    metric: 0.891,
    init_recall: 0.749,
    init_precision: 0.999,
};
const NEGATIVES_REPORTED_MAX: usize = 5;

/// Lowest rates allowed; they may only go up.
struct Floors {
    recall: f64,
    precision: f64,
    qualifier: f64,
    period: f64,
    metric: f64,
    init_recall: f64,
    init_precision: f64,
}

impl Floors {
    fn check(&self, r: &Rates) {
        let pairs = [
            ("recall", r.recall, self.recall),
            ("precision", r.precision, self.precision),
            ("qualifier", r.qualifier, self.qualifier),
            ("period", r.period, self.period),
            ("metric", r.metric, self.metric),
            ("initiative recall", r.init_recall, self.init_recall),
            ("initiative precision", r.init_precision, self.init_precision),
        ];
        let low: Vec<String> = pairs
            .iter()
            .filter(|(_, got, floor)| got < floor)
            .map(|(name, got, floor)| format!("{name} {got:.4} < floor {floor}"))
            .collect();
        assert!(low.is_empty(), "below the floors: {}", low.join("; "));
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gold(file: &str) -> Gold {
    let text = std::fs::read_to_string(root().join("tests/gold").join(file)).unwrap();
    Gold::from_json(&text).unwrap()
}

/// Extracts every gold page from `corpus/` and returns the documents as JSON values.
fn extract(gold: &Gold) -> Vec<Value> {
    let pipeline = Pipeline::load(&root().join("patterns")).unwrap();
    gold.docs
        .par_iter()
        .map(|d| {
            let path = root().join("corpus").join(&d.file);
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = Path::new(&d.file).file_name().unwrap().to_string_lossy().into_owned();
            serde_json::to_value(pipeline.process(&RawDoc::from_bytes(name, bytes))).unwrap()
        })
        .collect()
}

fn scored(file: &str) -> (Vec<Value>, Report) {
    let gold = gold(file);
    let docs = extract(&gold);
    let report = gold.score(&docs);
    (docs, report)
}

/// Prints every mismatch, the per-page table and the totals line of one gold file.
fn print(report: &Report) {
    for p in &report.pages {
        for line in &p.detail {
            println!("{line}");
        }
    }
    println!("{}", render(report));
    let t = &report.total;
    let r = t.rates();
    println!(
        "recall {:.3}  precision {:.3}  qualifier {:.3}  period {:.3}  metric {:.3}  initiatives R {:.3} P {:.3}  negatives {}",
        r.recall, r.precision, r.qualifier, r.period, r.metric, r.init_recall, r.init_precision, t.neg
    );
}

#[test]
fn attribution_floors_on_annotated_pages() {
    let (_, report) = scored("realpages-gold.json");
    print(&report);
    let t = &report.total;
    let r = t.rates();
    assert_eq!(t.docs, PAGES);
    assert_eq!(t.missing, 0, "every annotated page yields a document");
    assert_eq!(t.tp + t.fn_, GOLD_CLAIMS, "gold figures scored");
    assert_eq!((r.title, r.date), (1.0, 1.0), "titles and dates");
    FLOORS.check(&r);
    assert!(t.neg <= NEGATIVES_REPORTED_MAX, "{} negatives reported (max {NEGATIVES_REPORTED_MAX})", t.neg);
}

/// Pages of `realpages-gold-extra.json`, annotated by the project the same way (28 more
/// pages of `corpus/realpages`; rules are written for the constructions their mismatches show,
/// never for one page's sentence).
const EXTRA_PAGES: usize = 28;
const EXTRA_CLAIMS: usize = 321;
const EXTRA_FLOORS: Floors = Floors {
    recall: 0.934,
    precision: 0.961,
    qualifier: 0.976,
    period: 0.999,
    metric: 0.882,
    init_recall: 0.905,
    init_precision: 0.940,
};

#[test]
fn attribution_floors_on_more_annotated_pages() {
    check_set("realpages-gold-extra.json", EXTRA_PAGES, EXTRA_CLAIMS, &EXTRA_FLOORS);
}

/// Scores one gold file, prints it, and checks its size and floors.
fn check_set(file: &str, pages: usize, claims: usize, floors: &Floors) {
    let (_, report) = scored(file);
    print(&report);
    let t = &report.total;
    assert_eq!((t.docs, t.missing, t.tp + t.fn_), (pages, 0, claims), "{file}: pages, missing, gold figures");
    floors.check(&t.rates());
}

/// Releases of `own-gold.json`: eight government texts in genres the real pages lack (a
/// statistics bureau's monthly release, a work report, a provincial press conference, a
/// ministry's half-year release, a city's implementation plan, a harvest release, a
/// statistical bulletin, a human-resources release dispatched as news), written for the
/// project and annotated by hand before any output of pressmine was looked at.
const OWN_PAGES: usize = 8;
const OWN_CLAIMS: usize = 637;
const OWN_FLOORS: Floors = Floors {
    recall: 0.991,
    precision: 0.997,
    qualifier: 0.999,
    period: 0.985,
    metric: 0.967,
    init_recall: 0.908,
    init_precision: 0.999,
};

#[test]
fn attribution_floors_on_government_releases() {
    check_set("own-gold.json", OWN_PAGES, OWN_CLAIMS, &OWN_FLOORS);
}

/// Releases of `blind-gold.json`: fourteen government texts of agencies and genres the other
/// sets lack, written and annotated by people who had seen neither pressmine's rules nor its
/// output, in two rounds. The first six (a provincial tourism department's holiday figures, an
/// environment department's air and water bulletin, a central-bank branch's half-year credit
/// release, an agriculture department's harvest release, a city press conference transcript,
/// a county work report) scored, before any rule was written for them: recall .957, precision
/// .970, qualifier 1.000, period .917, metric .910, initiatives R .594 P .950. The next eight
/// (a commerce department's trade release, a tax bureau's press conference, a ministry's
/// quarterly press conference, an emergency-management half-year report, a development
/// commission's investment release, a health statistical bulletin, and two ministry pages
/// served as HTML, one in GBK) scored: recall .983, precision .991, qualifier .982, period
/// .948, metric .840, initiatives R .574 P .794.
const BLIND_PAGES: usize = 14;
const BLIND_CLAIMS: usize = 1310;
const BLIND_FLOORS: Floors = Floors {
    recall: 0.989,
    precision: 0.993,
    qualifier: 0.990,
    period: 0.983,
    metric: 0.972,
    init_recall: 0.885,
    init_precision: 0.999,
};

#[test]
fn attribution_floors_on_releases_annotated_blind() {
    check_set("blind-gold.json", BLIND_PAGES, BLIND_CLAIMS, &BLIND_FLOORS);
}

/// Releases of `blind2-gold.json`: six more government texts written and annotated the same
/// way, kept as a set of their own so each set's floors only go up: a market-regulation
/// bureau's half-year release on business registrations and patents, a science department's
/// Q&A explainer of an action plan, an energy bureau's page served as GBK HTML with a table,
/// a civil-affairs press conference transcript on elderly care, a State Council Information
/// Office press conference on central state-owned enterprises, and a seven-ministry notice
/// printing an action plan. Before any rule was written for them they scored: recall .989,
/// precision .996, qualifier .983, period .953, metric .878, initiatives R .742 P .942.
const BLIND2_PAGES: usize = 6;
const BLIND2_CLAIMS: usize = 553;
const BLIND2_FLOORS: Floors = Floors {
    recall: 0.994,
    precision: 0.995,
    qualifier: 0.990,
    period: 0.991,
    metric: 0.939,
    init_recall: 0.923,
    init_precision: 0.982,
};

#[test]
fn attribution_floors_on_more_releases_annotated_blind() {
    check_set("blind2-gold.json", BLIND2_PAGES, BLIND2_CLAIMS, &BLIND2_FLOORS);
}

/// Releases of `blind3-gold.json`: six more, written and annotated the same way: a national
/// healthcare-security statistics bulletin, the national audit office's annual audit report,
/// a commerce ministry press conference on consumer trade-ins, a provincial education
/// statistics bulletin, a regional press conference on afforestation and desertification
/// control, and a city government work report. Before any rule was written for them they
/// scored: recall .984, precision .988, qualifier 1.000, period .948, metric .909, initiatives
/// R .603 P 1.000 (title .833: a speaker's line under the date was taken for the headline).
const BLIND3_PAGES: usize = 6;
const BLIND3_CLAIMS: usize = 644;
const BLIND3_FLOORS: Floors = Floors {
    recall: 0.988,
    precision: 0.989,
    qualifier: 0.999,
    period: 0.994,
    metric: 0.953,
    init_recall: 0.827,
    init_precision: 0.999,
};

#[test]
fn attribution_floors_on_a_third_set_of_releases_annotated_blind() {
    check_set("blind3-gold.json", BLIND3_PAGES, BLIND3_CLAIMS, &BLIND3_FLOORS);
}

/// Releases of `blind4-gold.json`: six more, written and annotated the same way: a water
/// resources ministry press conference on investment, a provincial statistics bureau's
/// three-quarter release, the national R&D funding bulletin, a city press conference on the
/// AI industry, an industry ministry release on small and specialised firms, and a provincial
/// agriculture department's release on rural renewal. Before any rule was written for them they
/// scored: recall .971, precision .994, qualifier .991, period .943, metric .885, initiatives
/// R .710 P .978.
const BLIND4_PAGES: usize = 6;
const BLIND4_CLAIMS: usize = 662;
const BLIND4_FLOORS: Floors = Floors {
    recall: 0.986,
    precision: 0.994,
    qualifier: 0.991,
    period: 0.982,
    metric: 0.926,
    init_recall: 0.886,
    init_precision: 0.981,
};

#[test]
fn attribution_floors_on_a_fourth_set_of_releases_annotated_blind() {
    check_set("blind4-gold.json", BLIND4_PAGES, BLIND4_CLAIMS, &BLIND4_FLOORS);
}

/// Releases of `blind5-gold.json`: six more, written and annotated the same way: a customs
/// district's eleven-month foreign trade release, an energy administration press conference, an
/// intellectual property press conference, a city department's explainer of a manufacturing
/// policy, a county statistics bulletin and a State Council executive meeting readout. Before any
/// rule was written for them they scored: recall .977, precision .987, qualifier .958, period
/// .926, metric .898, initiatives R .727 P .952.
const BLIND5_PAGES: usize = 6;
const BLIND5_CLAIMS: usize = 645;
const BLIND5_FLOORS: Floors = Floors {
    recall: 0.988,
    precision: 0.994,
    qualifier: 0.991,
    period: 0.995,
    metric: 0.936,
    init_recall: 0.854,
    init_precision: 0.978,
};

#[test]
fn attribution_floors_on_a_fifth_set_of_releases_annotated_blind() {
    check_set("blind5-gold.json", BLIND5_PAGES, BLIND5_CLAIMS, &BLIND5_FLOORS);
}

/// Releases of `blind6-gold.json`: six more, written and annotated the same way: a provincial
/// finance department's budget execution release, a city tourism bureau's holiday release, a
/// central bank branch's financial statistics, a provincial environment press conference, a news
/// agency dispatch on a province's education and a provincial commerce department's press
/// conference. Before any rule was written for them they scored: recall .962, precision .995,
/// qualifier .977, period .780, metric .932, initiatives R .656 P 1.000.
const BLIND6_PAGES: usize = 6;
const BLIND6_CLAIMS: usize = 610;
const BLIND6_FLOORS: Floors = Floors {
    recall: 0.989,
    precision: 0.999,
    qualifier: 0.988,
    period: 0.979,
    metric: 0.957,
    init_recall: 0.905,
    init_precision: 0.999,
};

#[test]
fn attribution_floors_on_a_sixth_set_of_releases_annotated_blind() {
    check_set("blind6-gold.json", BLIND6_PAGES, BLIND6_CLAIMS, &BLIND6_FLOORS);
}

/// Releases of `blind7-gold.json`: six more, written and annotated the same way: a provincial
/// market regulator's press conference, a city weather bureau's climate bulletin, a provincial
/// communications administration's telecom release, a provincial postal administration's press
/// conference with a table typed as text, a provincial science department's press conference
/// and a county's review of rural revitalization. Before any rule was written for them they
/// scored: recall .960, precision .984, qualifier .988, period .956, metric .857, initiatives
/// R .772 P .957.
const BLIND7_PAGES: usize = 6;
const BLIND7_CLAIMS: usize = 657;
const BLIND7_FLOORS: Floors = Floors {
    recall: 0.992,
    precision: 0.994,
    qualifier: 0.987,
    period: 0.970,
    metric: 0.936,
    init_recall: 0.876,
    init_precision: 0.979,
};

#[test]
fn attribution_floors_on_a_seventh_set_of_releases_annotated_blind() {
    check_set("blind7-gold.json", BLIND7_PAGES, BLIND7_CLAIMS, &BLIND7_FLOORS);
}

/// Releases of `blind8-gold.json`: six more, written and annotated the same way: a civil
/// aviation administration's monthly press conference, a railway bureau's summer-season review,
/// a statistics bureau's industrial-profits release with a table typed as text, a free trade
/// port's press conference, a foreign exchange administration's press conference and a news
/// site's reprint of a city's digital-economy report. Before any rule was written for them they
/// scored: recall .924, precision .978, qualifier .988, period .855, metric .876, initiatives
/// R .659 P .931.
const BLIND8_PAGES: usize = 6;
const BLIND8_CLAIMS: usize = 566;
const BLIND8_FLOORS: Floors = Floors {
    recall: 0.995,
    precision: 0.992,
    qualifier: 0.999,
    period: 0.977,
    metric: 0.942,
    init_recall: 0.804,
    init_precision: 0.969,
};

#[test]
fn attribution_floors_on_an_eighth_set_of_releases_annotated_blind() {
    check_set("blind8-gold.json", BLIND8_PAGES, BLIND8_CLAIMS, &BLIND8_FLOORS);
}

/// Releases of `blind9-gold.json`: six more, written and annotated the same way: a financial
/// regulator's quarterly press conference, a land-resources department's release on farmland and
/// land supply with a table typed as text, a ministry's monthly telecom release with a table of
/// regions, a provincial port and waterway release, a district's mid-term review of its five-year
/// plan with a table of indicators whose units stand in the row names, and a provincial public
/// security press conference. Before any rule was written for them they scored: recall .935,
/// precision .956, qualifier .985, period .957, metric .883, initiatives R .860 P .935.
const BLIND9_PAGES: usize = 6;
const BLIND9_CLAIMS: usize = 678;
const BLIND9_FLOORS: Floors = Floors {
    recall: 0.988,
    precision: 0.993,
    qualifier: 0.999,
    period: 0.969,
    metric: 0.928,
    init_recall: 0.919,
    init_precision: 0.937,
};

#[test]
fn attribution_floors_on_a_ninth_set_of_releases_annotated_blind() {
    check_set("blind9-gold.json", BLIND9_PAGES, BLIND9_CLAIMS, &BLIND9_FLOORS);
}

/// Releases of `blind10-gold.json`: six more, written and annotated the same way: the statistics
/// bureau's monthly release on house prices in 70 cities with two tables of city indexes typed
/// with spaces, a housing ministry press conference, a city's report on its budget execution and
/// budget draft, a district's notice on the progress of its ten livelihood projects, an
/// agriculture ministry press conference and a provincial health commission's yearly release.
/// Before any rule was written for them they scored: recall .881, precision .960, qualifier
/// 1.000, period .865, metric .896, initiatives R .646 P .775.
const BLIND10_PAGES: usize = 6;
const BLIND10_CLAIMS: usize = 620;
const BLIND10_FLOORS: Floors = Floors {
    recall: 0.994,
    precision: 0.993,
    qualifier: 0.999,
    period: 0.951,
    metric: 0.951,
    init_recall: 0.791,
    init_precision: 0.843,
};

#[test]
fn attribution_floors_on_a_tenth_set_of_releases_annotated_blind() {
    check_set("blind10-gold.json", BLIND10_PAGES, BLIND10_CLAIMS, &BLIND10_FLOORS);
}

/// Releases of `blind11-gold.json`: six more, written and annotated the same way: a city's annual
/// report on its housing provident fund, a provincial sports bureau's press conference on fitness
/// for all, a grain bureau's press conference on the autumn harvest purchase, a disabled persons'
/// federation's statistical communiqué with a table typed as text, a provincial data bureau's press
/// conference on the digital economy and a city market regulator's 3·15 release. Before any rule
/// was written for them they scored: recall .971, precision .977, qualifier .923, period .962,
/// metric .868, initiatives R .780 P .889.
const BLIND11_PAGES: usize = 6;
const BLIND11_CLAIMS: usize = 617;
const BLIND11_FLOORS: Floors = Floors {
    recall: 0.989,
    precision: 0.992,
    qualifier: 0.999,
    period: 0.983,
    metric: 0.910,
    init_recall: 0.877,
    init_precision: 0.946,
};

#[test]
fn attribution_floors_on_an_eleventh_set_of_releases_annotated_blind() {
    check_set("blind11-gold.json", BLIND11_PAGES, BLIND11_CLAIMS, &BLIND11_FLOORS);
}

/// Releases of `blind12-gold.json`: six more, written and annotated the same way: a provincial
/// discipline commission's report on its cases in the first three quarters, a border inspection
/// station's holiday and year-to-date release, a provincial high court's press conference on the
/// first half year, an agriculture department's release on the wheat harvest in progress, a
/// provincial marine economy statistical communiqué and a city press conference on investment
/// promotion and development zones. Before any rule was written for them they scored: recall
/// .969, precision .985, qualifier 1.000, period .920, metric .819, initiatives R .709 P .907.
const BLIND12_PAGES: usize = 6;
const BLIND12_CLAIMS: usize = 479;
const BLIND12_FLOORS: Floors = Floors {
    recall: 0.992,
    precision: 0.994,
    qualifier: 0.999,
    period: 0.978,
    metric: 0.919,
    init_recall: 0.817,
    init_precision: 0.917,
};

#[test]
fn attribution_floors_on_a_twelfth_set_of_releases_annotated_blind() {
    check_set("blind12-gold.json", BLIND12_PAGES, BLIND12_CLAIMS, &BLIND12_FLOORS);
}

/// Releases of `blind13-gold.json`: six more, written and annotated the same way: a provincial
/// procuratorate's work report on 2023 and the five years before, a city fire brigade's annual
/// fire statistics, a city statistics bureau's monitoring report on its programmes for women and
/// children, a provincial press conference on government services online, a provincial veterans
/// affairs department's year-end release and a city's first-quarter release on urban renewal.
/// Before any rule was written for them they scored: recall .988, precision .994, qualifier .975,
/// period .900, metric .839, initiatives R .879 P .911.
const BLIND13_PAGES: usize = 6;
const BLIND13_CLAIMS: usize = 516;
const BLIND13_FLOORS: Floors = Floors {
    recall: 0.991,
    precision: 0.993,
    qualifier: 0.999,
    period: 0.938,
    metric: 0.905,
    init_recall: 0.964,
    init_precision: 0.948,
};

#[test]
fn attribution_floors_on_a_thirteenth_set_of_releases_annotated_blind() {
    check_set("blind13-gold.json", BLIND13_PAGES, BLIND13_CLAIMS, &BLIND13_FLOORS);
}

/// Releases of `blind14-gold.json`: six more, written and annotated the same way: a provincial
/// housing provident fund annual report, a provincial postal administration's release on the
/// first ten months, a county's report on its 2019 plan and its 2020 draft, a provincial drug
/// regulator's half-year press conference, a port's half-year production release and an
/// agriculture department's autumn-harvest bulletin. Per-capita incomes were annotated in a
/// unit of their own (`yuan_per_person`) and were brought to the other sets' `CNY`. Before any
/// rule was written for them they scored: recall .993, precision 1.000, qualifier 1.000,
/// period .912, metric .949, initiatives R .879 P 1.000.
const BLIND14_PAGES: usize = 6;
const BLIND14_CLAIMS: usize = 296;
const BLIND14_FLOORS: Floors = Floors {
    recall: 0.992,
    precision: 0.999,
    qualifier: 0.999,
    period: 0.942,
    metric: 0.965,
    init_recall: 0.908,
    init_precision: 0.999,
};

#[test]
fn attribution_floors_on_a_fourteenth_set_of_releases_annotated_blind() {
    check_set("blind14-gold.json", BLIND14_PAGES, BLIND14_CLAIMS, &BLIND14_FLOORS);
}

/// Releases of `blind15-gold.json`: six more, written and annotated the same way: a provincial
/// water resources bulletin published the year after, a provincial health commission's monthly
/// report of notifiable infectious diseases, a district's annual report on government
/// information disclosure, a city's population sample survey bulletin, a securities
/// regulator's half-year release on listed companies and a provincial film bureau's release on
/// the Spring Festival box office. Per mille (‰) was annotated in a unit of its own and was
/// brought to a percentage (千分点 to a tenth of a percentage point), and 2024-H1 and 2024-Q1 to
/// the month spans of the other sets. Before any rule was written for them they scored: recall
/// .967, precision .977, qualifier 1.000, period .803, metric .786, initiatives R .776 P .884.
const BLIND15_PAGES: usize = 6;
const BLIND15_CLAIMS: usize = 876;
const BLIND15_FLOORS: Floors = Floors {
    recall: 0.973,
    precision: 0.983,
    qualifier: 0.999,
    period: 0.931,
    metric: 0.870,
    init_recall: 0.856,
    init_precision: 0.999,
};

#[test]
fn attribution_floors_on_a_fifteenth_set_of_releases_annotated_blind() {
    check_set("blind15-gold.json", BLIND15_PAGES, BLIND15_CLAIMS, &BLIND15_FLOORS);
}

/// Releases of `blind16-gold.json`: six more, written and annotated the same way: a provincial
/// audit office's report on the budget execution of 2023, a provincial transport department's
/// review of the 2024 Spring Festival travel season, a city procuratorate's work report, a
/// provincial commerce department's release on consumption and online retail, a high-tech
/// zone's half-year economic release and a provincial agriculture department's press conference
/// transcript. One output of 12.6GWh annotated in kWh was brought to GWh, as the other sets
/// write it. Before any rule was written for them they scored: recall .993, precision .997,
/// qualifier 1.000, period .835, metric .909, initiatives R .905 P .974.
const BLIND16_PAGES: usize = 6;
const BLIND16_CLAIMS: usize = 676;
const BLIND16_FLOORS: Floors = Floors {
    recall: 0.992,
    precision: 0.996,
    qualifier: 0.999,
    period: 0.979,
    metric: 0.934,
    init_recall: 0.928,
    init_precision: 0.974,
};

#[test]
fn attribution_floors_on_a_sixteenth_set_of_releases_annotated_blind() {
    check_set("blind16-gold.json", BLIND16_PAGES, BLIND16_CLAIMS, &BLIND16_FLOORS);
}

/// Releases of `blind17-gold.json`: six more, written and annotated the same way: a provincial
/// emergency management department's review of safety production and natural disasters in
/// 2024, a provincial exam authority's release on the 2025 college entrance exam and
/// admissions, a provincial state-assets commission's release on its enterprises in
/// January–November 2024, a city people's congress inspection report on the food safety law, a
/// county's public notice of how its rural revitalization funds were spent, and a provincial
/// culture and tourism department's release on the 2025 May Day holiday. Before any rule was
/// written for them they scored: recall .982, precision .992, qualifier .942, period .935,
/// metric .863, initiatives R .745 P .854.
const BLIND17_PAGES: usize = 6;
const BLIND17_CLAIMS: usize = 624;
const BLIND17_FLOORS: Floors = Floors {
    recall: 0.981,
    precision: 0.991,
    qualifier: 0.979,
    period: 0.947,
    metric: 0.891,
    init_recall: 0.786,
    init_precision: 0.859,
};

#[test]
fn attribution_floors_on_a_seventeenth_set_of_releases_annotated_blind() {
    check_set("blind17-gold.json", BLIND17_PAGES, BLIND17_CLAIMS, &BLIND17_FLOORS);
}

/// Releases of `blind18-gold.json`: six more, written and annotated the same way: excerpts of a
/// provincial high court's work report on a year of trials and enforcement, a provincial film
/// bureau's release on a National Day box office season, a provincial disabled persons'
/// federation's statistical bulletin, a coastal province's marine economy statistical bulletin, a
/// city's annual report on its 12345 government service hotline, and a provincial development
/// and reform commission's press conference on the low-altitude economy. Before any rule was
/// written for them they scored: recall .984, precision .990, qualifier .967, period .928,
/// metric .905, initiatives R .795 P .861.
const BLIND18_PAGES: usize = 6;
const BLIND18_CLAIMS: usize = 578;
const BLIND18_FLOORS: Floors = Floors {
    recall: 0.997,
    precision: 0.995,
    qualifier: 0.966,
    period: 0.971,
    metric: 0.931,
    init_recall: 0.819,
    init_precision: 0.887,
};

#[test]
fn attribution_floors_on_an_eighteenth_set_of_releases_annotated_blind() {
    check_set("blind18-gold.json", BLIND18_PAGES, BLIND18_CLAIMS, &BLIND18_FLOORS);
}

/// Releases of `blind19-gold.json`: six more, written and annotated the same way: a provincial
/// justice department's release on a year of public legal services, a provincial welfare
/// lottery centre's annual notice of sales and of the public-welfare fund, a maritime safety
/// administration's half-year bulletin on water traffic safety, a provincial federation of
/// industry and commerce's release of its top 100 private enterprises, a commerce department's
/// release on foreign investment in ten months and a county government's half-year work summary.
/// Before any rule was written for them they scored: recall .970, precision .999, qualifier
/// .989, period .866, metric .880, initiatives R .863 P .898. Eight counts of the parts of a
/// speech (三个方面, 五项工作) were annotated as figures, against the convention (they are
/// rhetoric, optional), and were made optional after that scoring.
const BLIND19_PAGES: usize = 6;
const BLIND19_CLAIMS: usize = 747;
const BLIND19_FLOORS: Floors = Floors {
    recall: 0.978,
    precision: 0.997,
    qualifier: 0.999,
    period: 0.949,
    metric: 0.884,
    init_recall: 0.881,
    init_precision: 0.899,
};

#[test]
fn attribution_floors_on_a_nineteenth_set_of_releases_annotated_blind() {
    check_set("blind19-gold.json", BLIND19_PAGES, BLIND19_CLAIMS, &BLIND19_FLOORS);
}

/// Releases of `blind20-gold.json`: six more, written and annotated the same way: a provincial
/// science department's release on technology contracts and high-tech enterprises, a city
/// housing bureau's monthly bulletin on the housing market, a provincial agriculture department's
/// quarterly analysis of livestock production, a civil affairs department's release on social
/// assistance, a transport department's bulletin on investment and key projects and a water
/// resources department's review of a year of flood control and drought relief. Before any rule
/// was written for them they scored: recall .973, precision .995, qualifier .908, period .918,
/// metric .849, initiatives R .682 P .882; five counts of the parts of a speech were made
/// optional after that, as in `blind19-gold.json`.
const BLIND20_PAGES: usize = 6;
const BLIND20_CLAIMS: usize = 663;
const BLIND20_FLOORS: Floors = Floors {
    recall: 0.980,
    precision: 0.994,
    qualifier: 0.999,
    period: 0.924,
    metric: 0.880,
    init_recall: 0.794,
    init_precision: 0.920,
};

#[test]
fn attribution_floors_on_a_twentieth_set_of_releases_annotated_blind() {
    check_set("blind20-gold.json", BLIND20_PAGES, BLIND20_CLAIMS, &BLIND20_FLOORS);
}

/// Releases of `blind21-gold.json`: six more, written and annotated the same way: a provincial
/// trade union federation's review of its services to workers in a year, a health commission's
/// bulletin on the medical services of a half year, a statistics bureau's reading of residents'
/// income and spending in three quarters, a forestry bureau's review of afforestation and forest
/// fire prevention, an ecology department's release on water quality and an education
/// department's press conference on graduates' employment. Before any rule was written for them
/// they scored: recall .990, precision .993, qualifier .971, period .931, metric .843,
/// initiatives R .872 P .850.
const BLIND21_PAGES: usize = 6;
const BLIND21_CLAIMS: usize = 719;
const BLIND21_FLOORS: Floors = Floors {
    recall: 0.989,
    precision: 0.999,
    qualifier: 0.970,
    period: 0.970,
    metric: 0.911,
    init_recall: 0.973,
    init_precision: 0.925,
};

#[test]
fn attribution_floors_on_a_twenty_first_set_of_releases_annotated_blind() {
    check_set("blind21-gold.json", BLIND21_PAGES, BLIND21_CLAIMS, &BLIND21_FLOORS);
}

/// Releases of `blind22-gold.json`: six more, written and annotated the same way: a provincial
/// political consultative conference's report on the handling of proposals, a human resources
/// department's press conference (questions and answers) on social insurance in nine months, a
/// city transport bureau's bulletin on public transport, a supply and marketing cooperative's
/// review of a year, a culture and tourism department's review of public culture and cultural
/// heritage, and an agriculture department's reading of east–west cooperation. Before any rule
/// was written for them they scored: recall .993, precision 1.000, qualifier .958, period .814,
/// metric .868, initiatives R .837 P .947.
const BLIND22_PAGES: usize = 6;
const BLIND22_CLAIMS: usize = 610;
const BLIND22_FLOORS: Floors = Floors {
    recall: 0.992,
    precision: 0.999,
    qualifier: 0.978,
    period: 0.939,
    metric: 0.918,
    init_recall: 0.882,
    init_precision: 0.949,
};

#[test]
fn attribution_floors_on_a_twenty_second_set_of_releases_annotated_blind() {
    check_set("blind22-gold.json", BLIND22_PAGES, BLIND22_CLAIMS, &BLIND22_FLOORS);
}

/// Releases of `blind23-gold.json`: six more, written and annotated the same way: a city
/// administration bureau's bulletin on waste sorting and sanitation, a communications
/// administration's release on the telecommunications industry in a year, a youth league
/// committee's press conference (questions and answers) on internships, a commerce department's
/// release on cross-border e-commerce in nine months, a Red Cross society's review of a year and
/// a government offices administration's bulletin on energy saving in public institutions.
/// Before any rule was written for them they scored: recall .984, precision .990, qualifier
/// .991, period .948, metric .842, initiatives R .788 P .872.
const BLIND23_PAGES: usize = 6;
const BLIND23_CLAIMS: usize = 612;
const BLIND23_FLOORS: Floors = Floors {
    recall: 0.984,
    precision: 0.990,
    qualifier: 0.990,
    period: 0.953,
    metric: 0.906,
    init_recall: 0.845,
    init_precision: 0.896,
};

#[test]
fn attribution_floors_on_a_twenty_third_set_of_releases_annotated_blind() {
    check_set("blind23-gold.json", BLIND23_PAGES, BLIND23_CLAIMS, &BLIND23_FLOORS);
}

/// Releases of `blind24-gold.json`: six more, written and annotated the same way: a medical
/// insurance bureau's press conference (questions and answers) on a half year, an energy
/// bureau's release on summer power supply, a city public security bureau's release on household
/// registration, a radio and television bureau's statistical bulletin, a science and technology
/// association's release on science literacy and a water resources department's release on rural
/// water supply. Before any rule was written for them they scored: recall .981, precision .982,
/// qualifier .989, period .720, metric .833, initiatives R .921 P .897.
const BLIND24_PAGES: usize = 6;
const BLIND24_CLAIMS: usize = 672;
const BLIND24_FLOORS: Floors = Floors {
    recall: 0.980,
    precision: 0.989,
    qualifier: 0.999,
    period: 0.946,
    metric: 0.886,
    init_recall: 0.972,
    init_precision: 0.901,
};

#[test]
fn attribution_floors_on_a_twenty_fourth_set_of_releases_annotated_blind() {
    check_set("blind24-gold.json", BLIND24_PAGES, BLIND24_CLAIMS, &BLIND24_FLOORS);
}

/// Releases of `blind25-gold.json`: six more, written and annotated the same way: a regional
/// statistics bureau's release on household income and spending, a national climate bulletin's
/// release, a city market regulator's report on product quality spot checks, a statistician's
/// reading of a month's purchasing managers' indices, a provincial press conference on a new
/// area's construction and a cultural heritage bureau's release on museums. Before any rule was
/// written for them they scored: recall .980, precision .990, qualifier .970, period .950, metric
/// .921, initiatives R .839 P .963.
const BLIND25_PAGES: usize = 6;
const BLIND25_CLAIMS: usize = 501;
const BLIND25_FLOORS: Floors = Floors {
    recall: 0.995,
    precision: 0.995,
    qualifier: 0.999,
    period: 0.948,
    metric: 0.964,
    init_recall: 0.837,
    init_precision: 0.961,
};

#[test]
fn attribution_floors_on_a_twenty_fifth_set_of_releases_annotated_blind() {
    check_set("blind25-gold.json", BLIND25_PAGES, BLIND25_CLAIMS, &BLIND25_FLOORS);
}

/// The Rust port and the annotators' scorer (`tests/gold/score.py`, run with the machine's
/// python3) give the same totals on the same output.
#[test]
fn rust_scorer_agrees_with_reference_scorer() {
    let (docs, report) = scored("realpages-gold.json");
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("dev.jsonl");
    let lines: Vec<String> = docs.iter().map(|d| serde_json::to_string(d).unwrap()).collect();
    std::fs::write(&jsonl, lines.join("\n")).unwrap();
    let out = std::process::Command::new("python3")
        .arg(root().join("tests/gold/score.py"))
        .arg(&jsonl)
        .arg("--json")
        .output()
        .expect("python3 runs the reference scorer");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let py: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = report.total.rates();
    let pairs = [
        ("claim_precision", r.precision),
        ("claim_recall", r.recall),
        ("qualifier_acc", r.qualifier),
        ("period_acc", r.period),
        ("metric_acc", r.metric),
        ("init_precision", r.init_precision),
        ("init_recall", r.init_recall),
        ("title_acc", r.title),
        ("date_acc", r.date),
    ];
    for (key, ours) in pairs {
        let theirs = py[key].as_f64().unwrap_or_else(|| panic!("{key} missing in {py}"));
        assert!((ours - theirs).abs() < 1e-12, "{key}: rust {ours} python {theirs}");
    }
    assert_eq!(py["negatives_reported"].as_u64(), Some(report.total.neg as u64));
    assert_eq!(py["not_initiatives_reported"].as_u64(), Some(report.total.i_neg as u64));
}
