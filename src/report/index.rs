//! The corpus pages that are tables: `index.html` (corpus totals, then every document with
//! its date, publisher, source and counts, sortable and filterable by the script) and
//! `initiatives.html` (every initiative of [`crate::corpus::initiatives`] with the
//! documents that mention it). Formats what it is given; computes no aggregate itself
//! beyond sums of counts.

use super::html::{enum_text, esc, foot, head, href_name, source_link};
use super::Entry;
use crate::corpus::InitiativeRow;
use crate::diff::Series;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Most document links listed per initiative.
const MAX_LINKS: usize = 50;

/// `index.html`.
pub fn index_page(entries: &[Entry], series: &[Series], initiatives: usize) -> String {
    let mut out = head("pressmine report", "", "index");
    let sum = |i: usize| entries.iter().map(|e| e.counts[i]).sum::<usize>();
    let dates: Vec<&str> = entries.iter().filter_map(|e| e.doc.published.as_deref()).collect();
    let (first, last) = (dates.iter().min().copied().unwrap_or("-"), dates.iter().max().copied().unwrap_or("-"));
    let points = |f: fn(&crate::diff::Point) -> bool| series.iter().flat_map(|s| &s.points).filter(|p| f(p)).count();
    let _ = write!(
        out,
        "<h1>pressmine report</h1>\n<p class=\"totals\"><b>{}</b> documents ({} – {}) · <b>{}</b> figures · \
         <b>{}</b> initiatives · <b>{}</b> warnings · <b>{}</b> series with {} revised and {} conflicting points</p>\n",
        entries.len(),
        esc(first),
        esc(last),
        sum(0),
        initiatives,
        sum(2),
        series.len(),
        points(|p| p.revision),
        points(|p| p.conflict),
    );
    out.push_str(
        "<p><input type=\"search\" placeholder=\"Filter documents\" data-filter=\"#documents tbody tr\" autofocus></p>\n\
         <table id=\"documents\" class=\"sortable\">\n<thead><tr><th>title</th><th>date</th><th>publisher</th><th>source</th>\
         <th data-type=\"num\">figures</th><th data-type=\"num\">initiatives</th><th data-type=\"num\">warnings</th></tr></thead>\n<tbody>\n",
    );
    for e in entries {
        let d = &e.doc;
        let _ = writeln!(
            out,
            "<tr><td><a href=\"docs/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            href_name(&e.page),
            esc(d.title.as_deref().unwrap_or(&d.id)),
            esc(d.published.as_deref().unwrap_or("")),
            esc(d.publisher.as_deref().unwrap_or("")),
            source_link(d.source.url.as_deref()),
            e.counts[0],
            e.counts[1],
            e.counts[2],
        );
    }
    out.push_str("</tbody>\n</table>\n");
    foot(&mut out, "");
    out
}

/// `initiatives.html`.
pub fn initiatives_page(rows: &[InitiativeRow], pages: &BTreeMap<&str, &Entry>) -> String {
    let mut out = head("Initiatives · pressmine report", "", "initiatives");
    let _ = write!(
        out,
        "<h1>Initiatives ({})</h1>\n<p><input type=\"search\" placeholder=\"Filter initiatives\" data-filter=\"#initiatives tbody tr\"></p>\n\
         <table id=\"initiatives\" class=\"sortable\">\n<thead><tr><th>name</th><th>kind</th><th data-type=\"num\">documents</th>\
         <th data-type=\"num\">mentions</th><th>first</th><th>last</th><th>in</th></tr></thead>\n<tbody>\n",
        rows.len()
    );
    for r in rows {
        let mut links: Vec<String> = r
            .ids
            .iter()
            .take(MAX_LINKS)
            .map(|id| match pages.get(id.as_str()) {
                Some(e) => {
                    format!("<a href=\"docs/{}\">{}</a>", href_name(&e.page), esc(e.doc.title.as_deref().unwrap_or(id)))
                }
                None => esc(id),
            })
            .collect();
        if r.ids.len() > MAX_LINKS {
            links.push(format!("… {} more", r.ids.len() - MAX_LINKS));
        }
        let aliases = if r.aliases.is_empty() {
            String::new()
        } else {
            format!("<br><small>{}</small>", esc(&r.aliases.join("; ")))
        };
        let _ = writeln!(
            out,
            "<tr><td><span class=\"initiative\" data-kind=\"{kind}\">{name}</span>{aliases}</td><td>{kind}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"docs\">{}</td></tr>",
            r.documents,
            r.mentions,
            esc(r.first_published.as_deref().unwrap_or("")),
            esc(r.last_published.as_deref().unwrap_or("")),
            links.join(" · "),
            kind = enum_text(&r.kind),
            name = esc(&r.name),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    foot(&mut out, "");
    out
}
