//! Quality evaluation of cleaning on annotated pages: body precision/recall/F1 over the
//! multiset of Han, digit and Latin characters, and title/date correctness against
//! reference annotations. Used by the `eval` subcommand and the quality tests; it judges
//! output, it never changes it.

use crate::model::Document;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Share of our characters that are in the truth.
    pub precision: f64,
    /// Share of truth characters we produced.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
}

fn content_key(c: char) -> Option<char> {
    let c = match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0)?,
        _ => c,
    };
    crate::clean::is_content_char(c).then(|| c.to_ascii_lowercase())
}

/// Character-multiset P/R/F1 of `ours` against `truth` (Han, digits, Latin letters).
pub fn char_prf(ours: &str, truth: &str) -> Prf {
    let mut bag: HashMap<char, i64> = HashMap::new();
    let mut n_truth = 0i64;
    for c in truth.chars().filter_map(content_key) {
        *bag.entry(c).or_default() += 1;
        n_truth += 1;
    }
    let mut n_ours = 0i64;
    let mut hit = 0i64;
    for c in ours.chars().filter_map(content_key) {
        n_ours += 1;
        if let Some(k) = bag.get_mut(&c) {
            if *k > 0 {
                *k -= 1;
                hit += 1;
            }
        }
    }
    let p = if n_ours == 0 { 0.0 } else { hit as f64 / n_ours as f64 };
    let r = if n_truth == 0 { 0.0 } else { hit as f64 / n_truth as f64 };
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    Prf { precision: p, recall: r, f1 }
}

/// The score of one page.
#[derive(Debug, Clone)]
pub struct PageScore {
    /// File name.
    pub file: String,
    /// Body scores, when the page has a truth body of 50+ characters.
    pub body: Option<Prf>,
    /// Title right (`None`: no reference title).
    pub title_ok: Option<bool>,
    /// Date right (`None`: no reference date).
    pub date_ok: Option<bool>,
    /// Our title.
    pub title: Option<String>,
    /// Our date.
    pub published: Option<String>,
}

#[derive(Deserialize)]
struct Annotations {
    pages: Vec<Annotation>,
}

#[derive(Deserialize)]
struct Annotation {
    file: String,
    headline: Option<String>,
    dates: Vec<String>,
}

#[derive(Deserialize)]
struct Truth {
    body: Option<serde_json::Value>,
}

/// Reference data for a set of pages: `REFERENCE_ANNOTATIONS.json` and `<stem>.truth.json`
/// files in `truth_dir`.
pub struct Reference {
    annotations: Vec<Annotation>,
    bodies: HashMap<String, String>,
}

impl Reference {
    /// Loads the reference files.
    ///
    /// # Errors
    /// Missing or malformed annotation file; a truth file that exists but cannot be read or
    /// parsed (a page without one has no truth body).
    pub fn load(truth_dir: &Path) -> std::io::Result<Self> {
        let bytes = std::fs::read(truth_dir.join("REFERENCE_ANNOTATIONS.json"))?;
        let ann: Annotations = serde_json::from_slice(&bytes).map_err(std::io::Error::other)?;
        let mut bodies = HashMap::new();
        for a in &ann.pages {
            let stem = a.file.trim_end_matches(".html");
            let path = truth_dir.join(format!("{stem}.truth.json"));
            let b = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))),
            };
            let t: Truth =
                serde_json::from_slice(&b).map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))?;
            if let Some(serde_json::Value::String(body)) = t.body {
                if body.chars().count() >= 50 {
                    bodies.insert(a.file.clone(), body);
                }
            }
        }
        Ok(Self { annotations: ann.pages, bodies })
    }

    /// File names annotated.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.annotations.iter().map(|a| a.file.as_str())
    }

    /// Scores one document produced from `file`.
    pub fn score(&self, file: &str, doc: &Document) -> PageScore {
        let ann = self.annotations.iter().find(|a| a.file == file);
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let title_ok =
            ann.and_then(|a| a.headline.as_ref()).map(|h| doc.title.as_deref().map(squash) == Some(squash(h)));
        let date_ok = ann
            .filter(|a| !a.dates.is_empty())
            .map(|a| doc.published.as_deref().is_some_and(|p| a.dates.iter().any(|d| p.starts_with(d.as_str()))));
        PageScore {
            file: file.to_string(),
            body: self.bodies.get(file).map(|t| char_prf(&doc.text, t)),
            title_ok,
            date_ok,
            title: doc.title.clone(),
            published: doc.published.clone(),
        }
    }
}

/// Aggregates: (mean body F1, pages with a body, title accuracy, date accuracy).
pub fn summarize(scores: &[PageScore]) -> (f64, usize, f64, f64) {
    let bodies: Vec<f64> = scores.iter().filter_map(|s| s.body.map(|b| b.f1)).collect();
    let mean = if bodies.is_empty() { 0.0 } else { bodies.iter().sum::<f64>() / bodies.len() as f64 };
    let share = |v: Vec<bool>| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().filter(|b| **b).count() as f64 / v.len() as f64
        }
    };
    let titles = share(scores.iter().filter_map(|s| s.title_ok).collect());
    let dates = share(scores.iter().filter_map(|s| s.date_ok).collect());
    (mean, bodies.len(), titles, dates)
}

/// A per-page table with a summary line.
pub fn render(scores: &[PageScore]) -> String {
    let mut out = String::from("page                              body-P  body-R  body-F1  title  date  published\n");
    let mark = |b: Option<bool>| match b {
        Some(true) => "ok",
        Some(false) => "MISS",
        None => "-",
    };
    for s in scores {
        let (p, r, f) = s
            .body
            .map(|b| (format!("{:.3}", b.precision), format!("{:.3}", b.recall), format!("{:.3}", b.f1)))
            .unwrap_or(("-".into(), "-".into(), "-".into()));
        out.push_str(&format!(
            "{:<34}{:>6}  {:>6}  {:>7}  {:>5}  {:>4}  {}\n",
            s.file,
            p,
            r,
            f,
            mark(s.title_ok),
            mark(s.date_ok),
            s.published.as_deref().unwrap_or("-")
        ));
    }
    let (mean, n, t, d) = summarize(scores);
    out.push_str(&format!("mean body F1 {mean:.4} over {n} pages; title {:.1}%; date {:.1}%\n", t * 100.0, d * 100.0));
    out
}

/// Processes every annotated page found in `pages` and scores it.
pub fn evaluate(pipeline: &crate::pipeline::Pipeline, pages: &Path, reference: &Reference) -> Vec<PageScore> {
    use rayon::prelude::*;
    let files: Vec<&str> = reference.files().collect();
    files
        .par_iter()
        .filter_map(|f| {
            let bytes = std::fs::read(pages.join(f)).ok()?;
            let doc = pipeline.process(&crate::source::RawDoc::from_bytes(*f, bytes));
            Some(reference.score(f, &doc))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_counts_multiset() {
        let s = char_prf("江苏江苏abc", "江苏abc，");
        assert!((s.recall - 1.0).abs() < 1e-9);
        assert!((s.precision - 5.0 / 7.0).abs() < 1e-9);
        assert_eq!(char_prf("", "x").f1, 0.0);
    }
}
