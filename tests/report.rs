//! The review report through the real binary and a real browser: `pressmine run` on the
//! corpus, `pressmine report` on its output, then headless Chromium renders the pages
//! (`--dump-dom`, after the script ran) and the DOM is checked: every figure of the seed
//! release marked around exactly its text, in order; initiatives highlighted; a chart per
//! series over several periods, each point linking to an anchor that exists; every document
//! linked from the index; document text with markup shown, never run; nothing loaded from
//! the network; the same bytes for any thread count. Chromium must be installed (`.ci/run`
//! installs Debian's); these tests fail, not skip, without it.

use pressmine::model::Document;
use scraper::{Html, Selector};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

mod common;

use common::{pressmine, root};

/// The corpus run once and reported: (temp dir kept alive, output dir).
fn corpus_output() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        let corpus = root().join("corpus");
        pressmine(&["-q", "run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        pressmine(&["-q", "report", out.to_str().unwrap()]);
        (tmp, out)
    })
    .1
}

fn documents(out: &Path) -> Vec<Document> {
    pressmine::corpus::read_documents(out).unwrap().map(Result::unwrap).collect()
}

/// The DOM of a page after Chromium loaded it and ran its script.
fn dom(page: &Path) -> Html {
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.canonicalize().unwrap().display()))
        .output()
        .expect("chromium runs (install it: apt-get install -y chromium)");
    assert!(o.status.success(), "chromium on {}: {}", page.display(), String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("</html>"), "no DOM for {}: {text}", page.display());
    Html::parse_document(&text)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text_of(e: scraper::ElementRef) -> String {
    e.text().collect()
}

/// The page of a document: the index's link whose text is the document's title or id.
fn page_of(out: &Path, doc: &Document) -> PathBuf {
    let index = std::fs::read_to_string(out.join("report/index.html")).unwrap();
    let html = Html::parse_document(&index);
    let label = doc.title.clone().unwrap_or_else(|| doc.id.clone());
    let a = html
        .select(&sel("#documents tbody a"))
        .find(|a| text_of(*a) == label)
        .unwrap_or_else(|| panic!("no index link for {}", doc.id));
    out.join("report").join(a.value().attr("href").unwrap())
}

#[test]
fn seed_page_marks_each_figure_around_its_text_in_order_and_highlights_initiatives() {
    let out = corpus_output();
    let doc = documents(out).into_iter().find(|d| d.id.starts_with("seeds/")).expect("the seed release");
    let html = dom(&page_of(out, &doc));
    let mut claims: Vec<_> = doc.claims.iter().collect();
    claims.sort_by_key(|c| (c.span[0], c.span[1]));
    let marks: Vec<_> = html.select(&sel("article mark.claim")).collect();
    let texts: Vec<String> = marks.iter().map(|m| text_of(*m)).collect();
    let want: Vec<String> = claims.iter().map(|c| c.text.clone()).collect();
    assert_eq!(texts, want);
    assert_eq!(want.len(), 22);
    for (m, c) in marks.iter().zip(&claims) {
        let v = m.value();
        for attr in ["data-kind", "data-value", "data-unit", "data-metric", "data-scope", "data-period", "data-rule"] {
            assert!(v.attr(attr).is_some(), "{attr} missing on {}", c.text);
        }
        assert_eq!(v.attr("data-value").unwrap(), c.value.normalize().to_string());
        assert_eq!(v.attr("data-rule"), Some(c.rule.as_str()));
        assert_eq!(v.attr("id").map(String::from), Some(format!("c{}", c.span[0])));
    }
    // Every initiative mention is highlighted, with its kind.
    let chars: Vec<char> = doc.text.chars().collect();
    let marked: Vec<String> = html.select(&sel("article .initiative[data-kind]")).map(text_of).collect();
    let joined = marked.join("");
    let mentions: usize = doc.initiatives.iter().map(|i| i.mentions.len()).sum();
    assert!(mentions >= 9 && marked.len() >= mentions, "{marked:?}");
    for i in &doc.initiatives {
        for m in &i.mentions {
            let t: String = chars[m[0]..m[1]].iter().collect();
            assert!(joined.contains(&t), "{t} not highlighted");
        }
    }
    assert!(joined.contains("智改数转"), "{joined}");
    // The side table lists the figures in text order, each linking to its mark.
    let rows: Vec<String> = html.select(&sel("table.figures tbody tr td:first-child a")).map(text_of).collect();
    assert_eq!(rows, want);
    // The script ran and left the card hidden until a figure is hovered.
    assert!(html.select(&sel("#card[hidden]")).next().is_some());
}

#[test]
fn index_links_every_document_and_sums_the_corpus() {
    let out = corpus_output();
    let docs = documents(out);
    let html = dom(&out.join("report/index.html"));
    let links: BTreeSet<String> = html
        .select(&sel("#documents tbody tr td:first-child a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links.len(), docs.len());
    for l in &links {
        assert!(out.join("report").join(l).is_file(), "{l}");
    }
    let totals = text_of(html.select(&sel(".totals")).next().unwrap());
    let figures: usize = docs.iter().map(|d| d.claims.len()).sum();
    assert!(totals.contains(&format!("{} documents", docs.len())), "{totals}");
    assert!(totals.contains(&format!("{figures} figures")), "{totals}");
}

#[test]
fn indicators_page_charts_every_series_over_several_periods_with_points_linking_to_statements() {
    let out = corpus_output();
    let json = pressmine(&["series", out.to_str().unwrap(), "--format", "json"]).stdout;
    let series: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    let many: Vec<&serde_json::Value> = series.iter().filter(|s| s["points"].as_array().unwrap().len() > 1).collect();
    assert!(!many.is_empty());
    let html = dom(&out.join("report/indicators.html"));
    let sections: Vec<_> = html.select(&sel("section.series")).collect();
    assert_eq!(sections.len(), series.len());
    let charts: Vec<_> = html.select(&sel("section.series svg.chart")).collect();
    assert_eq!(charts.len(), many.len());
    for (chart, s) in charts.iter().zip(&many) {
        let points = s["points"].as_array().unwrap();
        let dots: Vec<_> = chart.select(&sel("a > .pt")).collect();
        assert_eq!(dots.len(), points.len(), "{}", s["indicator"]);
        let revised = points.iter().filter(|p| p["revision"] == true).count();
        assert_eq!(chart.select(&sel(".pt.revision")).count(), revised, "{}", s["indicator"]);
        for a in chart.select(&sel("a")) {
            let href = a.value().attr("href").unwrap();
            let (file, anchor) = href.split_once('#').expect("an anchor");
            let page = std::fs::read_to_string(out.join("report").join(file)).unwrap();
            assert!(page.contains(&format!("id=\"{anchor}\"")), "{href}");
        }
    }
    // Revisions over the corpus are marked.
    assert!(html.select(&sel(".pt.revision")).count() > 0);
}

#[test]
fn markup_in_a_document_is_shown_as_text_and_never_run() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("x.txt"),
        "测试<script>alert(1)</script>发布\n\n2024年，全省地区生产总值增长5.2%。页面里写着<script>alert(1)</script>这样的文字，还有<img src=x onerror=alert(2)>标记。\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    pressmine(&["-q", "run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    pressmine(&["-q", "report", out.to_str().unwrap(), "-o", tmp.path().join("site").to_str().unwrap()]);
    let doc = documents(&out).remove(0);
    assert!(doc.text.contains("<script>alert(1)</script>"), "{}", doc.text);
    let page = std::fs::read_dir(tmp.path().join("site/docs")).unwrap().next().unwrap().unwrap().path();
    let html = dom(&page);
    let body = text_of(html.select(&sel("article")).next().unwrap());
    assert!(body.contains("页面里写着<script>alert(1)</script>这样的文字"), "{body}");
    assert!(body.contains("<img src=x onerror=alert(2)>"), "{body}");
    let scripts: Vec<_> = html.select(&sel("script")).collect();
    assert_eq!(scripts.len(), 1);
    assert_eq!(scripts[0].value().attr("src"), Some("../assets/report.js"));
    assert_eq!(html.select(&sel("img")).count(), 0);
    assert_eq!(html.select(&sel("mark.claim")).map(text_of).collect::<Vec<_>>(), ["5.2%"]);
}

#[test]
fn nothing_is_loaded_from_the_network() {
    let out = corpus_output();
    let sources: BTreeSet<String> = documents(out).into_iter().filter_map(|d| d.source.url).collect();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(out.join("report")).into_iter().map(Result::unwrap) {
        let path = entry.path();
        let name = path.to_string_lossy();
        if name.ends_with(".css") || name.ends_with(".js") {
            let text = std::fs::read_to_string(path).unwrap();
            for bad in ["http:", "https:", "url(", "@import", "fetch(", "XMLHttpRequest"] {
                assert!(!text.contains(bad), "{name} has {bad}");
            }
        }
        if !name.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = Html::parse_document(&std::fs::read_to_string(path).unwrap());
        for (s, attr) in [("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("object", "data")] {
            for e in html.select(&sel(s)) {
                let v = e.value().attr(attr).unwrap_or("");
                assert!(!v.contains("//") && !v.contains(':'), "{name}: <{s} {attr}={v}>");
            }
        }
        for a in html.select(&sel("[href], [src]")) {
            let v = a.value().attr("href").or(a.value().attr("src")).unwrap();
            if v.starts_with("http:") || v.starts_with("https:") || v.starts_with("//") {
                assert!(a.value().name() == "a" && sources.contains(v), "{name}: {v}");
            }
        }
    }
    assert!(pages > 60);
    // Chromium loads a page with no network: the stylesheet applied from disk.
    let html = dom(&out.join("report/initiatives.html"));
    assert!(html.select(&sel("#initiatives tbody tr")).count() > 10);
}

#[test]
fn the_site_is_the_same_for_any_thread_count() {
    let out = corpus_output();
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    pressmine(&["-q", "--threads", "1", "report", out.to_str().unwrap(), "-o", a.to_str().unwrap()]);
    pressmine(&["-q", "--threads", "2", "report", out.to_str().unwrap(), "-o", b.to_str().unwrap()]);
    let files = |d: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        let mut v: Vec<_> = walkdir::WalkDir::new(d)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| (e.path().strip_prefix(d).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
            .collect();
        v.sort();
        v
    };
    let (fa, fb) = (files(&a), files(&b));
    assert!(fa.len() > 60);
    assert!(fa == fb, "the sites differ");
}

#[test]
fn a_missing_output_is_named_with_what_to_give() {
    let o = Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .env("PRESSMINE_PATTERNS", root().join("patterns"))
        .args(["report", "/nonexistent/out"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("/nonexistent/out/documents.jsonl") && err.contains("pressmine run"), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
}
