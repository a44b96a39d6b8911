//! One document's page: title, date, publisher and source link; the body with every
//! sentence (`span.s`, id `s<start>`), figure (`mark.claim`, id `c<start>`, its fields as
//! `data-*` attributes for the card the script shows) and initiative mention
//! (`span.initiative`) marked; beside it the figures in text order, the initiatives and the
//! warnings. Reads one document; decides nothing about it.

use super::html::{enum_text, esc, foot, head, push_escaped, source_link};
use super::markup::{render, Wrap};
use crate::model::{Document, KeyedClaim};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The page of one document (it lives in `docs/`).
pub fn page(doc: &Document) -> String {
    let title = doc.title.clone().unwrap_or_else(|| doc.id.clone());
    let mut out = head(&title, "../", "doc");
    let _ = write!(
        out,
        "<header><h1>{}</h1>\n<p class=\"meta\"><span class=\"date\">{}</span> <span class=\"publisher\">{}</span> {}<br><span class=\"id\">{}</span></p></header>\n",
        esc(&title),
        esc(doc.published.as_deref().unwrap_or("no date")),
        esc(doc.publisher.as_deref().unwrap_or("")),
        source_link(doc.source.url.as_deref()),
        esc(&doc.id),
    );
    out.push_str("<div class=\"layout\">\n<article class=\"text\">");
    out.push_str(&render(&doc.text, &wraps(doc)));
    out.push_str("</article>\n<aside>\n");
    figures(&mut out, doc);
    initiatives(&mut out, doc);
    warnings(&mut out, doc);
    out.push_str("</aside>\n</div>\n<div id=\"card\" hidden></div>\n");
    foot(&mut out, "../");
    out
}

/// The claims in text order.
fn in_order(doc: &Document) -> Vec<&KeyedClaim> {
    let mut claims: Vec<&KeyedClaim> = doc.claims.iter().collect();
    claims.sort_by_key(|c| (c.span[0], c.span[1]));
    claims
}

/// `5–5.25` for a range, else the value.
fn range_or_value(c: &KeyedClaim) -> String {
    match c.range {
        Some([low, high]) => format!("{}–{}", low.normalize(), high.normalize()),
        None => c.value.normalize().to_string(),
    }
}

fn value_text(c: &KeyedClaim) -> String {
    let v = c.value.normalize().to_string();
    match c.unit.as_deref() {
        Some(u) => format!("{v} {u}"),
        None => v,
    }
}

fn wraps(doc: &Document) -> Vec<Wrap> {
    let mut out = Vec::new();
    let mut ids = BTreeSet::new();
    for s in &doc.sentences {
        out.push(Wrap {
            span: *s,
            rank: 0,
            open: format!("<span class=\"s\" id=\"s{}\">", s[0]),
            open_more: "<span class=\"s\">".into(),
            close: "</span>",
        });
    }
    // A range is highlighted once, by its lower end, with both ends as its value.
    for c in in_order(doc).into_iter().filter(|c| !c.is_upper_end()) {
        let mut attrs = String::new();
        let opt = |v: Option<&str>| v.unwrap_or("").to_string();
        let fields = [
            ("kind", enum_text(&c.kind)),
            ("value", range_or_value(c)),
            ("unit", opt(c.unit.as_deref())),
            ("surface", opt(c.surface_unit.as_deref())),
            ("metric", opt(c.metric.as_deref())),
            ("indicator", opt(c.keys.indicator.as_deref())),
            ("scope", opt(c.scope.as_deref())),
            ("place", opt(c.keys.place.as_deref())),
            ("period", opt(c.period.as_deref())),
            ("basis", c.change.as_ref().and_then(|ch| ch.basis).map(|b| enum_text(&b)).unwrap_or_default()),
            ("qualifier", c.qualifier.map(|q| enum_text(&q)).unwrap_or_default()),
            ("modality", enum_text(&c.modality)),
            ("rule", c.rule.clone()),
        ];
        for (name, value) in fields {
            let _ = write!(attrs, " data-{name}=\"");
            push_escaped(&mut attrs, &value);
            attrs.push('"');
        }
        let id = if ids.insert(c.span[0]) { format!(" id=\"c{}\"", c.span[0]) } else { String::new() };
        out.push(Wrap {
            span: c.span,
            rank: 1,
            open: format!("<mark class=\"claim\"{id} tabindex=\"0\"{attrs}>"),
            open_more: format!("<mark class=\"claim\"{attrs}>"),
            close: "</mark>",
        });
    }
    for i in &doc.initiatives {
        let open =
            format!("<span class=\"initiative\" data-kind=\"{}\" data-name=\"{}\">", enum_text(&i.kind), esc(&i.name));
        for m in &i.mentions {
            out.push(Wrap { span: *m, rank: 2, open: open.clone(), open_more: open.clone(), close: "</span>" });
        }
    }
    out
}

fn figures(out: &mut String, doc: &Document) {
    let _ = write!(
        out,
        "<h2>Figures ({})</h2>\n<table class=\"figures\">\n<thead><tr><th>figure</th><th>value</th><th>kind</th><th>metric</th><th>scope</th><th>period</th></tr></thead>\n<tbody>\n",
        doc.claims.len()
    );
    for c in in_order(doc) {
        let _ = writeln!(
            out,
            "<tr class=\"k-{kind}\"><td><a href=\"#c{start}\">{text}</a></td><td>{value}</td><td>{kind}</td><td>{metric}</td><td>{scope}</td><td>{period}</td></tr>",
            kind = enum_text(&c.kind),
            start = c.span[0],
            text = esc(&c.text),
            value = esc(&value_text(c)),
            metric = esc(c.metric.as_deref().unwrap_or("")),
            scope = esc(c.scope.as_deref().unwrap_or("")),
            period = esc(c.period.as_deref().unwrap_or("")),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn initiatives(out: &mut String, doc: &Document) {
    let _ = writeln!(out, "<h2>Initiatives ({})</h2>\n<ul class=\"initiatives\">", doc.initiatives.len());
    for i in &doc.initiatives {
        let _ = writeln!(
            out,
            "<li><span class=\"initiative\" data-kind=\"{kind}\">{name}</span> <span class=\"kind\">{kind}</span> {full} · {n} mentions</li>",
            kind = enum_text(&i.kind),
            name = esc(&i.name),
            full = if i.full_name == i.name { String::new() } else { esc(&i.full_name) },
            n = i.mentions.len(),
        );
    }
    out.push_str("</ul>\n");
}

fn warnings(out: &mut String, doc: &Document) {
    let _ = writeln!(out, "<h2>Warnings ({})</h2>\n<ul class=\"warnings\">", doc.warnings.len());
    for w in &doc.warnings {
        let _ = writeln!(out, "<li><code>{}</code> {}</li>", enum_text(&w.code), esc(&w.detail));
    }
    out.push_str("</ul>\n");
}
