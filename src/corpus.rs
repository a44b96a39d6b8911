//! Views across a whole output directory: reads `documents.jsonl` back (streaming, one
//! document at a time) and aggregates, e.g. every initiative with the documents that
//! mention it and when it first and last appeared. Reads output only; never re-extracts.

use crate::model::{Document, InitiativeKind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::path::Path;

/// Streams the documents of an output directory (or a `.jsonl` file).
///
/// # Errors
/// The file cannot be opened, or a folder holds no `documents.jsonl` (the message says how to
/// make one); each line may fail to parse on its own.
pub fn read_documents(path: &Path) -> std::io::Result<impl Iterator<Item = std::io::Result<Document>>> {
    let file = if path.is_dir() {
        let file = path.join("documents.jsonl");
        if !file.exists() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!(
                    "not a pressmine output (no documents.jsonl in it); if it holds pages, make one with \
                     `pressmine run {} -o OUT` and give OUT",
                    path.display()
                ),
            ));
        }
        file
    } else {
        path.to_path_buf()
    };
    Ok(parse_documents(std::io::BufReader::new(std::fs::File::open(&file)?)))
}

/// Reads `documents.jsonl` lines from any reader (a file, or bytes in memory): one document
/// per non-blank line. What [`read_documents`] uses on the file.
///
/// Each item fails on its own: a line that is not UTF-8 or not a document is an `Err`.
pub fn parse_documents<R: BufRead>(reader: R) -> impl Iterator<Item = std::io::Result<Document>> {
    reader.lines().filter(|l| l.as_ref().map(|l| !l.trim().is_empty()).unwrap_or(true)).map(|line| {
        let line = line?;
        serde_json::from_str::<Document>(&line).map_err(std::io::Error::other)
    })
}

/// One initiative across a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InitiativeRow {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: InitiativeKind,
    /// Every other name it went by.
    pub aliases: Vec<String>,
    /// Number of documents mentioning it.
    pub documents: usize,
    /// Number of mentions in all.
    pub mentions: usize,
    /// Earliest `published` of those documents.
    pub first_published: Option<String>,
    /// Latest `published`.
    pub last_published: Option<String>,
    /// Document ids, sorted.
    pub ids: Vec<String>,
}

/// Aggregates initiatives by (name, kind), sorted by document count, then name.
pub fn initiatives(docs: impl IntoIterator<Item = Document>) -> Vec<InitiativeRow> {
    #[derive(Default)]
    struct Acc {
        aliases: BTreeSet<String>,
        ids: BTreeSet<String>,
        mentions: usize,
        dates: BTreeSet<String>,
    }
    let mut map: BTreeMap<(String, InitiativeKind), Acc> = BTreeMap::new();
    for d in docs {
        for i in &d.initiatives {
            let acc = map.entry((i.name.clone(), i.kind)).or_default();
            acc.ids.insert(d.id.clone());
            acc.mentions += i.mentions.len();
            if i.full_name != i.name {
                acc.aliases.insert(i.full_name.clone());
            }
            acc.aliases.extend(i.aliases.iter().cloned());
            if let Some(p) = &d.published {
                acc.dates.insert(p.clone());
            }
        }
    }
    let mut rows: Vec<InitiativeRow> = map
        .into_iter()
        .map(|((name, kind), a)| InitiativeRow {
            name,
            kind,
            aliases: a.aliases.into_iter().collect(),
            documents: a.ids.len(),
            mentions: a.mentions,
            first_published: a.dates.first().cloned(),
            last_published: a.dates.last().cloned(),
            ids: a.ids.into_iter().collect(),
        })
        .collect();
    rows.sort_by(|a, b| b.documents.cmp(&a.documents).then_with(|| a.name.cmp(&b.name)).then(a.kind.cmp(&b.kind)));
    rows
}

fn kind_text(k: InitiativeKind) -> String {
    crate::sink::json_line(&k).trim_matches('"').to_string()
}

/// A plain-text table.
pub fn initiatives_table(rows: &[InitiativeRow]) -> String {
    let mut out = String::from("docs  mentions  kind       first       last        name  [aliases]\n");
    for r in rows {
        let aliases = if r.aliases.is_empty() { String::new() } else { format!("  [{}]", r.aliases.join("; ")) };
        out.push_str(&format!(
            "{:>4}  {:>8}  {:<9}  {:<10}  {:<10}  {}{}\n",
            r.documents,
            r.mentions,
            kind_text(r.kind),
            r.first_published.as_deref().map(|d| d.get(..10).unwrap_or(d)).unwrap_or("-"),
            r.last_published.as_deref().map(|d| d.get(..10).unwrap_or(d)).unwrap_or("-"),
            r.name,
            aliases
        ));
    }
    out
}

/// CSV with a header (UTF-8 with BOM); list fields joined by `|`.
pub fn initiatives_csv(rows: &[InitiativeRow]) -> String {
    use crate::sink::csv_field;
    let mut out = String::from("\u{feff}name,kind,aliases,documents,mentions,first_published,last_published,ids\n");
    for r in rows {
        let fields = [
            csv_field(&r.name),
            kind_text(r.kind),
            csv_field(&r.aliases.join("|")),
            r.documents.to_string(),
            r.mentions.to_string(),
            r.first_published.clone().unwrap_or_default(),
            r.last_published.clone().unwrap_or_default(),
            csv_field(&r.ids.join("|")),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}
