//! Quality floors on the annotated real pages (body F1 over Han/digit/Latin characters,
//! title and date accuracy). The per-page table is printed; floors may only go up.

use pressmine::eval::{evaluate, render, summarize, Reference};
use pressmine::pipeline::Pipeline;
use std::path::PathBuf;

/// Measured on this commit: mean body F1 0.9879 over 30 pages, titles 100%, dates 100%.
const BODY_F1_FLOOR: f64 = 0.987;
const TITLE_FLOOR: f64 = 1.0;
const DATE_FLOOR: f64 = 1.0;
/// No single page may fall below this, except the pages of [`OWN_FLOORS`] (lowest today:
/// 19-yndaily 0.967; the interview 23-xinhuanet2005-gbk, whose questions all open with 记者：,
/// scores 0.999).
const PAGE_F1_FLOOR: f64 = 0.96;
/// Pages whose truth body follows another convention than pressmine's body, with the reason
/// and a floor of their own (which may only go up).
///
/// 17-jl-gov (a provincial government notice; hand-made truth from the source dataset):
/// the truth body opens with the 信息公开 metadata table (索引号, 分类, 发文机关, 成文日期,
/// 标题, 发文字号, 发布日期) and the headline broken over four lines. pressmine reports those
/// as the document's fields (`title`, `published`, `publisher`) and not as body text, on this
/// page as on every other government page with such a table; the notice itself is fully in
/// the body. Scored today: 0.836.
const OWN_FLOORS: &[(&str, f64, &str)] =
    &[("17-jl-gov.html", 0.83, "truth body holds the metadata table and the headline, reported as fields")];

/// Pinned: every page and truth file is read, so a measure cannot improve by losing pages.
const ANNOTATED_PAGES: usize = 52;
const BODY_PAGES: usize = 30;
const TITLE_PAGES: usize = 51;
const DATE_PAGES: usize = 51;
const TRUTH_FILES: usize = 33;

#[test]
fn realpages_quality_floors() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline = Pipeline::load(&root.join("patterns")).unwrap();
    let truth = root.join("tests/realpages");
    // Reference::load fails on a truth file it cannot read or parse; count them here too.
    let reference = Reference::load(&truth).unwrap();
    let truth_files = std::fs::read_dir(&truth)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".truth.json"))
        .count();
    assert_eq!(truth_files, TRUTH_FILES, "truth files in tests/realpages");
    let pages = root.join("corpus/realpages");
    let annotated: Vec<&str> = reference.files().collect();
    assert_eq!(annotated.len(), ANNOTATED_PAGES, "annotated pages");
    for f in &annotated {
        assert!(pages.join(f).is_file(), "annotated page {f} cannot be read");
    }
    let mut scores = evaluate(&pipeline, &pages, &reference);
    scores.sort_by(|a, b| a.file.cmp(&b.file));
    println!("{}", render(&scores));
    assert_eq!(scores.len(), ANNOTATED_PAGES, "pages scored");
    let (f1, n, titles, dates) = summarize(&scores);
    assert_eq!(n, BODY_PAGES, "pages with a truth body");
    assert_eq!(scores.iter().filter(|s| s.title_ok.is_some()).count(), TITLE_PAGES, "pages with a reference title");
    assert_eq!(scores.iter().filter(|s| s.date_ok.is_some()).count(), DATE_PAGES, "pages with a reference date");
    assert!(f1 >= BODY_F1_FLOOR, "mean body F1 {f1:.4} < {BODY_F1_FLOOR}");
    assert!(titles >= TITLE_FLOOR, "title accuracy {titles:.3} < {TITLE_FLOOR}");
    assert!(dates >= DATE_FLOOR, "date accuracy {dates:.3} < {DATE_FLOOR}");
    for (file, _, why) in OWN_FLOORS {
        assert!(scores.iter().any(|s| s.file == *file && s.body.is_some()), "{file} ({why}) has no body score");
    }
    for s in &scores {
        if let Some(b) = s.body {
            let floor = OWN_FLOORS.iter().find(|o| o.0 == s.file).map_or(PAGE_F1_FLOOR, |o| o.1);
            assert!(b.f1 >= floor, "{}: body F1 {:.3} < {floor}", s.file, b.f1);
        }
    }
}

/// The decoder must not produce mojibake on the page with invalid bytes: it decodes as
/// GB18030 with the bad sequences counted, and the body still matches the truth.
#[test]
fn bad_bytes_page_decodes_with_warning() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline = Pipeline::load(&root.join("patterns")).unwrap();
    let bytes = std::fs::read(root.join("corpus/realpages/28-cl2000-badbytes.html")).unwrap();
    let doc = pipeline.process(&pressmine::source::RawDoc::from_bytes("28.html", bytes));
    assert_eq!(doc.source.encoding, "gb18030");
    let w = doc.warnings.iter().find(|w| w.code == pressmine::model::WarningCode::DecodeReplaced).unwrap();
    assert!(w.detail.starts_with("12 invalid"), "{}", w.detail);
}
