//! `indicators.html`: every series of [`crate::diff::series`] with its key, an inline SVG
//! line chart drawn here (no charting library) when it has two points or more, and its
//! points; the series over several periods first, then those stated for one period. Each point links to the statement of its value on the document's page
//! (`docs/<page>#c<start>`); a revised point (documents disagreeing) is drawn as a ring, a
//! conflicting one (one document stating several values) as a square, and each other
//! value stated for a period as a hollow dot linking to its first statement. Values become
//! floating point only here, for pixel positions.

use super::html::{enum_text, esc, foot, head, href_name};
use super::Entry;
use crate::diff::{Item, Point, Series};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt::Write;

const W: f64 = 560.0;
const H: f64 = 150.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 26.0;

/// `indicators.html`.
pub fn page(series: &[Series], pages: &BTreeMap<&str, &Entry>) -> String {
    let mut out = head("Indicators · pressmine report", "", "indicators");
    let _ = write!(
        out,
        "<h1>Indicators ({} series)</h1>\n<p class=\"legend\"><svg width=\"300\" height=\"16\" aria-hidden=\"true\">\
         <circle class=\"pt\" cx=\"8\" cy=\"8\" r=\"4\"/><text x=\"16\" y=\"12\">value</text>\
         <circle class=\"pt revision\" cx=\"72\" cy=\"8\" r=\"5\"/><text x=\"80\" y=\"12\">revised</text>\
         <rect class=\"pt conflict\" x=\"144\" y=\"3\" width=\"10\" height=\"10\"/><text x=\"160\" y=\"12\">conflict</text>\
         <circle class=\"alt\" cx=\"222\" cy=\"8\" r=\"4\"/><text x=\"230\" y=\"12\">other value</text></svg></p>\n\
         <p><input type=\"search\" placeholder=\"Filter series\" data-filter=\"section.series\"></p>\n",
        series.len()
    );
    type Numbered<'a> = Vec<(usize, &'a Series)>;
    let (many, single): (Numbered, Numbered) = series.iter().enumerate().partition(|(_, s)| s.points.len() > 1);
    let _ = writeln!(out, "<h2>Series over several periods ({})</h2>", many.len());
    for (n, s) in many {
        section(&mut out, n, s, pages);
    }
    let _ = writeln!(out, "<h2>Indicators stated for one period ({})</h2>", single.len());
    for (n, s) in single {
        section(&mut out, n, s, pages);
    }
    foot(&mut out, "");
    out
}

/// Where a statement is: its document page and the figure's anchor, and a label.
fn link(item: &Item, pages: &BTreeMap<&str, &Entry>) -> (String, String) {
    let (href, title) = match pages.get(item.doc.as_str()) {
        Some(e) => (
            format!("docs/{}#c{}", href_name(&e.page), item.span[0]),
            e.doc.title.clone().unwrap_or_else(|| item.doc.clone()),
        ),
        None => (String::new(), item.doc.clone()),
    };
    (href, format!("{} ({})", title, item.published.as_deref().unwrap_or("no date")))
}

fn with_unit(v: Decimal, unit: Option<&str>) -> String {
    match unit {
        Some(u) => format!("{} {u}", v.normalize()),
        None => v.normalize().to_string(),
    }
}

/// The first statement of each value of a point, the point's own value first.
fn values(p: &Point) -> Vec<(Decimal, &Item)> {
    let latest = p.sources.last().map(|s| s.doc.as_str());
    let current = p.sources.iter().find(|s| Some(s.doc.as_str()) == latest);
    let mut by_value: BTreeMap<Decimal, &Item> = BTreeMap::new();
    for s in &p.sources {
        by_value.entry(s.value.normalize()).or_insert(s);
    }
    let mut out: Vec<(Decimal, &Item)> = current.map(|c| (p.value.normalize(), c)).into_iter().collect();
    out.extend(by_value.into_iter().filter(|(v, _)| *v != p.value.normalize()));
    out
}

fn section(out: &mut String, n: usize, s: &Series, pages: &BTreeMap<&str, &Entry>) {
    let place = match (&s.place, &s.place_code) {
        (Some(p), Some(c)) => format!("{p} ({c})"),
        (Some(p), None) => p.clone(),
        _ => "-".into(),
    };
    let basis = s.basis.map(|b| format!(" · {}", enum_text(&b))).unwrap_or_default();
    let _ = write!(
        out,
        "<section class=\"series\" id=\"series{n}\">\n<h3>{} <small>{} · {}{} · unit {}</small></h3>\n",
        esc(&s.indicator),
        esc(&place),
        enum_text(&s.kind),
        esc(&basis),
        esc(s.unit.as_deref().unwrap_or("-")),
    );
    if s.points.len() > 1 {
        chart(out, s, pages);
    }
    out.push_str("<table class=\"points\"><tbody>\n");
    for p in &s.points {
        let flags = match (p.revision, p.conflict) {
            (true, true) => {
                " <span class=\"flag revision\">revised</span> <span class=\"flag conflict\">conflict</span>"
            }
            (true, false) => " <span class=\"flag revision\">revised</span>",
            (false, true) => " <span class=\"flag conflict\">conflict</span>",
            _ => "",
        };
        let vals: Vec<String> = values(p)
            .into_iter()
            .map(|(v, item)| {
                let (href, label) = link(item, pages);
                format!("<a href=\"{}\" title=\"{}\">{}</a>", href, esc(&label), esc(&with_unit(v, s.unit.as_deref())))
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}{flags}</td><td class=\"n\">{} statements</td></tr>",
            esc(&p.period),
            vals.join(" / "),
            p.sources.len()
        );
    }
    out.push_str("</tbody></table>\n</section>\n");
}

/// A compact axis label: 万 and 亿 for large values, at most two decimals.
fn short(v: f64) -> String {
    let (x, suffix) = if v.abs() >= 1e8 {
        (v / 1e8, "亿")
    } else if v.abs() >= 1e4 {
        (v / 1e4, "万")
    } else {
        (v, "")
    };
    let t = format!("{x:.2}");
    let t = t.trim_end_matches('0').trim_end_matches('.');
    format!("{t}{suffix}")
}

fn chart(out: &mut String, s: &Series, pages: &BTreeMap<&str, &Entry>) {
    let per_point: Vec<Vec<(Decimal, &Item)>> = s.points.iter().map(values).collect();
    let all: Vec<f64> = per_point.iter().flatten().filter_map(|(v, _)| v.to_f64()).collect();
    let (mut lo, mut hi) = all.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < f64::EPSILON * hi.abs().max(1.0) {
        (lo, hi) = (lo - 1.0_f64.max(lo.abs() * 0.1), hi + 1.0_f64.max(hi.abs() * 0.1));
    }
    let (pw, ph) = (W - LEFT - RIGHT, H - TOP - BOTTOM);
    let step = pw / (s.points.len() - 1) as f64;
    let x = |i: usize| LEFT + step * i as f64;
    let y = |v: f64| TOP + ph * (1.0 - (v - lo) / (hi - lo));
    let _ = write!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"{}\">\n\
         <line class=\"axis\" x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{b:.1}\"/><line class=\"axis\" x1=\"{LEFT}\" y1=\"{b:.1}\" x2=\"{r:.1}\" y2=\"{b:.1}\"/>\n\
         <text class=\"y\" x=\"{lx:.1}\" y=\"{ty:.1}\">{}</text><text class=\"y\" x=\"{lx:.1}\" y=\"{by:.1}\">{}</text>\n",
        esc(&s.indicator),
        esc(&short(hi)),
        esc(&short(lo)),
        b = TOP + ph,
        r = W - RIGHT,
        lx = LEFT - 6.0,
        ty = TOP + 4.0,
        by = TOP + ph,
    );
    let line: Vec<String> = per_point
        .iter()
        .enumerate()
        .filter_map(|(i, vs)| vs.first().and_then(|(v, _)| v.to_f64()).map(|v| format!("{:.1},{:.1}", x(i), y(v))))
        .collect();
    let _ = writeln!(out, "<polyline class=\"line\" points=\"{}\"/>", line.join(" "));
    let last = s.points.len() - 1;
    for (i, p) in s.points.iter().enumerate() {
        let anchor = match i {
            0 => "start",
            _ if i == last => "end",
            _ => "middle",
        };
        if i == 0 || i == last || s.points.len() <= 6 {
            let _ = writeln!(
                out,
                "<text class=\"x\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
                x(i),
                H - 8.0,
                esc(&p.period)
            );
        }
        for (k, (v, item)) in per_point[i].iter().enumerate() {
            let Some(fv) = v.to_f64() else { continue };
            let (href, label) = link(item, pages);
            let tip = esc(&format!("{}: {} — {}", p.period, with_unit(*v, s.unit.as_deref()), label));
            let (cx, cy) = (x(i), y(fv));
            let shape = if k > 0 {
                format!("<circle class=\"alt\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"4\"><title>{tip}</title></circle>")
            } else if p.conflict {
                format!(
                    "<rect class=\"pt conflict{}\" x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\"><title>{tip}</title></rect>",
                    if p.revision { " revision" } else { "" },
                    cx - 5.0,
                    cy - 5.0
                )
            } else if p.revision {
                format!(
                    "<circle class=\"pt revision\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"5\"><title>{tip}</title></circle>"
                )
            } else {
                format!("<circle class=\"pt\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"4\"><title>{tip}</title></circle>")
            };
            let _ = writeln!(out, "<a href=\"{href}\">{shape}</a>");
        }
    }
    out.push_str("</svg>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_labels_are_short() {
        assert_eq!(short(3207470000000.0), "32074.7亿");
        assert_eq!(short(54321.0), "5.43万");
        assert_eq!(short(5.0), "5");
        assert_eq!(short(-0.25), "-0.25");
    }
}
