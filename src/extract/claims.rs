//! The claim recognizer: finds number literals in the body text, attaches unit, kind,
//! hedge, change and baseline, rank, metric, scope, period and modality, and drops
//! non-claims (dates, document numbers, phone numbers, ordinals, numbers in names).
//!
//! Works on a folded copy of the text (full-width digits → ASCII, one char for one char),
//! so every span is a character span into the original text. It reads the segmentation
//! for metrics and places; it never looks at markup.

use super::numbers::{self, Literal, LiteralError};
use super::rules::{BaseClass, ClaimRules, Unit};
use super::Folded;
use crate::model::{Basis, Change, Claim, ClaimKind, Modality, Qualifier, Span, Warning, WarningCode};
use crate::segment::Word;
use rust_decimal::Decimal;

/// Per-document context the recognizer needs.
pub struct Context<'a> {
    /// The body text.
    pub text: &'a str,
    /// Words with POS tags.
    pub words: &'a [Word],
    /// Sentence spans.
    pub sentences: &'a [Span],
    /// Publication date (ISO), for relative periods.
    pub published: Option<&'a str>,
    /// Title, for the document's own region.
    pub title: Option<&'a str>,
}

/// A resolved period mention.
#[derive(Debug, Clone)]
struct PeriodMention {
    start: usize,
    end: usize,
    iso: String,
    /// The reading one year earlier, for a period written without its year (全年, 1-11月)
    /// that had not ended when the release came out: a figure stated as fact is of the
    /// previous year (a bulletin of March 2025 reporting 全年 means 2024); a target keeps `iso`.
    prior: Option<String>,
    /// Opens its paragraph as a target year (到2026年，… or 主要目标：到2026年，…): the
    /// paragraph's later sentences are targets of that year too.
    target_lead: bool,
}

/// Extracts claims from one document.
pub fn extract(
    rules: &ClaimRules,
    cx: &Context<'_>,
    prepared: &super::Prepared,
    warnings: &mut Vec<Warning>,
) -> Vec<Claim> {
    let f = &prepared.folded;
    let s = &f.chars;
    let excluded = &prepared.excluded;
    let periods = find_periods(rules, f, cx.published);
    let region = DocRegion::find(rules, cx, f);
    let mut claims: Vec<Claim> = Vec::new();
    let mut shares: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if let Some(fig) = word_figure_at(rules, s, i).filter(|w| !excluded[w.start..w.end].iter().any(|x| *x)) {
            let end = fig.end;
            if let Some((claim, share)) = recognize(rules, cx, f, fig, &periods, &region) {
                claims.push(claim);
                shares.push(share);
            }
            i = end;
            continue;
        }
        let boundary = i == 0 || !numbers::is_numeral_char(s[i - 1]);
        if !numbers::can_start(s, i) || !boundary {
            i += 1;
            continue;
        }
        match numbers::literal_at(s, i) {
            None => i += 1,
            Some(Err(LiteralError::Overflow(a, b))) => {
                if !excluded[a..b.min(s.len())].iter().any(|x| *x) {
                    warnings.push(Warning::new(
                        WarningCode::NumberSkipped,
                        format!(
                            "literal {:?} at {a} is too large or too precise to represent exactly",
                            f.slice(a, b.min(a + 40))
                        ),
                    ));
                }
                i = b.max(i + 1);
            }
            Some(Ok(lit)) => {
                let next = lit.end.max(i + 1);
                let fig = (!excluded[lit.start..lit.end].iter().any(|x| *x)).then(|| figure(rules, s, &lit)).flatten();
                if let Some((claim, share)) = fig.and_then(|fig| recognize(rules, cx, f, fig, &periods, &region)) {
                    i = claim.span[1].max(next);
                    claims.push(claim);
                    shares.push(share);
                } else {
                    i = next;
                }
            }
        }
    }
    fan_out_respectively(rules, cx, f, &mut claims);
    inherit_metrics(&mut claims, &mut shares);
    sub_items_of_previous(rules, s, &mut claims);
    inherit_bases(s, &mut claims);
    share_list_qualifiers(rules, s, &mut claims);
    table_claims(rules, cx, f, &mut claims);
    // A statistical release names its period in the headline (2024年上半年全省经济运行情况):
    // figures stated without one are of that period, unless they are targets.
    // Otherwise, a release whose stated figures all share one period (2024年全省粮食总产量…；
    // 其中，早稻产量…) reports the rest for it too.
    if let Some(period) = title_period(rules, cx).or_else(|| single_period(s, &claims)) {
        for c in claims.iter_mut().filter(|c| c.period.is_none() && c.modality == Modality::Actual) {
            c.period = Some(period.clone());
        }
    }
    // A release about one place (most of its scoped figures name it) reports its other
    // figures for that place too.
    let own = |p: &str| {
        let pc: Vec<char> = p.chars().collect();
        region.province.as_deref() == Some(p) || region.city.as_deref() == Some(p) || rules.scope_words.holds(&pc)
    };
    if let Some(place) = dominant_scope(&claims).filter(|p| own(p)) {
        for c in claims.iter_mut().filter(|c| c.scope.is_none() && c.kind != ClaimKind::Rank) {
            c.scope = Some(place.clone());
        }
    }
    claims
}

/// The scope of at least three figures and of more than half of those with a scope (used
/// only when it is the document's own region or a scope word: 全省, 全国, 我国).
fn dominant_scope(claims: &[Claim]) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for c in claims {
        if let Some(sc) = c.scope.as_deref() {
            *counts.entry(sc).or_default() += 1;
        }
    }
    let scoped: usize = counts.values().sum();
    let (place, n) = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
    (n >= 3 && n * 2 > scoped).then(|| place.to_string())
}

/// The one period every actual figure that has a period states, if there is exactly one and
/// the first paragraph (the lead of a release) states it.
fn single_period(s: &[char], claims: &[Claim]) -> Option<String> {
    let lead_end = s.iter().position(|&c| c == '\n').unwrap_or(s.len());
    let mut stated = claims.iter().filter(|c| c.modality == Modality::Actual && c.period.is_some());
    let first = stated.next()?;
    let period = first.period.as_deref()?;
    (first.span[0] < lead_end && stated.all(|c| c.period.as_deref() == Some(period))).then(|| period.to_string())
}

/// Adds the stretches whose words the recognizer reads: the sentences holding a figure
/// outside the non-claims (a number literal the unit layer reads, or a word figure: metrics,
/// baselines and places come from the words of the figure's sentence), and each 市 (the
/// document's own city is its most frequent place word ending in 市).
pub fn spans_read(rules: &ClaimRules, p: &super::Prepared, sentences: &[Span], out: &mut Vec<Span>) {
    let s = &p.folded.chars;
    let free = |a: usize, b: usize| !p.excluded[a..b.min(s.len())].iter().any(|x| *x);
    let figure_at = |i: usize| {
        word_figure_at(rules, s, i).is_some_and(|w| free(w.start, w.end))
            || ((i == 0 || !numbers::is_numeral_char(s[i - 1]))
                && numbers::can_start(s, i)
                && matches!(numbers::literal_at(s, i), Some(Ok(lit)) if free(lit.start, lit.end) && figure(rules, s, &lit).is_some()))
    };
    for &[a, b] in sentences {
        let b = b.min(s.len());
        if (a..b).any(figure_at) {
            out.push([a, b]);
        } else {
            out.extend((a..b).filter(|&i| s[i] == '市').map(|i| [i, i + 1]));
        }
    }
}

/// Figures in data tables (the cleaner writes each row as one line of tab-separated cells):
/// a row's first cell names the indicator, the header row names what each column holds. A
/// column is a change when its header says so (同比增长(%), 比上年增减); its unit is the
/// one in the header's brackets ((%), （亿元）) or the row's 单位 cell. Cells the running-text
/// reading already made a claim of are left to it.
fn table_claims(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, claims: &mut Vec<Claim>) {
    let s = &f.chars;
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut a = 0;
    for (i, c) in s.iter().enumerate().chain(std::iter::once((s.len(), &'\n'))) {
        if *c == '\n' {
            lines.push((a, i));
            a = i + 1;
        }
    }
    let cells_of = |(a, b): (usize, usize)| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = a;
        for k in (a..b).filter(|&k| s[k] == '\t') {
            out.push((start, k));
            start = k + 1;
        }
        out.push((start, b));
        out
    };
    let text_of = |(a, b): (usize, usize)| f.slice(a, b).trim().to_string();
    let number_cell = |t: &str| {
        let t = t.trim_end_matches('%');
        !t.is_empty() && t.parse::<Decimal>().is_ok()
    };
    let mut new = Vec::new();
    let mut header: Option<Vec<String>> = None;
    for &line in &lines {
        if !s[line.0..line.1].contains(&'\t') {
            header = None;
            continue;
        }
        let cells = cells_of(line);
        let texts: Vec<String> = cells.iter().map(|&c| text_of(c)).collect();
        if texts.iter().skip(1).all(|t| !number_cell(t)) {
            // A row of column names (two or more named cells); a row of dashes keeps the header.
            if texts.iter().filter(|t| t.chars().any(|c| crate::clean::is_han(c) || c == '%')).count() >= 2 {
                header = Some(texts);
            }
            continue;
        }
        let Some(head) = header.as_ref() else { continue };
        let metric = texts[0].clone();
        if metric.is_empty() || number_cell(&metric) {
            continue;
        }
        let unit_col = head.iter().position(|h| h.contains("单位"));
        for (j, &(ca, cb)) in cells.iter().enumerate().skip(1) {
            let t = &texts[j];
            if Some(j) == unit_col || !number_cell(t) || claims.iter().any(|c| c.span[0] < cb && ca < c.span[1]) {
                continue;
            }
            let h = head.get(j).map(String::as_str).unwrap_or("");
            let hc: Vec<char> = h.chars().collect();
            let change = rules.table_change_headers.any_in(&hc, 0, hc.len());
            let bracketed = h
                .find(['(', '（'])
                .map(|o| h[o..].trim_matches(|c| matches!(c, '(' | '（' | ')' | '）')).to_string())
                .filter(|u| !u.is_empty());
            let unit = bracketed
                .or_else(|| {
                    unit_col
                        .and_then(|u| texts.get(u))
                        .filter(|u| !u.is_empty() && !u.contains(['—', '-', '－']))
                        .cloned()
                })
                .or_else(|| change.then(|| "%".to_string()));
            let written = format!(
                "{}{}",
                t.trim_end_matches('%'),
                if t.ends_with('%') { "%" } else { unit.as_deref().unwrap_or("") }
            );
            let Some(q) =
                scan_quantities(rules, &written).into_iter().next().filter(|q| q.span == [0, written.chars().count()])
            else {
                continue;
            };
            let lead = (ca..cb).find(|&k| !s[k].is_whitespace()).unwrap_or(ca);
            let end = (lead..cb).rev().find(|&k| !s[k].is_whitespace()).map_or(cb, |k| k + 1);
            let basis = basis(rules, &hc, 0, hc.len(), hc.len()).basis.filter(|b| *b != Basis::VsReference);
            new.push(Claim {
                text: f.text(lead, end),
                span: [lead, end],
                sentence: sentence_of(cx.sentences, lead),
                value: q.value,
                unit: q.unit,
                surface_unit: unit.filter(|_| !t.ends_with('%')).or_else(|| t.ends_with('%').then(|| "%".to_string())),
                kind: if change { ClaimKind::Change } else { q.kind },
                change: change.then_some(Change { basis, reference: None }),
                qualifier: None,
                range: None,
                metric: Some(metric.clone()),
                scope: None,
                period: None,
                modality: Modality::Actual,
                rule: "table.cell".into(),
            });
        }
    }
    if !new.is_empty() {
        claims.extend(new);
        claims.sort_by_key(|c| (c.span[0], c.span[1]));
    }
}

/// The period a headline names, if exactly one.
fn title_period(rules: &ClaimRules, cx: &Context<'_>) -> Option<String> {
    let title = Folded::new(cx.title?);
    let found = find_periods(rules, &title, cx.published);
    match found.as_slice() {
        [only] => Some(only.iso.clone()),
        _ => None,
    }
}

/// A number with its unit as read from running text, before any claim filtering.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Character span.
    pub span: Span,
    /// Normalized value (percent as written, money in whole units).
    pub value: Decimal,
    /// Unit code.
    pub unit: Option<String>,
    /// Kind the unit implies.
    pub kind: ClaimKind,
}

/// The quantity a figure reads as.
fn quantity(rules: &ClaimRules, f: Figure) -> Quantity {
    Quantity {
        span: [f.start, f.end],
        value: f.value.normalize(),
        unit: f.unit.map(|u| rules.units[u].code.clone()),
        kind: f.kind_override.or(f.unit.map(|u| rules.units[u].kind)).unwrap_or(ClaimKind::Index),
    }
}

/// A word that is a figure by itself (对折, 百分之百) at `i`.
fn word_figure_at(rules: &ClaimRules, s: &[char], i: usize) -> Option<Figure> {
    if !rules.word_figure_starts.contains(s.get(i)?) {
        return None;
    }
    let (len, (value, idx, after)) = rules.word_figures.at(s, i)?;
    if !after.is_empty() && after.ending_at(s, i).is_none() {
        return None;
    }
    if !may_follow(&rules.units[idx], s, i + len) {
        return None;
    }
    Some(Figure {
        start: i,
        end: i + len,
        value,
        unit: Some(idx),
        surface_unit: Some(s[i..i + len].iter().collect()),
        kind_override: None,
        range: None,
        rule: "word_figure".into(),
        over: false,
        approx: false,
    })
}

/// Reads every number with its unit (the number/unit layer without the claim filters):
/// numbers inside URLs (the `nonclaim.url` rule) are left out.
pub fn scan_quantities(rules: &ClaimRules, text: &str) -> Vec<Quantity> {
    let folded = Folded::new(text);
    let excluded = mask_of(rules, |r| r.id == "nonclaim.url", &folded);
    let s = folded.chars;
    let mut out = Vec::new();
    let mut words = (0..s.len()).filter_map(|i| word_figure_at(rules, &s, i)).peekable();
    for lit in numbers::find_literals(text) {
        while let Some(w) = words.next_if(|w| w.start < lit.start) {
            if !out.last().is_some_and(|q: &Quantity| q.span[1] > w.start) {
                out.push(quantity(rules, w));
            }
        }
        if out.last().is_some_and(|q: &Quantity| q.span[1] > lit.start)
            || excluded[lit.start..lit.end].iter().any(|x| *x)
        {
            continue;
        }
        let q = match figure(rules, &s, &lit) {
            Some(f) => quantity(rules, f),
            None => Quantity {
                span: [lit.start, lit.end],
                value: lit.value.normalize(),
                unit: None,
                kind: ClaimKind::Index,
            },
        };
        out.push(q);
    }
    for w in words {
        if !out.last().is_some_and(|q: &Quantity| q.span[1] > w.start) {
            out.push(quantity(rules, w));
        }
    }
    out
}

/// A currency named without an amount (人民币, 美元 in 以人民币和美元计价).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyName {
    /// Character span.
    pub span: Span,
    /// Currency code (CNY, USD …).
    pub code: String,
}

/// Currencies named in running text outside any amount: the money units' words of two or
/// more characters (a lone 元 is 元旦, 单元, 公元) that no quantity of [`scan_quantities`]
/// covers.
pub fn scan_currency_names(rules: &ClaimRules, text: &str) -> Vec<CurrencyName> {
    let quantities = scan_quantities(rules, text);
    let s: Vec<char> = numbers::fold(text);
    let mut covered = vec![false; s.len()];
    for q in &quantities {
        covered[q.span[0]..q.span[1].min(s.len())].iter_mut().for_each(|x| *x = true);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match rules.unit_words.at(&s, i) {
            Some((len, u))
                if len >= 2 && rules.units[u].kind == ClaimKind::Amount && !covered[i..i + len].iter().any(|x| *x) =>
            {
                out.push(CurrencyName { span: [i, i + len], code: rules.units[u].code.clone() });
                i += len;
            }
            _ => i += 1,
        }
    }
    out
}

/// The chars the non-claim rules cover.
pub fn exclusion_mask(rules: &ClaimRules, f: &Folded) -> Vec<bool> {
    mask_of(rules, |_| true, f)
}

/// The chars the non-claim rules `keep` selects match.
/// The chars of the non-claims that hide places from scopes (`[scope] hidden_in`); empty
/// when there are none.
fn scope_hidden_mask(rules: &ClaimRules, f: &Folded) -> Vec<bool> {
    if rules.scope_hidden_in.is_empty() {
        return Vec::new();
    }
    let ids: Vec<&str> = rules.scope_hidden_in.iter().map(|&k| rules.non_claims[k].id.as_str()).collect();
    mask_of(rules, |r| ids.contains(&r.id.as_str()), f)
}

fn mask_of(rules: &ClaimRules, keep: impl Fn(&crate::patterns::Rule) -> bool, f: &Folded) -> Vec<bool> {
    let mut mask = vec![false; f.chars.len()];
    let scan = rules.non_claim_scanner.scan(&f.string);
    for (k, r) in rules.non_claims.iter().enumerate().filter(|(_, r)| keep(r)) {
        for range in scan.ranges(k) {
            for m in r.regex.find_iter(&f.string[range.clone()]) {
                let (a, b) = (f.char_at_byte(range.start + m.start()), f.char_at_byte(range.start + m.end()));
                mask[a..b].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    mask
}

/// The document's own province and city, for 全省 / 全市, and the chars whose places are
/// no scope (see [`scope_hidden_mask`]).
struct DocRegion {
    province: Option<String>,
    city: Option<String>,
    hidden: Vec<bool>,
}

impl DocRegion {
    fn find(rules: &ClaimRules, cx: &Context<'_>, f: &Folded) -> Self {
        let title: Vec<char> = cx.title.unwrap_or("").chars().collect();
        let in_title = rules.province_words.count_in(&title);
        let in_text = rules.province_words.count_in(&f.chars);
        let count = |i: usize| in_title.get(&i).copied().unwrap_or(0) * 3 + in_text.get(&i).copied().unwrap_or(0);
        let province = (0..rules.provinces.len())
            .map(|i| (count(i), &rules.provinces[i]))
            .filter(|(n, _)| *n > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
            .map(|(_, p)| p.clone());
        let mut cities: std::collections::BTreeMap<String, usize> = Default::default();
        for w in cx.words.iter().filter(|w| w.tag == "ns") {
            let name = f.slice(w.start, w.end);
            if name.ends_with('市') && name.chars().count() >= 3 {
                *cities.entry(name).or_default() += 1;
            }
        }
        let city = cities.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(c, _)| c);
        Self { province, city, hidden: scope_hidden_mask(rules, f) }
    }
}

fn sentence_of(sentences: &[Span], pos: usize) -> Span {
    let k = sentences.partition_point(|s| s[1] <= pos);
    sentences.get(k).filter(|s| s[0] <= pos).copied().unwrap_or([pos, pos])
}

fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '。' | ':' | '！' | '？' | '!' | '?' | '\n' | '、' | '（' | '(' | '）' | ')')
}

/// Start of the clause holding `pos` (after the last clause break before it). A space
/// between two Han characters counts as a break: it is usually lost punctuation. A short
/// aside in brackets (制造业采购经理指数（PMI）为50.2%) belongs to the clause around it.
fn clause_start(s: &[char], floor: usize, pos: usize) -> usize {
    let lost_punct = |k: usize| {
        s[k] == ' ' && k > 0 && k + 1 < s.len() && !s[k - 1].is_ascii_alphanumeric() && crate::clean::is_han(s[k + 1])
    };
    let mut k = pos;
    while k > floor {
        k -= 1;
        if matches!(s[k], '）' | ')') {
            if let Some(open) = aside_open(s, floor, k) {
                k = open;
                continue;
            }
        }
        if is_clause_break(s[k]) || lost_punct(k) {
            return k + 1;
        }
    }
    floor
}

/// Longest bracketed aside kept inside a clause, in chars.
const ASIDE_MAX: usize = 16;

/// The opening bracket of a short aside closing at `close`: no clause punctuation inside.
fn aside_open(s: &[char], floor: usize, close: usize) -> Option<usize> {
    let lo = close.saturating_sub(ASIDE_MAX + 1).max(floor);
    let open = (lo..close).rev().find(|&j| matches!(s[j], '（' | '('))?;
    let inner = &s[open + 1..close];
    let plain = !inner.is_empty()
        && !inner.iter().any(|&c| matches!(c, '，' | ',' | '；' | ';' | '。' | '\n' | '（' | '(' | '）' | ')'));
    // An aside qualifies what precedes it: there must be something before the bracket.
    (plain && open > floor && !is_clause_break(s[open - 1])).then_some(open)
}

/// Spans [open, close] of short asides in `s[from..to]`.
fn parenthesized(s: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in from..to {
        if matches!(s[k], '）' | ')') {
            if let Some(open) = aside_open(s, from, k) {
                out.push((open, k + 1));
            }
        }
    }
    out
}

/// The unit right after a literal, if any: (unit index, end of unit word).
fn unit_after(rules: &ClaimRules, s: &[char], at: usize) -> Option<(usize, usize)> {
    let mut j = at;
    while j < s.len() && matches!(s[j], ' ' | '\u{3000}') {
        j += 1;
    }
    let (len, idx) = rules.unit_words.at_spaced(s, j)?;
    may_follow(&rules.units[idx], s, j + len).then_some((idx, j + len))
}

/// Whether what follows a unit word ending at `end` lets it be the unit (`requires_after`:
/// 一成不变 and 半成品 are no 成).
fn may_follow(unit: &Unit, s: &[char], end: usize) -> bool {
    unit.requires_after
        .as_ref()
        .map_or(true, |re| re.is_match(&s[end..(end + 6).min(s.len())].iter().collect::<String>()))
}

/// Everything decided about one figure before it becomes a [`Claim`].
struct Figure {
    start: usize,
    end: usize,
    value: Decimal,
    unit: Option<usize>,
    surface_unit: Option<String>,
    kind_override: Option<ClaimKind>,
    range: Option<[Decimal; 2]>,
    rule: String,
    over: bool,
    approx: bool,
}

#[allow(clippy::too_many_arguments)]
/// The claim, and whether its metric is a share of the previous figure's indicator.
fn recognize(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    fig: Figure,
    periods: &[PeriodMention],
    region: &DocRegion,
) -> Option<(Claim, bool)> {
    let s = &f.chars;
    let sentence = sentence_of(cx.sentences, fig.start);
    let cstart = clause_start(s, sentence[0], fig.start);
    let unit = fig.unit.map(|u| &rules.units[u]);
    // Hedges before the number (超1400亿元) and after the unit (100家以上).
    let mut before = fig.start;
    let mut qualifier = None;
    if let Some((len, q)) = rules.qual_prefix.ending_at(s, before) {
        if before - len >= cstart {
            qualifier = Some(q);
            before -= len;
        }
    }
    if let Some((_, q)) = rules.qual_suffix.at(s, fig.end) {
        qualifier = qualifier.or(Some(q));
    }
    // 约占全国的15%, 约为上年的1.2倍: a hedge on the copula hedges the figure it introduces.
    if qualifier.is_none() {
        let mut k = cstart;
        while let Some((p, len, q)) = rules.qual_prefix.find_in(s, k, before) {
            if matches!(s.get(p + len), Some('占' | '为' | '是' | '合')) {
                qualifier = Some(q);
                break;
            }
            k = p + len.max(1);
        }
    }
    if fig.over && qualifier.is_none() {
        qualifier = Some(Qualifier::Over);
    }
    if fig.approx && qualifier.is_none() {
        // 几十家 is more than ten; 二三十家 is about twenty to thirty.
        qualifier = Some(if fig.range.is_some() { Qualifier::About } else { Qualifier::Over });
    }
    // Change word right before (同比增长8.2%, 下降了2.7%, 增长超过10%).
    let mut verb_at = before;
    if verb_at > cstart && s[verb_at - 1] == '了' {
        verb_at -= 1;
    }
    let mut change = None;
    let mut sign = 1i8;
    if fig.kind_override != Some(ClaimKind::Rank) {
        let exception = rules.change_exceptions.ending_at(s, verb_at).is_some();
        if let Some((len, sg)) = rules.change.ending_at(s, verb_at).filter(|_| !exception) {
            if verb_at - len >= cstart {
                sign = sg;
                change = Some(basis(rules, s, cstart, verb_at, verb_at - len));
                before = verb_at - len;
            }
        }
    }
    let mut kind = fig.kind_override.unwrap_or_else(|| unit.map(|u| u.kind).unwrap_or(ClaimKind::Index));
    // pp or % stated against a named reference without a change verb: 高于全国2个百分点.
    if change.is_none() && kind == ClaimKind::Pp {
        // 分别比工业、高技术制造业高7.2个和3.8个百分点: the references may be a 、-list.
        let mut from = cstart;
        while from > sentence[0] && s[from - 1] == '、' && !rules.reference_prefix.any_in(s, from, before) {
            from = clause_start(s, sentence[0], from - 1);
        }
        if let Some((p, len, _)) = rules.reference_prefix.find_in(s, from, before) {
            let word: String = f.slice(p, p + len);
            // 低于全国, or 比全国低: the reference is below.
            let lower_after = before > 0 && matches!(s[before - 1], '低' | '慢' | '少');
            sign = if word.contains('低') || word.contains('慢') || lower_after { -1 } else { 1 };
            change = Some(Change { basis: Some(Basis::VsReference), reference: reference_text(s, p + len, before) });
        }
    }
    // A bare number is a figure only after an index cue (指数89.0) or as a change of one.
    if fig.unit.is_none() && fig.kind_override.is_none() && fig.surface_unit.is_none() {
        let mut k = before;
        while let Some((len, _)) = rules.index_links.ending_at(s, k) {
            if k - len < cstart {
                break;
            }
            k -= len;
        }
        let cue_here = rules.index_cues.ending_at(s, k).is_some();
        let cue_in_clause = rules.index_cues.any_in(s, cstart, before);
        if !(cue_here || (change.is_some() && cue_in_clause)) {
            return None;
        }
    }
    if change.is_some() {
        kind = ClaimKind::Change;
    }
    let value = if sign < 0 { -fig.value } else { fig.value };
    let range = fig.range.map(|[a, b]| if sign < 0 { [-a, -b] } else { [a, b] });
    // 工业投资增长12.8%，高于全部投资增速5.3个百分点: the reference is not the indicator.
    let metric_to = match &change {
        Some(Change { basis: Some(Basis::VsReference), .. }) => {
            // Not in this clause: the reference list began in an earlier one, and nothing
            // here names the indicator.
            rules.reference_prefix.find_in(s, cstart, before).map_or(cstart, |(p, _, _)| p)
        }
        _ => before,
    };
    // 电力、热力、燃气及水生产和供应业增长4.9%: a name may hold 、 when no figure stands
    // between it and the clause before.
    let mut metric_from = cstart;
    while metric_from > sentence[0] && s[metric_from - 1] == '、' {
        let prev = clause_start(s, sentence[0], metric_from - 1);
        if (prev..metric_from - 1).any(|k| numbers::is_numeral_char(s[k]) || s[k].is_ascii_digit()) {
            break;
        }
        metric_from = prev;
    }
    let found = metric(rules, cx, f, cstart, metric_to);
    // Only a name that runs on across the 、 (not one that lies wholly before it).
    let found = match (&found, metric_from < cstart) {
        (Some(narrow), true) => metric(rules, cx, f, metric_from, metric_to)
            .filter(|wide| wide.text.len() > narrow.text.len() && wide.text.ends_with(&narrow.text))
            .or(found),
        _ => found,
    };
    let share_of_previous = found.as_ref().is_some_and(|m| m.share_of_previous);
    let mut metric = found.map(|m| m.text);
    // Counted things usually follow the figure when a verb precedes it (共建1503家研发中心,
    // 建成501公里标准化堤防) or nothing names them before it.
    // A duration (连续12年稳定在…, 用3年时间) counts no thing after it.
    let duration = unit.is_some_and(|u| matches!(u.code.as_str(), "year" | "month" | "day" | "h"));
    if matches!(kind, ClaimKind::Count | ClaimKind::Quantity) && !duration {
        let k = cx.words.partition_point(|w| w.end <= before);
        let verb_before = k > 0 && cx.words[k - 1].end == before && matches!(cx.words[k - 1].tag, "v" | "vd");
        // 规划确定的25项主要指标: after 的 the figure counts the noun that follows it.
        let de_before = k > 0 && cx.words[k - 1].end == before && f.slice(cx.words[k - 1].start, before) == "的";
        if metric.is_none() || verb_before || de_before {
            // 1000个以上重大项目: past the hedge after the unit.
            let from = fig.end + rules.qual_suffix.at(s, fig.end).map_or(0, |(len, _)| len);
            if let Some(after) = metric_after(rules, cx, f, from) {
                metric = Some(after);
            }
        }
    }
    let scope = scope(rules, cx, f, sentence[0], cstart, fig.start, region);
    let mention = period_for(periods, s, fig.start, sentence[0]);
    let inherited_target = mention.is_some_and(|p| p.target_lead && p.start < sentence[0]);
    let modality = if inherited_target { Modality::Target } else { modality(rules, s, sentence[0], fig.start) };
    let period = mention.map(|p| match (&p.prior, modality) {
        (Some(prior), Modality::Actual) => prior.clone(),
        _ => p.iso.clone(),
    });
    Some((
        Claim {
            text: f.text(fig.start, fig.end),
            span: [fig.start, fig.end],
            sentence,
            value: value.normalize(),
            unit: unit.map(|u| u.code.clone()),
            surface_unit: fig.surface_unit,
            kind,
            change,
            qualifier,
            range,
            metric,
            scope,
            period,
            modality,
            rule: fig.rule,
        },
        share_of_previous,
    ))
}

/// Literal + unit + special shapes (百分之, 分之, 第N, 翻番, ranges, ratios) → figure.
fn figure(rules: &ClaimRules, s: &[char], lit: &Literal) -> Option<Figure> {
    let starts_with = |at: usize, w: &str| {
        let w: Vec<char> = w.chars().collect();
        s.get(at..at + w.len()).is_some_and(|x| x == w.as_slice())
    };
    let ends_with = |end: usize, w: &str| {
        let w: Vec<char> = w.chars().collect();
        end >= w.len() && s[end - w.len()..end] == *w.as_slice()
    };
    let hundred = Decimal::ONE_HUNDRED;
    // 百分之十五点五, 千分之三, 万分之五, 百万分之五, 万万分之七 (spaces allowed: 百 分 之 2.4).
    if let Some((start, denominator)) = per_prefix(s, lit.start) {
        let surface: String = s[start..lit.start].iter().filter(|c| !matches!(c, ' ' | '\u{3000}')).collect();
        return Some(Figure {
            start,
            end: lit.end,
            value: lit.value.checked_mul(hundred)?.checked_div(denominator)?,
            unit: unit_index(rules, "%"),
            surface_unit: Some(surface),
            kind_override: Some(ClaimKind::Percent),
            range: None,
            rule: "percent.chinese".into(),
            over: lit.over,
            approx: lit.approx,
        });
    }
    // 五分之一 → 20 %; both parts whole numbers (五百分之2.2 is no fraction).
    if starts_with(lit.end, "分之") {
        if let Some(Ok(num)) = numbers::literal_at(s, lit.end + 2) {
            if !lit.value.is_zero() && lit.value.fract().is_zero() && num.value.fract().is_zero() {
                let v = num.value.checked_mul(hundred)?.checked_div(lit.value)?;
                return Some(Figure {
                    start: lit.start,
                    end: num.end,
                    value: v.round_sf(8).unwrap_or(v),
                    unit: unit_index(rules, "%"),
                    surface_unit: Some("分之".into()),
                    kind_override: Some(ClaimKind::Percent),
                    range: None,
                    rule: "percent.fraction".into(),
                    over: false,
                    approx: false,
                });
            }
        }
        return None;
    }
    // 第N: a rank after a rank cue, otherwise an ordinal (never a claim).
    if lit.start > 0 && s[lit.start - 1] == '第' {
        if rules.ordinal_after.at(s, lit.end).is_some() {
            return None;
        }
        let from = lit.start.saturating_sub(7);
        if !rules.rank_cues.any_in(s, from, lit.start - 1) {
            return None;
        }
        let mut end = lit.end;
        if matches!(s.get(end), Some('位' | '名')) {
            end += 1;
        }
        return Some(Figure {
            start: lit.start - 1,
            end,
            value: lit.value,
            unit: unit_index(rules, "rank"),
            surface_unit: None,
            kind_override: Some(ClaimKind::Rank),
            range: None,
            rule: "rank.ordinal".into(),
            over: false,
            approx: false,
        });
    }
    // 翻一番 / 翻了两番 → ×2, ×4.
    if s.get(lit.end) == Some(&'番') && (ends_with(lit.start, "翻") || ends_with(lit.start, "翻了")) {
        let n = u32::try_from(lit.value.trunc().mantissa()).ok().filter(|n| *n <= 10)?;
        let start = lit.start - if ends_with(lit.start, "翻了") { 2 } else { 1 };
        return Some(Figure {
            start,
            end: lit.end + 1,
            value: Decimal::from(2u64.pow(n)),
            unit: unit_index(rules, "times"),
            surface_unit: Some("番".into()),
            kind_override: Some(ClaimKind::Multiple),
            range: None,
            rule: "multiple.fanfan".into(),
            over: false,
            approx: false,
        });
    }
    // Ratio 1.5:1.
    if s.get(lit.end) == Some(&':') && lit.arabic {
        if let Some(Ok(rhs)) = numbers::literal_at(s, lit.end + 1) {
            if rhs.arabic && !rhs.value.is_zero() {
                return Some(Figure {
                    start: lit.start,
                    end: rhs.end,
                    value: lit.value.checked_div(rhs.value)?.round_dp(6),
                    unit: None,
                    surface_unit: None,
                    kind_override: Some(ClaimKind::Ratio),
                    range: None,
                    rule: "ratio.colon".into(),
                    over: false,
                    approx: false,
                });
            }
        }
    }
    let mut unit = unit_after(rules, s, lit.end);
    // 7 2 折, 九 九 折 (spaced out in text taken from PDFs): two single digits before a
    // unit that reads two digits on their own (七二折 = 72 %).
    let mut lit = lit.clone();
    if unit.is_none() && lit.end == lit.start + 1 && lit.value < Decimal::TEN {
        let k = unit_word_start(s, lit.end, s.len());
        let second = (k > lit.end && k < s.len()).then(|| numbers::literal_at(s, k)).flatten();
        if let Some(Ok(b)) = second.filter(|b| matches!(b, Ok(b) if b.end == k + 1 && b.arabic == lit.arabic)) {
            let after = unit_after(rules, s, b.end).filter(|u| rules.units[u.0].two_digit_factor.is_some());
            if let (Some(u), Some(v)) =
                (after, lit.value.checked_mul(Decimal::TEN).and_then(|v| v.checked_add(b.value)))
            {
                unit = Some(u);
                lit = Literal { end: b.end, value: v, ..lit };
            }
        }
    }
    let lit = &lit;
    // ￥300, $20: a currency symbol before the number, when no unit word follows.
    let mut start = lit.start;
    if unit.is_none() {
        if let Some((len, idx)) = rules.currency_prefix.ending_at(s, lit.start) {
            unit = Some((idx, lit.end));
            start = lit.start - len;
        }
    }
    // Range: 10%-15%, 3至5年, 20~100家.
    let mut range = None;
    let mut anchor = lit.end;
    let mut end = unit.map(|u| u.1).unwrap_or(lit.end);
    if let Some(sep) = s.get(end).copied().filter(|c| matches!(c, '-' | '~' | '至' | '到')) {
        if let Some(Ok(hi)) = numbers::literal_at(s, end + 1) {
            let hi_unit = unit_after(rules, s, hi.end);
            let compatible = match (unit, hi_unit) {
                (Some(a), Some(b)) => a.0 == b.0,
                (None, Some(_)) => true,
                _ => false,
            };
            let same_script = hi.arabic == lit.arabic;
            if compatible && same_script && (sep != '-' || lit.arabic) {
                let scale_lo = if lit.scale.is_empty() && !hi.scale.is_empty() {
                    // 3-5万: the scale of the high end applies to both.
                    scale_value(&hi.scale)
                } else {
                    Decimal::ONE
                };
                let lo = lit.value.checked_mul(scale_lo)?;
                range = Some([lo, hi.value]);
                anchor = hi.end;
                unit = hi_unit;
                end = hi_unit.map(|u| u.1).unwrap_or(hi.end);
            }
        }
    }
    // 二三十家, 三四百万: a rough range written with neighbouring digits.
    if let (None, Some(high)) = (range, lit.high) {
        range = Some([lit.value, high]);
    }
    // 6.4和4.3个百分点, 3、5、8家: a bare number in a list takes the unit written once at its end.
    let mut shared_unit = None;
    // 7.2个和3.8个百分点: so does a number with the classifier alone.
    if let Some((_, ue)) = unit.filter(|_| range.is_none() && lit.arabic && s.get(lit.end) == Some(&'个')) {
        let mut at = ue;
        for _ in 0..6 {
            if ue != lit.end + 1 || !matches!(s.get(at), Some('和' | '、' | '及' | '与' | '或')) {
                break;
            }
            let Some(Ok(next)) = numbers::literal_at(s, at + 1) else { break };
            match unit_after(rules, s, next.end) {
                Some((idx, e)) if s.get(next.end) == Some(&'个') && e > next.end + 1 => {
                    unit = Some((idx, ue));
                    shared_unit = Some(s[next.end..e].iter().collect::<String>());
                    break;
                }
                Some((_, e)) if e == next.end + 1 => at = e,
                _ => break,
            }
        }
    }
    if unit.is_none() && range.is_none() && lit.arabic {
        let mut at = lit.end;
        for _ in 0..6 {
            if !matches!(s.get(at), Some('和' | '、' | '及' | '与' | '或')) {
                break;
            }
            let Some(Ok(next)) = numbers::literal_at(s, at + 1) else { break };
            if !next.arabic || next.scale != lit.scale {
                break;
            }
            if let Some((idx, ue)) = unit_after(rules, s, next.end) {
                unit = Some((idx, lit.end));
                shared_unit = Some(s[unit_word_start(s, next.end, ue)..ue].iter().collect::<String>());
                break;
            }
            at = next.end;
        }
    }
    let u: Option<&Unit> = unit.map(|u| &rules.units[u.0]);
    // Small Chinese numerals before classifiers are rhetoric (三个方面, 两项制度).
    if lit.chinese && !lit.arabic {
        let ok = match u {
            Some(u) => u.chinese_ok || lit.value >= Decimal::TEN,
            None => false,
        };
        if !ok {
            return None;
        }
    }
    // -22.2%, 增长-2.1%, 负3.9%: a written minus sign belongs to the figure.
    let mut negative = false;
    if range.is_none() && start == lit.start {
        let with_sign = numbers::signed(s, lit.clone());
        if with_sign.start < lit.start {
            negative = true;
            start = with_sign.start;
        }
    }
    let two_digits = lit.value.fract().is_zero() && lit.value >= Decimal::TEN && lit.value < Decimal::ONE_HUNDRED;
    if two_digits && u.is_some_and(|u| u.two_digit_factor.is_some()) && (lit.value % Decimal::TEN).is_zero() {
        return None; // 十折, 20折: no such discount
    }
    let factor = match u {
        Some(Unit { two_digit_factor: Some(f), .. }) if two_digits => *f,
        Some(u) => u.factor,
        None => Decimal::ONE,
    };
    let surface_unit = match unit {
        Some(_) if shared_unit.is_some() => shared_unit.map(|w| format!("{}{w}", lit.scale)),
        Some(_) if start < lit.start => {
            Some(format!("{}{}", s[start..lit.start].iter().collect::<String>(), lit.scale))
        }
        Some((_, ue)) => {
            let word: String = s[unit_word_start(s, anchor, ue)..ue].iter().collect();
            let scale = if range.is_some() { "" } else { lit.scale.as_str() };
            Some(format!("{scale}{word}"))
        }
        None if !lit.scale.is_empty() => Some(lit.scale.clone()),
        None => None,
    };
    let mut value = lit.value.checked_mul(factor)?;
    if let (Some((idx, _)), None) = (unit, range) {
        let (extra, e) = unit_tail(&rules.units[idx], s, lit, end);
        value = value.checked_add(extra)?;
        end = e;
    }
    let value = if negative { -value } else { value };
    let range = match range {
        Some([a, b]) => Some([a.checked_mul(factor)?, b.checked_mul(factor)?]),
        None => None,
    };
    Some(Figure {
        start,
        end,
        value: range.map(|r| r[0]).unwrap_or(value),
        unit: unit.map(|u| u.0),
        surface_unit,
        kind_override: None,
        range,
        rule: u.map(|u| u.id.clone()).unwrap_or_else(|| "index.bare".into()),
        over: lit.over,
        approx: lit.approx,
    })
}

/// The start and the denominator of a `百分之` / `千分之` / `万分之` / `百万分之` … written
/// right before `at` (inline spaces allowed between its characters): the denominator is a
/// run of place characters of at least a hundred, with no digit before it (五百分之二 is a
/// fraction, read from its numerator's side).
fn per_prefix(s: &[char], at: usize) -> Option<(usize, Decimal)> {
    let back = |mut k: usize| {
        while k > 0 && matches!(s[k - 1], ' ' | '\u{3000}') {
            k -= 1;
        }
        k
    };
    let zhi = back(at).checked_sub(1).filter(|k| s[*k] == '之')?;
    let fen = back(zhi).checked_sub(1).filter(|k| s[*k] == '分')?;
    let mut start = fen;
    let mut denominator = Decimal::ONE;
    loop {
        let k = back(start);
        let Some(place) = k.checked_sub(1).and_then(|p| {
            numbers::small_unit(s[p]).map(Decimal::from).or_else(|| numbers::big_unit(s[p]).map(Decimal::from))
        }) else {
            break;
        };
        denominator = denominator.checked_mul(place)?;
        start = k - 1;
    }
    let digit_before = start.checked_sub(1).is_some_and(|p| numbers::is_numeral_char(s[p]) || s[p] == '点');
    (start < fen && denominator >= Decimal::ONE_HUNDRED && !digit_before).then_some((start, denominator))
}

/// What a unit's tail adds after its word ends at `end`, and where the figure then ends:
/// tenths (七成六 → +6 %, 三成半 → +5 %) or smaller money units (50元6角三分 → +0.63,
/// 两美元又三美分 → +0.03).
fn unit_tail(u: &Unit, s: &[char], lit: &Literal, end: usize) -> (Decimal, usize) {
    let none = (Decimal::ZERO, end);
    if !lit.value.fract().is_zero() || lit.over || lit.approx {
        return none;
    }
    let free_after =
        |k: usize| !s.get(k).is_some_and(|c| numbers::is_numeral_char(*c) || matches!(c, '点' | '分' | '之'));
    if u.tenths_after {
        let k = {
            let mut k = end;
            while matches!(s.get(k), Some(' ' | '\u{3000}')) {
                k += 1;
            }
            k
        };
        let digit =
            s.get(k).and_then(|c| if *c == '半' { Some(5) } else { numbers::chinese_digit(*c).filter(|d| *d > 0) });
        if let (Some(d), true) = (digit, free_after(k + 1)) {
            return (Decimal::from(d) * u.factor / Decimal::TEN, k + 1);
        }
        return none;
    }
    let mut total = Decimal::ZERO;
    let mut at = end;
    let mut last: Option<Decimal> = None;
    for _ in 0..2 {
        let k = if matches!(s.get(at), Some('又' | '零')) { at + 1 } else { at };
        let Some(Ok(part)) = numbers::literal_at(s, k) else { break };
        if part.value.fract() != Decimal::ZERO || part.value >= Decimal::TEN || !part.scale.is_empty() || part.over {
            break;
        }
        let Some((len, v)) = u.subunits.at(s, part.end) else { break };
        if last.is_some_and(|l| v >= l) || s.get(part.end + len).is_some_and(|c| matches!(c, '钟' | '之' | '期' | '别'))
        {
            break;
        }
        total += part.value * v;
        last = Some(v);
        at = part.end + len;
    }
    (total, at)
}

/// Where the unit word after a (possibly ranged) literal begins: skips spaces.
fn unit_word_start(s: &[char], anchor: usize, unit_end: usize) -> usize {
    let mut j = anchor;
    while j < unit_end && s[j] == ' ' {
        j += 1;
    }
    j
}

fn scale_value(scale: &str) -> Decimal {
    scale
        .chars()
        .filter_map(|c| numbers::big_unit(c).map(Decimal::from).or_else(|| numbers::small_unit(c).map(Decimal::from)))
        .fold(Decimal::ONE, |a, b| a.checked_mul(b).unwrap_or(a))
}

fn unit_index(rules: &ClaimRules, code: &str) -> Option<usize> {
    rules.units.iter().position(|u| u.code == code)
}

/// Baseline of a change from the words between the clause start and the change word.
/// Baseline words are looked for up to `to` (同比增长 holds 同比); a named reference ends
/// at `verb` (比一季度加快 → 一季度).
fn basis(rules: &ClaimRules, s: &[char], from: usize, to: usize, verb: usize) -> Change {
    if let Some((_, _, class)) = rules.bases.find_in(s, from, to) {
        let basis = match class {
            BaseClass::Yoy => Basis::Yoy,
            BaseClass::Mom => Basis::Mom,
            BaseClass::Prior => Basis::VsPriorPeriod,
        };
        return Change { basis: Some(basis), reference: None };
    }
    if let Some((p, len, _)) = rules.reference_prefix.find_in(s, from, verb) {
        if let Some(r) = reference_text(s, p + len, verb) {
            return Change { basis: Some(Basis::VsReference), reference: Some(r) };
        }
    }
    Change { basis: None, reference: None }
}

/// The reference named after 比 / 高于 …, trimmed of trailing filler.
fn reference_text(s: &[char], from: usize, to: usize) -> Option<String> {
    // 高于全国平均水平6.4和4.3个百分点: the reference ends where the listed figures begin;
    // digits of a period opening it are part of it (较8月份, 比2023年, 比1-7月).
    let digits_after = |k: usize| (k..to).find(|&e| !s[e].is_ascii_digit()).unwrap_or(to);
    let mut digits_end = digits_after(from);
    if digits_end > from && matches!(s.get(digits_end), Some('-' | '~' | '～' | '至' | '到' | '—' | '－')) {
        let second = digits_after(digits_end + 1);
        if second > digits_end + 1 {
            digits_end = second;
        }
    }
    let skip =
        if digits_end > from && matches!(s.get(digits_end), Some('月' | '年' | '季')) { digits_end } else { from };
    let to = (skip..to).find(|&k| s[k].is_ascii_digit()).unwrap_or(to);
    let mut t: String = s[from..to.max(from)].iter().collect();
    // 比全省高0.4个百分点: the comparative after the reference is not part of it.
    for comparative in ['高', '低', '快', '慢', '多', '少'] {
        if t.ends_with(comparative) && t.chars().count() > 1 {
            t.pop();
            break;
        }
    }
    for tail in ["平均水平", "平均", "水平", "增速", "同期"] {
        if t.ends_with(tail) && t.chars().count() > tail.chars().count() {
            t.truncate(t.len() - tail.len());
        }
    }
    // 比同期工业: when the baseline is the same period, the reference is what follows.
    if let Some(rest) = t.strip_prefix("同期").filter(|r| !r.is_empty()) {
        t = rest.to_string();
    }
    let t = t.trim().to_string();
    // A 、-list of references (工业、高技术制造业) is split over the figures by 分别.
    let fits = |t: &str| t.chars().count() <= 10 || (t.contains('、') && t.chars().count() <= 24);
    (!t.is_empty() && fits(&t) && t.chars().all(|c| c == '、' || !is_clause_break(c))).then_some(t)
}

/// Whether a POS tag can be part of a noun phrase.
pub fn is_nounish(tag: &str) -> bool {
    matches!(
        tag,
        "n" | "nz"
            | "vn"
            | "nt"
            | "j"
            | "l"
            | "an"
            | "ng"
            | "b"
            | "eng"
            | "ns"
            | "nrt"
            | "nr"
            | "nrfg"
            | "i"
            | "h"
            | "k"
    )
}

/// The indicator: the noun chain ending just before the figure (or its verb), minus
/// leading places, scope and time words.
/// An indicator read before a figure.
struct Metric {
    /// As written (asides removed).
    text: String,
    /// `text` is a share with nothing before its 占 (占GDP比重): a share of the previous
    /// figure's indicator, completed by `inherit_metrics`.
    share_of_previous: bool,
}

fn metric(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, from: usize, to: usize) -> Option<Metric> {
    // 居民消费价格比上年同期上涨0.1%: the baseline between the indicator and the verb goes.
    let mut to = to;
    while let Some((len, _)) = rules.bases.ending_at(&f.chars, to).filter(|(l, _)| to - l >= from) {
        to -= len;
    }
    let lo = cx.words.partition_point(|w| w.end <= from);
    let hi = cx.words.partition_point(|w| w.start < to);
    // A word that runs past `to` (价格下降 before 2.7%) is clipped there and counts as a noun.
    let s = &f.chars;
    let inside = parenthesized(s, from, to);
    let words: Vec<Word> = cx.words[lo..hi]
        .iter()
        .filter(|w| w.start >= from && !inside.iter().any(|&(a, b)| w.start >= a && w.start < b))
        .map(|w| if w.end > to { Word { start: w.start, end: to, tag: "n" } } else { *w })
        .map(|w| metric_word(rules, s, w))
        .collect();
    let words = merge_ampersand_names(s, merge_short_quotes(s, words));
    let words: Vec<&Word> = words.iter().collect();
    let text_of = |w: &Word| f.slice(w.start, w.end);
    let is_scope = |w: &Word| {
        let t = text_of(w);
        // A one-character place (巴, 云) is no scope, but no part of a metric either.
        (w.tag == "ns" && (t.chars().count() < 2 || is_place_name(rules, &t.chars().collect::<Vec<_>>())))
            || rules.scope_words.at(&t.chars().collect::<Vec<_>>(), 0).is_some_and(|(l, _)| l == t.chars().count())
    };
    // 和 / 及 / 与 at `j` between two nouns (no place on either side).
    let joins = |j: usize| {
        j >= 1
            && j + 1 < words.len()
            && matches!(text_of(words[j]).as_str(), "和" | "及" | "与" | "、")
            && is_nounish(words[j - 1].tag)
            && words[j - 1].tag != "t"
            && !is_scope(words[j - 1])
            && (is_nounish(words[j + 1].tag) || words[j + 1].tag == "attr")
            && !is_scope(words[j + 1])
    };
    let mut k = words.len();
    // Skip trailing non-nouns (达, 为, 同比, 增长, 占) and references (占全国).
    while k > 0 && (!is_nounish(words[k - 1].tag) || is_scope(words[k - 1]) || words[k - 1].tag == "t") {
        k -= 1;
    }
    let end = k;
    while k > 0 {
        let w = words[k - 1];
        if is_nounish(w.tag) && w.tag != "t" {
            k -= 1;
        } else if k < end && k > 1 && text_of(w) == "级" && words[k - 2].tag == "m" {
            // 千亿级产业集群, 国家级: a class word with its numeral.
            k -= 2;
        } else if k < end
            && w.tag == "attr"
            && k > 1
            && (is_nounish(words[k - 2].tag) || words[k - 2].tag == "attr" || joins(k - 2))
        {
            // 国有控股企业, 工业互联网平台连接设备数: an attribute between nouns.
            k -= 1;
        } else if k < end && joins(k - 1) {
            // 社会保障和就业支出, 教育文化和娱乐: nouns joined inside one indicator name.
            k -= 1;
        } else if k < end && k > 1 && matches!(text_of(w).as_str(), "类" | "型" | "性") && is_nounish(words[k - 2].tag)
        {
            // 食品烟酒类价格, 外向型经济, 生产性服务业: a class suffix on a noun.
            k -= 1;
        } else if k < end && matches!(w.tag, "a" | "ad" | "z") {
            // 平均浓度, 优良天数比率
            k -= 1;
        } else if k < end
            && k > 1
            && w.tag == "v"
            && (words[k - 2].tag == "v" || (is_nounish(words[k - 2].tag) && !is_scope(words[k - 2])))
            && words[..k - 2].iter().any(|p| p.tag == "v")
            && w.end - w.start >= 2
            && !rules.metric_not_modifiers.holds(&s[w.start..w.end])
            && !rules.change.holds(&s[w.start..w.end])
            && !rules.reference_prefix.holds(&s[w.start..w.end])
            && !rules.qual_prefix.holds(&s[w.start..w.end])
        {
            // 发放稳岗返还资金: verbs after the clause's own verb modify the noun they precede.
            k -= 1;
        } else if k < end && w.tag == "m" && text_of(w).starts_with('每') {
            // 每万人口发明专利拥有量: a per-head denominator leads the name.
            k -= 1;
        } else {
            break;
        }
    }
    // 数字经济核心产业增加值占GDP比重: a share names what it is a share of.
    let share = |w: &Word| matches!(text_of(w).as_str(), "比重" | "比例" | "份额" | "占比");
    // With nothing before 占 in the clause (…营业收入1.2万亿元，占GDP比重为10.2%), the metric is
    // completed from the previous figure's (inherit_metrics).
    let mut share_of_previous = false;
    // 占制造业投资的比重为41.2%: look through 的 for the 占.
    if k > 1 && k < end && share(words[end - 1]) && text_of(words[k - 1]) == "的" {
        let mut j = k - 1;
        while j > 0 && is_nounish(words[j - 1].tag) && words[j - 1].tag != "t" {
            j -= 1;
        }
        if j > 0 && j < k - 1 && text_of(words[j - 1]) == "占" {
            k = j;
        }
    }
    // 占我国外贸总值的65%: a share without 比重 written, named like one.
    let zhan_at = |j: usize| j > 0 && text_of(words[j - 1]) == "占";
    let mut share_named = false;
    if k < end && !share(words[end - 1]) && (zhan_at(k) || (k > 1 && is_scope(words[k - 1]) && zhan_at(k - 1))) {
        // 占比近六成 (占 and 比 segmented apart) is the share itself.
        share_named = !(end == k + 1 && text_of(words[k]) == "比");
        share_of_previous = true;
    }
    if k > 0 && k < end && share(words[end - 1]) && text_of(words[k - 1]) == "占" {
        if k > 1 && is_nounish(words[k - 2].tag) {
            k -= 1;
            while k > 0 && is_nounish(words[k - 1].tag) && words[k - 1].tag != "t" && !is_scope(words[k - 1]) {
                k -= 1;
            }
        } else {
            share_of_previous = true;
        }
    }
    // 产量45.6万辆，是去年同期的1.8倍 / 为全国平均水平的1.2倍: what the figure is measured
    // against, not what it measures (the indicator comes from the previous figure).
    if k > 0
        && k < end
        && words.get(end).is_some_and(|w| text_of(w) == "的")
        && matches!(text_of(words[k - 1]).as_str(), "是" | "为" | "相当于")
    {
        return None;
    }
    // Drop leading places, scope words and numerals.
    let class_numeral =
        |k: usize| (k + 1 < end && text_of(words[k + 1]) == "级") || text_of(words[k]).starts_with('每');
    while k < end && (is_scope(words[k]) || words[k].tag == "t" || (words[k].tag == "m" && !class_numeral(k))) {
        k += 1;
    }
    if k >= end {
        return None;
    }
    // The metric as written, without the asides inside it (试验发展（R&D）经费支出).
    let (ma, mb) = (words[k].start, words[end - 1].end);
    let mut m = String::new();
    let mut at = ma;
    for &(a, b) in inside.iter().filter(|&&(a, b)| a >= ma && b <= mb) {
        m.push_str(&f.text(at, a));
        at = b;
    }
    m.push_str(&f.text(at, mb));
    let mut m = drop_leading(rules, m);
    // 居民消费价格同比 → 居民消费价格; 同比名义 → (nothing: inherited)
    loop {
        let mc: Vec<char> = m.chars().collect();
        let base = rules.bases.ending_at(&mc, mc.len()).map(|(l, _)| (l, ()));
        match base.or_else(|| rules.metric_drop_trailing.ending_at(&mc, mc.len())) {
            Some((len, _)) if len <= mc.len() => m = mc[..mc.len() - len].iter().collect(),
            _ => break,
        }
    }
    // 占制造业投资的比重 → 占制造业投资比重: one spelling for one indicator.
    for w in ["的比重", "的比例", "的份额"] {
        if m.ends_with(w) && m.chars().count() > 3 {
            m = format!("{}{}", &m[..m.len() - w.len()], &w['的'.len_utf8()..]);
        }
    }
    let mc: Vec<char> = m.chars().collect();
    if rules.metric_never.contains(&m) || rules.metric_drop_leading.at(&mc, 0).is_some_and(|(l, _)| l == mc.len()) {
        return None;
    }
    if share_named {
        m.push_str("比重");
    }
    if share_of_previous {
        m.insert(0, '占');
    }
    (m.chars().count() >= 2 && m.chars().count() <= 24).then_some(Metric { text: m, share_of_previous })
}

/// A word as metrics see it: the vocabulary's nouns (收入/v, 国内/s) and distinguishing words
/// (国有/b) are nouns; words tagged as verbs that name a kind inside an
/// indicator (控股, 连接, 制造) are tagged `attr`, kept only between nouns.
fn metric_word(rules: &ClaimRules, s: &[char], w: Word) -> Word {
    let t = &s[w.start..w.end];
    let measure_word = t.len() == 1 && rules.metric_measure_suffixes.holds(t);
    if w.tag == "b" || rules.metric_nouns.holds(t) || measure_word {
        // 机械化率: a measure word the tagger took for a verb (率/v) is a noun.
        Word { tag: "n", ..w }
    } else if w.tag == "ns" && rules.not_places.holds(t) {
        Word { tag: "x", ..w } // 惠及/ns, 新建/ns: verbs the tagger took for places
    } else if matches!(w.tag, "v" | "vd" | "vi" | "vg")
        && (rules.metric_inner_verbs.holds(t)
            || rules.metric_measure_suffixes.at(s, w.end).is_some_and(|(l, _)| l == 1))
    {
        Word { tag: "attr", ..w }
    } else {
        w
    }
}

/// Cuts the words a metric never starts with: 4月份进出口 → 进出口, 其中风电 → 风电 (all of
/// it stays when nothing would be left).
fn drop_leading(rules: &ClaimRules, mut m: String) -> String {
    loop {
        let mc: Vec<char> = m.chars().collect();
        match rules.metric_drop_leading.at(&mc, 0) {
            Some((len, _)) if len < mc.len() => m = mc[len..].iter().collect(),
            _ => return m,
        }
    }
}

/// Latin names joined by `&` are one word (R&D: R/eng &/x D/eng).
fn merge_ampersand_names(s: &[char], words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    for w in words {
        let n = out.len();
        if n >= 2
            && w.tag == "eng"
            && out[n - 1].tag == "x"
            && s[out[n - 1].start..out[n - 1].end] == ['&']
            && out[n - 2].tag == "eng"
        {
            let start = out[n - 2].start;
            out.truncate(n - 2);
            out.push(Word { start, end: w.end, tag: "eng" });
        } else {
            out.push(w);
        }
    }
    out
}

/// Longest quoted word kept inside a metric, in chars (专精特新“小巨人”企业).
const QUOTED_WORD_MAX: usize = 8;

/// A short quoted name (“小巨人”) becomes one noun, so a metric can run through it.
fn merge_short_quotes(s: &[char], words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if s[w.start] == '“' && w.end == w.start + 1 {
            let close = (i + 1..words.len())
                .take_while(|&j| words[j].end - w.start <= QUOTED_WORD_MAX + 2)
                .find(|&j| s[words[j].start] == '”');
            // Names led by numerals or with digits (“十三五”, “1650”) are periods or programmes,
            // not parts of a metric (“新三样”产品出口 is one).
            let numeral =
                |j: usize| numbers::starts_chinese(s[w.end]) || (w.end..words[j].start).any(|k| s[k].is_ascii_digit());
            if let Some(j) = close.filter(|&j| j > i + 1 && !numeral(j)) {
                out.push(Word { start: w.start, end: words[j].end, tag: "nz" });
                i = j + 1;
                continue;
            }
        }
        out.push(w);
        i += 1;
    }
    out
}

/// The region or entity of a figure: the nearest place or scope word before it in its
/// clause, else the first in its sentence; references (占全国, 高于全国) are skipped, and
/// 全省 / 全市 resolve to the document's region.
fn scope(
    rules: &ClaimRules,
    cx: &Context<'_>,
    f: &Folded,
    sent_start: usize,
    clause_start: usize,
    pos: usize,
    region: &DocRegion,
) -> Option<String> {
    let s = &f.chars;
    let lo = cx.words.partition_point(|w| w.end <= sent_start);
    let hi = cx.words.partition_point(|w| w.end <= pos);
    let candidates: Vec<&Word> = cx.words[lo..hi]
        .iter()
        .filter(|w| {
            let t = &s[w.start..w.end];
            let is_scope_word = rules.scope_words.at(t, 0).is_some_and(|(l, _)| l == t.len());
            // 居全国第一: the place right before a rank is the ranking's domain, not the scope.
            let rank_domain =
                s.get(w.end) == Some(&'第') || matches!(s.get(w.end..w.end + 2), Some(['首', '位'] | ['榜', '首']));
            let place = w.tag == "ns" && is_place_name(rules, t);
            // A place hidden by a non-claim (a dateline: 新华社北京9月12日电) is no scope.
            (place || is_scope_word)
                && !rank_domain
                && !region.hidden.get(w.start).copied().unwrap_or(false)
                && rules.reference_before.ending_at(s, w.start).is_none()
        })
        .collect();
    let w = candidates.iter().rev().find(|w| w.start >= clause_start).or(candidates.first())?;
    let t = &s[w.start..w.end];
    let name: String = f.text(w.start, w.end);
    if rules.own_province.at(t, 0).is_some() {
        return region.province.clone().or(Some(name));
    }
    if rules.own_city.at(t, 0).is_some() {
        return region.city.clone().or(Some(name));
    }
    Some(name)
}

/// Whether a word tagged as a place names one: two characters at least (上云 is no 云南) and
/// not a place-like word (城镇, 农村, 国内) or a word built on one (城镇人口, 农村居民).
fn is_place_name(rules: &ClaimRules, t: &[char]) -> bool {
    t.len() >= 2 && rules.not_places.at(t, 0).is_none()
}

/// `恢复到2019年的九成`, `达到2012年的2.4倍`: a year after 到/至 and before 的 and a share in
/// 成 or 倍 is what the figure is measured against, not a deadline or its period. (增至2023年的
/// 39218元 and 提高到2023年的66.2% state the level of that year.)
fn year_as_baseline(s: &[char], p: usize) -> bool {
    if !matches!(s.get(p), Some('到' | '至')) {
        return false;
    }
    let digits = s[p + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits != 4 || s.get(p + 5) != Some(&'年') || s.get(p + 6) != Some(&'的') {
        return false;
    }
    let numeral = s[p + 7..].iter().take_while(|c| numbers::is_numeral_char(**c) || **c == '点').count();
    numeral > 0 && matches!(s.get(p + 7 + numeral), Some('成' | '倍'))
}

/// Target or actual: a target cue in the sentence before the figure, unless a false cue
/// covers it (截至, 虚拟).
fn modality(rules: &ClaimRules, s: &[char], sent_start: usize, pos: usize) -> Modality {
    let mut i = sent_start;
    while let Some((p, len, _)) = rules.target.find_in(s, i, pos) {
        let shadowed = (p.saturating_sub(8)..=p).any(|q| rules.not_target.at(s, q).is_some_and(|(l, _)| q + l > p));
        if !shadowed && !year_as_baseline(s, p) {
            return Modality::Target;
        }
        i = p + len.max(1);
    }
    Modality::Actual
}

fn period_for<'p>(
    periods: &'p [PeriodMention],
    s: &[char],
    pos: usize,
    sent_start: usize,
) -> Option<&'p PeriodMention> {
    // Nearest period ending before the figure within its paragraph; the sentence's own first.
    let para_start = (0..pos).rev().find(|&k| s[k] == '\n').map(|k| k + 1).unwrap_or(0);
    let floor = para_start.min(sent_start);
    // From an earlier sentence only a lead period carries over (今年1-7月，…), and a target
    // year (到2025年) only when it opens the paragraph.
    let lead = |p: &PeriodMention| {
        let ss =
            (0..p.start).rev().find(|&k| matches!(s[k], '。' | '！' | '？' | '；' | '\n')).map(|k| k + 1).unwrap_or(0);
        // A month's match takes the char after it (4月份，).
        let comma_after = matches!(s.get(p.end), Some('，' | ',')) || matches!(s[p.end - 1], '，' | ',');
        (p.start - ss <= 1 || heading_word_before(&s[ss..p.start]))
            && comma_after
            && !(p.start > 0 && matches!(s[p.start - 1], '到' | '至'))
    };
    // 去年同期, 上年同期: the baseline a figure is compared with, not its period.
    let baseline = |p: &PeriodMention| s.get(p.end..p.end + 2) == Some(&['同', '期'][..]);
    // 扣除去年同期…、去年年中出台的政策…影响后: what an adjustment removes is no period either.
    let adjusting = |p: &PeriodMention| {
        let from = (0..p.start).rev().find(|&k| matches!(s[k], '，' | ',' | '。' | '；' | '\n')).map_or(0, |k| k + 1);
        s[from..p.start].windows(2).any(|w| matches!(w, ['扣', '除'] | ['剔', '除']))
    };
    // 从2020年的2.1%提高到2.65%: the start of a rise is that one figure's period; 是2020年的
    // 2.3倍 measures against it (增至2023年的39218元 is the level reached, and its period
    // holds on).
    let of_another = |p: &PeriodMention| {
        let before = if p.start > 0 { s[p.start - 1] } else { ' ' };
        s.get(p.end) == Some(&'的')
            && numbers::can_start(s, p.end + 1)
            && ((pos != p.end + 1 && matches!(before, '从' | '由')) || matches!(before, '是' | '为' | '于'))
    };
    periods.iter().rev().find(|p| {
        p.end <= pos
            && p.start >= floor
            && !baseline(p)
            && !adjusting(p)
            && !of_another(p)
            && (p.start >= sent_start || lead(p) || p.target_lead)
    })
}

/// Whether the period at `a..b` opens its paragraph as a target year: `到2026年，` at the
/// paragraph's start or right after a heading word and colon (主要目标：到2026年，).
fn opens_target_paragraph(s: &[char], a: usize, b: usize) -> bool {
    let Some(to) = a.checked_sub(1) else { return false };
    if !matches!(s[to], '到' | '至') || !matches!(s.get(b), Some('，' | ',')) {
        return false;
    }
    let para_start = (0..to).rev().find(|&k| s[k] == '\n').map(|k| k + 1).unwrap_or(0);
    let head = &s[para_start..to];
    head.iter().all(|c| c.is_whitespace()) || heading_word_before(head)
}

/// A heading word or speaker with its colon opening a paragraph (主要目标：, 答：, 王建国：).
fn heading_word_before(head: &[char]) -> bool {
    head.len() <= 12
        && matches!(head.last(), Some('：' | ':'))
        && head.iter().all(|c| crate::clean::is_han(*c) || matches!(c, '：' | ':' | '（' | '）' | ' '))
}

/// The last month a period covers, as `(year, month)`: `2024` → (2024, 12), `2024-01/2024-07`
/// → (2024, 7), `../2024-09-30` → (2024, 9).
fn period_end(iso: &str) -> Option<(i32, u32)> {
    let last = iso.rsplit('/').next()?;
    let year = last.get(..4)?.parse().ok()?;
    let month = match last.get(5..7) {
        Some(m) => m.parse().ok()?,
        None => 12,
    };
    Some((year, month))
}

fn find_periods(rules: &ClaimRules, f: &Folded, published: Option<&str>) -> Vec<PeriodMention> {
    let pub_year: Option<i32> = published.and_then(|p| p.get(..4)).and_then(|y| y.parse().ok());
    let pub_month: Option<u32> = published.and_then(|p| p.get(5..7)).and_then(|m| m.parse().ok());
    let mut out: Vec<PeriodMention> = Vec::new();
    let mut taken = vec![false; f.chars.len()];
    let scan = rules.period_scanner.scan(&f.string);
    let in_ranges = |k: usize| scan.ranges(k).into_iter().map(|r| (r.start, &f.string[r]));
    for (k, r) in rules.periods.iter().enumerate() {
        for (base, c) in in_ranges(k).flat_map(|(base, hay)| super::captures(&r.regex, hay).map(move |c| (base, c))) {
            let Some(m) = c.get(0) else { continue };
            let (mut a, b) = (f.char_at_byte(base + m.start()), f.char_at_byte(base + m.end()));
            // Patterns may open with optional parts and `\s*`: the mention starts at its first
            // visible char, never at the line break before it.
            while a < b && f.chars[a].is_whitespace() {
                a += 1;
            }
            if taken[a..b].iter().any(|t| *t) {
                continue; // an earlier (more specific) rule already covers it
            }
            // 比上年同期, 较去年, 比1-5月, 是2012年的2.4倍: a baseline, not the period of a
            // figure; its parts (5月) are not periods either.
            let measured_against = a > 0 && year_as_baseline(&f.chars, a - 1);
            if a > 0 && (matches!(f.chars[a - 1], '比' | '较' | '与' | '于' | '同' | '是') || measured_against) {
                taken[a..b].iter_mut().for_each(|t| *t = true);
                continue;
            }
            if let Some(iso) = resolve_period(&c, pub_year) {
                taken[a..b].iter_mut().for_each(|t| *t = true);
                let implicit_year = c.name("y").is_none() && c.name("plan").is_none();
                let unfinished = match (period_end(&iso), pub_year, pub_month) {
                    (Some(end), Some(y), Some(m)) => end > (y, m),
                    _ => false,
                };
                let prior =
                    if implicit_year && unfinished { resolve_period(&c, pub_year.map(|y| y - 1)) } else { None };
                let target_lead = opens_target_paragraph(&f.chars, a, b);
                out.push(PeriodMention { start: a, end: b, iso, prior, target_lead });
            }
        }
    }
    out.sort_by_key(|p| (p.end, p.start));
    out
}

fn cn_digit(s: &str) -> Option<u32> {
    s.chars().next().and_then(|c| c.to_digit(10).or_else(|| numbers::chinese_digit(c)))
}

fn resolve_period(c: &regex::Captures<'_>, pub_year: Option<i32>) -> Option<String> {
    let g = |n: &str| c.name(n).map(|m| m.as_str());
    let num = |n: &str| g(n).and_then(|v| v.trim_end_matches(['年', '月']).parse::<u32>().ok());
    if let Some(plan) = g("plan") {
        // 十一五 = 2006-2010 … 十五五 = 2026-2030
        let n = plan.chars().nth(1).and_then(numbers::chinese_digit)? as i32;
        let start = 2006 + (n - 1) * 5;
        return Some(format!("{start}/{}", start + 4));
    }
    if let (Some(a), Some(b)) = (num("y1"), num("y2")) {
        return (a < b).then(|| format!("{a:04}/{b:04}"));
    }
    let year = match g("y") {
        Some(y) if y.starts_with(['1', '2']) => y.trim_end_matches('年').parse::<i32>().ok(),
        Some("今年" | "本年" | "当年") => pub_year,
        Some("去年" | "上年") => pub_year.map(|y| y - 1),
        Some("前年") => pub_year.map(|y| y - 2),
        Some("明年") => pub_year.map(|y| y + 1),
        Some(_) => None,
        None => pub_year,
    }?;
    let ym = |m: u32| format!("{year:04}-{m:02}");
    if g("ye").is_some() {
        return Some(format!("../{year:04}-12-31"));
    }
    if g("end").is_some() {
        let m = num("m")?;
        if !(1..=12).contains(&m) {
            return None;
        }
        let d = num("d").unwrap_or_else(|| crate::clean::rules::days_in_month(year as u32, m));
        return Some(format!("../{year:04}-{m:02}-{d:02}"));
    }
    if let (Some(m1), Some(m2)) = (num("m1"), num("m2")) {
        if !(1..=12).contains(&m1) || !(1..=12).contains(&m2) || m1 > m2 {
            return None;
        }
        return Some(if m1 == m2 { ym(m1) } else { format!("{}/{}", ym(m1), ym(m2)) });
    }
    if let Some(n) = g("mn").and_then(|m| {
        m.parse::<u32>()
            .ok()
            .or_else(|| numbers::parse_whole(m, numbers::Mode::Normal).and_then(|d| u32::try_from(d.mantissa()).ok()))
    }) {
        return (1..=12).contains(&n).then(|| if n == 1 { ym(1) } else { format!("{}/{}", ym(1), ym(n)) });
    }
    if let Some(q) = g("qn").and_then(cn_digit).or_else(|| g("qn").filter(|q| *q == "两").map(|_| 2)) {
        return Some(format!("{}/{}", ym(1), ym(3 * q)));
    }
    if let Some(q) = g("q").or(g("qq")).and_then(cn_digit) {
        if (1..=4).contains(&q) {
            return Some(format!("{}/{}", ym(3 * q - 2), ym(3 * q)));
        }
    }
    if let Some(h) = g("half") {
        return Some(if h == "上" { format!("{}/{}", ym(1), ym(6)) } else { format!("{}/{}", ym(7), ym(12)) });
    }
    if let Some(m) = num("m") {
        return (1..=12).contains(&m).then(|| ym(m));
    }
    (g("y").is_some() || g("full").is_some()).then(|| format!("{year:04}"))
}

/// 全国居民消费价格上涨0.3%。其中，城市上涨0.3%，农村上涨0.2%: a sentence opened by 其中 breaks
/// the previous sentence's indicator down: a figure there named only by the place-like word
/// opening its clause (城市, 农村) is that part of it (城市居民消费价格).
fn sub_items_of_previous(rules: &ClaimRules, s: &[char], claims: &mut [Claim]) {
    for k in 1..claims.len() {
        let sentence = claims[k].sentence;
        if s.get(sentence[0]..sentence[0] + 2) != Some(&['其', '中'][..]) {
            continue;
        }
        // The place-like word opening the figure's clause (城市上涨0.3%), if any.
        let at = claims[k].span[0];
        let clause =
            (sentence[0]..at).rev().find(|&p| matches!(s[p], '，' | ',' | '；' | ';')).map_or(sentence[0], |p| p + 1);
        let opening = rules.not_places.at(s, clause).map(|(l, _)| s[clause..clause + l].iter().collect::<String>());
        let Some(part) = opening else { continue };
        if claims[k].metric.as_ref().is_some_and(|m| *m != part) {
            continue;
        }
        // The indicator of the sentence before.
        let Some(prev) = (0..k).rev().find(|&j| claims[j].sentence[1] <= sentence[0]) else { continue };
        let before = claims[prev].sentence;
        let parent =
            (0..=prev).rev().take_while(|&j| claims[j].sentence == before).find_map(|j| claims[j].metric.clone());
        if let Some(parent) = parent {
            claims[k].metric = Some(format!("{part}{parent}"));
        }
    }
}

/// `A、B、C分别增长5%、6%、7%`: pairs each figure after 分别 with its own item, and
/// gives the later figures the change (kind, sign, basis) stated for the first.
fn fan_out_respectively(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, claims: &mut [Claim]) {
    let s = &f.chars;
    let marker: Vec<char> = "分别".chars().collect();
    let ends_list = |c: char| matches!(c, '，' | ',' | '；' | ';' | '。' | '\n' | '！' | '？');
    let mut p = 0;
    while p + 1 < s.len() {
        if s[p..p + 2] != *marker.as_slice() {
            p += 1;
            continue;
        }
        let list_end = (p..s.len()).find(|&k| ends_list(s[k])).unwrap_or(s.len());
        let after: Vec<usize> =
            (0..claims.len()).filter(|&k| claims[k].span[0] > p && claims[k].span[0] < list_end).collect();
        let list_start = (0..p).rev().find(|&k| is_clause_break(s[k]) && s[k] != '、').map(|k| k + 1).unwrap_or(0);
        p += 2;
        if after.len() < 2 {
            continue;
        }
        // Items: split on 、 first; only if that does not match the count, on 和/及/与 too.
        let split = |seps: &[char]| -> Vec<(usize, usize)> {
            let mut items = Vec::new();
            let mut a = list_start;
            for (k, c) in s.iter().enumerate().take(p - 1).skip(list_start) {
                if k == p - 2 || seps.contains(c) {
                    if k > a {
                        items.push((a, k));
                    }
                    a = k + 1;
                }
            }
            items
        };
        // A达到86.1%，B达到66.5%，分别高于全国6.4和4.3个百分点: nothing listed before 分别 in its
        // clause, so the figures pair with as many figures just before, in the same sentence.
        if p - 2 == list_start {
            let sentence = claims[after[0]].sentence;
            let before: Vec<usize> =
                (0..after[0]).filter(|&k| claims[k].sentence == sentence && claims[k].span[1] <= p - 2).collect();
            if before.len() >= after.len() {
                let pairs = &before[before.len() - after.len()..];
                for (&src, &k) in pairs.iter().zip(&after) {
                    if claims[src].metric.is_some() {
                        claims[k].metric = claims[src].metric.clone();
                    }
                }
            }
        }
        let mut items = split(&['、']);
        if items.len() != after.len() {
            items = split(&['、', '和', '及', '与']);
        }
        // 城乡居民人均可支配收入分别为7.4万元和4.0万元: one item naming both parts.
        if let [(ia, ib)] = items.as_slice() {
            let lead = (*ia..*ib).find(|&k| !s[k].is_whitespace()).unwrap_or(*ia);
            if let Some((len, parts)) = rules.metric_pairs.at(s, lead).filter(|(_, p)| p.len() == after.len()) {
                let rest = drop_leading(rules, f.text(lead + len, *ib).trim().to_string());
                for (part, &k) in parts.iter().zip(&after) {
                    claims[k].metric = Some(format!("{part}{rest}"));
                }
            }
        }
        // 南京、苏州、无锡分别完成…; 上海、江苏和浙江省电厂的电价分别…: items that are places
        // are the figures' scopes; what the figures measure is said after them.
        let place_at = |a: usize, b: usize| {
            let a = (a..b).find(|&k| !s[k].is_whitespace()).unwrap_or(a);
            cx.words
                .iter()
                .find(|w| w.start == a && w.end <= b)
                .filter(|w| w.tag == "ns" && is_place_name(rules, &s[w.start..w.end]))
                .map(|w| w.end)
        };
        let places = items.len() == after.len()
            && items.split_last().is_some_and(|(&(la, lb), earlier)| {
                earlier.iter().all(|&(a, b)| place_at(a, b).is_some_and(|e| s[e..b].iter().all(|c| c.is_whitespace())))
                    && place_at(la, lb).is_some()
            });
        if places {
            let (la, lb) = items[items.len() - 1];
            let rest_start = place_at(la, lb).unwrap_or(lb);
            // Nothing after the last place: the metric is said after 分别, with the first figure.
            let rest = metric(rules, cx, f, rest_start, lb)
                .map(|m| m.text)
                .or_else(|| after.iter().find_map(|&k| claims[k].metric.clone()));
            for (&(ia, ib), &k) in items.iter().zip(&after) {
                let e = place_at(ia, ib).unwrap_or(ib);
                let a = (ia..e).find(|&q| !s[q].is_whitespace()).unwrap_or(ia);
                claims[k].scope = Some(f.text(a, e));
                if rest.is_some() {
                    claims[k].metric = rest.clone();
                }
            }
        } else if items.len() == after.len() {
            // 4G和5G用户, 城镇和农村居民人均可支配收入: one-word items before a longer last
            // one share its head (4G用户, 城镇居民人均可支配收入).
            let words_in = |a: usize, b: usize| cx.words.iter().filter(move |w| w.start >= a && w.end <= b);
            let head = items.split_last().and_then(|(&(la, lb), earlier)| {
                let last: Vec<&Word> = words_in(la, lb).collect();
                // One word each, and no places (上海、江苏和浙江省电厂 lists places, not indicators).
                let one_word = |&(a, b): &(usize, usize)| {
                    let w: Vec<&Word> = words_in(a, b).collect();
                    w.len() == 1 && w[0].tag != "ns"
                };
                let nouns = last.len() >= 2
                    && last[1..].iter().all(|w| f.slice(w.start, w.end) != "的")
                    && is_nounish(last[last.len() - 1].tag);
                (nouns && earlier.iter().all(one_word)).then(|| f.text(last[1].start, lb))
            });
            // 电子信息、装备制造、新材料三大产业增加值: the items share what follows 三大.
            let (la, lb) = items[items.len() - 1];
            let counted = (la..lb.saturating_sub(3))
                .find(|&q| numbers::chinese_digit(s[q]).is_some_and(|d| d as usize == items.len()) && s[q + 1] == '大');
            let (head, items) = match counted {
                Some(q) => {
                    let mut items = items;
                    if let Some(last) = items.last_mut() {
                        *last = (la, q);
                    }
                    (Some(f.text(q + 2, lb)), items)
                }
                None => (head, items),
            };
            let shared_by_all = counted.is_some();
            for (n, (&(ia, ib), &k)) in items.iter().zip(&after).enumerate() {
                let mut item = drop_leading(rules, f.text(ia, ib).trim().to_string());
                if let Some(h) = head.as_ref().filter(|_| shared_by_all || n + 1 < items.len()) {
                    item.push_str(h);
                }
                let m = if (2..=16).contains(&item.chars().count()) {
                    Some(item)
                } else {
                    metric(rules, cx, f, ia, ib).map(|m| m.text)
                };
                if m.is_some() {
                    claims[k].metric = m;
                }
            }
        }
        // 2016年-2018年的营业收入分别为A、B、C: one year each.
        let years = claims[after[0]].period.as_deref().and_then(|p| {
            let (a, b) = p.split_once('/')?;
            let (a, b): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
            (b - a + 1 == after.len() as i32 && after.iter().all(|&k| claims[k].period.as_deref() == Some(p)))
                .then_some(a)
        });
        if let Some(first_year) = years {
            for (n, &k) in after.iter().enumerate() {
                claims[k].period = Some(format!("{:04}", first_year + n as i32));
            }
        }
        // 分别比工业、高技术制造业高7.2个和3.8个百分点: one reference each.
        let listed = claims[after[0]].change.as_ref().and_then(|c| c.reference.clone()).filter(|r| {
            r.split('、').count() == after.len()
                && after.iter().all(|&k| claims[k].change.as_ref().and_then(|c| c.reference.as_ref()) == Some(r))
        });
        if let Some(r) = listed {
            // 低2.3个和1.6个百分点: the comparative before the first figure holds for all.
            let negative = claims[after[0]].value.is_sign_negative();
            for (item, &k) in r.split('、').zip(&after) {
                if let Some(c) = claims[k].change.as_mut() {
                    c.reference = Some(item.to_string());
                }
                if negative && claims[k].value.is_sign_positive() {
                    claims[k].value = -claims[k].value;
                }
            }
        }
        let first = after[0];
        if claims[first].kind == ClaimKind::Change {
            let (change, negative) = (claims[first].change.clone(), claims[first].value.is_sign_negative());
            for &k in &after[1..] {
                if claims[k].change.is_none() && claims[k].unit == claims[first].unit {
                    claims[k].kind = ClaimKind::Change;
                    claims[k].change = change.clone();
                    if negative && claims[k].value.is_sign_positive() {
                        claims[k].value = -claims[k].value;
                        claims[k].range = claims[k].range.map(|[a, b]| [-a, -b]);
                    }
                }
            }
        }
    }
}

/// A hedge written once before a list of figures hedges each (分别超过90%、75%; 不足3%和5%):
/// a figure right after another of the same unit, joined by 、/和/及/与 only, takes the
/// hedge that stands before the first.
fn share_list_qualifiers(rules: &ClaimRules, s: &[char], claims: &mut [Claim]) {
    for k in 1..claims.len() {
        let (a, b) = (claims[k - 1].span, claims[k].span);
        let joined = a[1] < b[0] && b[0] - a[1] == 1 && matches!(s[a[1]], '、' | '和' | '及' | '与');
        if !joined || claims[k].qualifier.is_some() || claims[k].unit != claims[k - 1].unit {
            continue;
        }
        if let Some((_, q)) = rules.qual_prefix.ending_at(s, a[0]).filter(|(_, q)| Some(*q) == claims[k - 1].qualifier)
        {
            claims[k].qualifier = Some(q);
        }
    }
}

/// Changes with no stated baseline take the one stated last in the same paragraph (a
/// release says 同比 once, then lists the components).
fn inherit_bases(s: &[char], claims: &mut [Claim]) {
    let mut last: Option<(usize, Change)> = None;
    for claim in claims.iter_mut() {
        let para = (0..claim.span[0]).rev().find(|&i| s[i] == '\n').map(|i| i + 1).unwrap_or(0);
        let Some(change) = claim.change.as_mut() else { continue };
        match (&change.basis, &last) {
            (Some(b), _) if *b != Basis::VsReference => last = Some((para, change.clone())),
            (None, Some((lp, prev))) if *lp == para => {
                change.basis = prev.basis;
            }
            _ => {}
        }
    }
}

/// Claims whose metric is missing inherit the previous figure's in the same sentence
/// (江苏制造业增加值达4.66万亿元，占全国14.1%). A duration names no indicator: after one,
/// the nearest earlier figure with the same unit gives it (粮食总产量750.6亿斤，连续10年稳定在
/// 700亿斤以上 → 700亿斤 is 粮食总产量), else the nearest that is not a duration.
fn inherit_metrics(claims: &mut [Claim], shares: &mut [bool]) {
    // 占GDP比重 (`shares`, from `metric`): a share of the previous figure's indicator.
    for k in 0..claims.len() {
        if !shares[k] {
            continue;
        }
        // A 分别 item may have replaced the metric since.
        let Some(m) = claims[k].metric.clone().filter(|m| m.starts_with('占')) else { continue };
        let sentence = claims[k].sentence;
        // A level, or a growth rate of one (投资增长10.1%，占制造业投资的比重为41.2%); not a
        // percentage-point change, which is of another share.
        let level = |j: usize| {
            matches!(claims[j].kind, ClaimKind::Amount | ClaimKind::Quantity | ClaimKind::Count)
                || (claims[j].kind == ClaimKind::Change && claims[j].unit.as_deref() != Some("pp"))
        };
        let whole = (0..k)
            .rev()
            .take_while(|&j| claims[j].sentence == sentence)
            .find(|&j| claims[j].metric.is_some() && !shares[j])
            .filter(|&j| level(j))
            .and_then(|j| claims[j].metric.clone());
        claims[k].metric = Some(match whole {
            Some(pm) => format!("{pm}{m}"),
            None => m.trim_start_matches('占').to_string(),
        });
        shares[k] = false;
    }
    for k in 1..claims.len() {
        if claims[k].metric.is_some() {
            continue;
        }
        let sentence = claims[k].sentence;
        let earlier = (0..k).rev().take_while(|&j| claims[j].sentence == sentence);
        let is_duration = |j: usize| claims[j].unit.as_deref() == Some("year");
        let source = match earlier.clone().next() {
            Some(j) if is_duration(j) => earlier
                .clone()
                .find(|&j| claims[j].unit.is_some() && claims[j].unit == claims[k].unit)
                .or_else(|| earlier.clone().find(|&j| !is_duration(j))),
            other => other,
        };
        if let Some(j) = source {
            if claims[j].metric.is_some() {
                claims[k].metric = claims[j].metric.clone();
                // 占全国14.1%、全球4.2%: the place before an inherited share is its reference
                // (a scope of a 分别 list of places stays).
                if claims[k].scope.is_none() || claims[k].kind == ClaimKind::Percent {
                    claims[k].scope = claims[j].scope.clone();
                }
            }
        }
    }
}

/// The noun chain right after a counted figure (6大传统行业 → 传统行业), up to the clause end.
fn metric_after(rules: &ClaimRules, cx: &Context<'_>, f: &Folded, from: usize) -> Option<String> {
    let lo = cx.words.partition_point(|w| w.start < from);
    let mut end = None;
    let words: Vec<Word> = cx.words[lo..].iter().take(12).map(|w| metric_word(rules, &f.chars, *w)).collect();
    let text_of = |w: &Word| f.slice(w.start, w.end);
    for (k, w) in words.iter().enumerate() {
        // 国家级智能制造示范工厂: attributes count while a noun follows them.
        let attr_then_noun = w.tag == "attr"
            && end.is_some()
            && words[k + 1..].iter().find(|n| n.tag != "attr").is_some_and(|n| is_nounish(n.tag));
        // 5个万亿级支柱产业: a class numeral with its 级.
        let class_word = |n: &Word| n.tag == "m" && text_of(n).ends_with('级');
        let class = class_word(w)
            || (w.tag == "m" && words.get(k + 1).is_some_and(|n| text_of(n) == "级" || class_word(n)))
            || (text_of(w) == "级" && k > 0 && words[k - 1].tag == "m");
        if is_nounish(w.tag) || attr_then_noun || class || (end.is_none() && matches!(w.tag, "a" | "b")) {
            end = Some(w.end);
        } else {
            break;
        }
    }
    let end = end?;
    let m: String = f.text(from, end);
    (2..=14).contains(&m.chars().count()).then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;
    use std::sync::LazyLock;

    static PIPE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::load(&crate::patterns::default_dir()).unwrap());

    /// Claims of one text as `text value unit kind qualifier`.
    pub(crate) fn claims_of(text: &str, published: Option<&str>) -> Vec<Claim> {
        let seg = PIPE.segmenter().segment(text);
        PIPE.extractor().extract(text, &seg, published, None).claims
    }

    /// `(text, value, unit)` of each quantity the number/unit layer reads.
    fn quantities(text: &str) -> Vec<(String, String, Option<String>)> {
        let chars: Vec<char> = text.chars().collect();
        scan_quantities(PIPE.extractor().claim_rules(), text)
            .into_iter()
            .map(|q| (chars[q.span[0]..q.span[1]].iter().collect(), q.value.to_string(), q.unit))
            .collect()
    }

    #[test]
    fn spaced_out_percent_words_and_generalized_per_prefixes() {
        let q = |t: &str| quantities(t).into_iter().map(|(t, v, _)| (t, v)).collect::<Vec<_>>();
        assert_eq!(q("百 分 之2.4"), [("百 分 之2.4".to_string(), "2.4".to_string())]);
        assert_eq!(q("２．４   个百分 点")[0].1, "2.4");
        assert_eq!(q("万万分之七")[0].1, "0.000007");
        assert_eq!(q("萬分之肆")[0].1, "0.04");
        // A digit before the places makes it a fraction read from the other side; a decimal
        // numerator makes it none.
        assert_eq!(q("五百分之二")[0].1, "0.4");
        assert!(q("五百分之2.2").iter().all(|(_, v)| v != "0.44"));
    }

    #[test]
    fn unit_tails_and_words_that_are_figures() {
        let q = |t: &str| quantities(t).into_iter().map(|(_, v, u)| (v, u)).collect::<Vec<_>>();
        let pct = |v: &str| (v.to_string(), Some("%".to_string()));
        assert_eq!(q("七成六"), [pct("76")]);
        assert_eq!(q("三成半"), [pct("35")]);
        assert_eq!(q("半成"), [pct("5")]);
        assert_eq!(q("打对折"), [pct("50")]);
        assert!(q("对折").is_empty());
        assert!(q("半成品").is_empty());
        assert_eq!(q("九 九 折"), [pct("99")]);
        assert_eq!(q("50元6角三分"), [("50.63".to_string(), Some("CNY".to_string()))]);
        assert_eq!(q("两美元又三美分"), [("2.03".to_string(), Some("USD".to_string()))]);
        // 分钟 is no money unit.
        assert_eq!(q("5元3分钟")[0].0, "5");
    }

    #[test]
    fn indicator_names_with_joins_class_suffixes_and_unwritten_shares() {
        let m = |t: &str| claims_of(t, Some("2024-10-18")).into_iter().map(|c| c.metric).collect::<Vec<_>>();
        assert_eq!(m("社会保障和就业支出32877亿元。")[0].as_deref(), Some("社会保障和就业支出"));
        assert_eq!(
            m("食品烟酒类价格同比上涨2.0%，影响CPI上涨约0.59个百分点。"),
            [Some("食品烟酒类价格".to_string()), Some("CPI".to_string())]
        );
        assert_eq!(
            m("一般贸易进出口21.01万亿元，占我国外贸总值的65%。")[1].as_deref(),
            Some("一般贸易进出口占外贸总值比重")
        );
        assert_eq!(m("地方一般公共预算本级收入92722亿元。")[0].as_deref(), Some("地方一般公共预算本级收入"));
    }

    #[test]
    fn first_place_shared_heads_and_period_references() {
        let c =
            claims_of("全省制造业增加值居全国首位。4G和5G用户分别达到1.2亿户和8000万户。产量较8月份增长12%。", None);
        assert_eq!(
            (c[0].kind, c[0].value.to_string(), c[0].scope.as_deref()),
            (ClaimKind::Rank, "1".into(), Some("全省"))
        );
        assert_eq!(c[1].metric.as_deref(), Some("4G用户"));
        assert_eq!(c[2].metric.as_deref(), Some("5G用户"));
        let change = c[3].change.as_ref().unwrap();
        assert_eq!((change.basis, change.reference.as_deref()), (Some(Basis::VsReference), Some("8月份")));
        // 首位 without a domain or ranking verb before it is no rank (摆在首位).
        assert!(claims_of("把安全摆在首位。", None).is_empty());
    }

    #[test]
    fn year_spans_and_one_year_per_listed_figure() {
        let c = claims_of(
            "在2020年至2024年间累计投资1.2万亿元。同盾科技2016年-2018年的营业收入分别为6066万元、2.61亿元、5.42亿元。",
            Some("2024-07-25"),
        );
        assert_eq!((c[0].period.as_deref(), c[0].modality), (Some("2020/2024"), Modality::Actual));
        let years: Vec<_> = c[1..].iter().map(|c| c.period.as_deref()).collect();
        assert_eq!(years, [Some("2016"), Some("2017"), Some("2018")]);
    }

    #[test]
    fn place_like_sub_items_break_the_previous_indicator_down() {
        let c = claims_of("全国居民消费价格同比上涨0.3%。其中，城市上涨0.3%，农村上涨0.2%；食品价格上涨2.9%。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("居民消费价格"), Some("城市居民消费价格"), Some("农村居民消费价格"), Some("食品价格")]);
    }

    #[test]
    fn one_item_naming_two_parts_fans_out() {
        let c = claims_of("城乡居民人均可支配收入分别为7.4万元和4.0万元，分别增长4.6%和6.5%。", None);
        let m: Vec<_> = c.iter().map(|c| c.metric.as_deref().unwrap_or("-")).collect();
        assert_eq!(
            m,
            ["城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇居民人均可支配收入", "农村居民人均可支配收入"]
        );
    }

    #[test]
    fn rough_ranges_are_ranges() {
        let c = claims_of("全省二三十家龙头企业参与，十七八万人参加，一百五六十家企业。", None);
        let got: Vec<_> =
            c.iter().map(|c| (c.value.to_string(), c.range.map(|r| r[1].to_string()), c.qualifier)).collect();
        assert_eq!(
            got,
            [
                ("20".to_string(), Some("30".to_string()), Some(Qualifier::About)),
                ("170000".to_string(), Some("180000".to_string()), Some(Qualifier::About)),
                ("150".to_string(), Some("160".to_string()), Some(Qualifier::About)),
            ]
        );
    }

    #[test]
    fn a_month_lead_carries_over_and_a_baseline_is_no_period() {
        let c = claims_of("9月份，我国进出口3.8万亿元。其中，出口2.21万亿元。", Some("2024-10-14"));
        assert_eq!(c[1].period.as_deref(), Some("2024-09"));
        let c = claims_of("1-9月，全国收入16亿元，扣除去年同期基数影响后，可比增长0.6%左右。", Some("2024-10-18"));
        assert_eq!(c[1].period.as_deref(), Some("2024-01/2024-09"));
    }

    #[test]
    fn first_months_is_a_period_not_a_duration() {
        let c = claims_of("今年前4个月，我国货物贸易进出口总值13.81万亿元，同比增长5.7%。", Some("2024-05-09"));
        let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["13.81万亿元", "5.7%"]);
        assert!(c.iter().all(|c| c.period.as_deref() == Some("2024-01/2024-04")));
    }

    #[test]
    fn newly_added_is_a_count_not_a_change() {
        let c = claims_of("海关总署新增17项便利措施。", None);
        assert_eq!((c[0].kind, c[0].metric.as_deref()), (ClaimKind::Count, Some("便利措施")));
    }

    #[test]
    fn month_words_do_not_lead_a_metric() {
        let c = claims_of("4月份进出口3.64万亿元，其中出口额增长8%。", Some("2024-05-09"));
        assert_eq!(c[0].metric.as_deref(), Some("进出口"));
        assert_eq!(c[0].period.as_deref(), Some("2024-04"));
        assert_eq!(c[1].metric.as_deref(), Some("出口额"));
    }

    #[test]
    fn lead_period_on_a_new_line_carries_over() {
        let c = claims_of(
            "上半年，全省地区生产总值6.3万亿元。\n1—6月，全省规上工业增加值同比增长7.9%，降幅比1-5月收窄1.3个百分点。",
            Some("2024-07-18"),
        );
        assert!(c.iter().all(|c| c.period.as_deref() == Some("2024-01/2024-06")), "{c:?}");
    }

    #[test]
    fn a_year_left_unwritten_is_the_last_one_that_ended() {
        // A bulletin of March reports the previous year; a target keeps the current one.
        let c = claims_of("全年粮食总产量3800.6万吨。全年目标是粮食总产量达到3900万吨。", Some("2025-03-10"));
        assert_eq!(c[0].period.as_deref(), Some("2024"));
        assert_eq!(c[1].period.as_deref(), Some("2025"));
        assert_eq!(c[1].modality, Modality::Target);
        let c = claims_of("1-11月，规上工业增加值增长6.1%。", Some("2025-01-05"));
        assert_eq!(c[0].period.as_deref(), Some("2024-01/2024-11"));
        // Ended by publication, or written with its year: as written.
        let c = claims_of("1-7月，规上工业增加值增长8.2%。全年接待游客2亿人次。", Some("2024-12-20"));
        assert_eq!(c[0].period.as_deref(), Some("2024-01/2024-07"));
        assert_eq!(c[1].period.as_deref(), Some("2024"));
        let c = claims_of("2025年全年地区生产总值增长5%。", Some("2025-03-10"));
        assert_eq!(c[0].period.as_deref(), Some("2025"));
    }

    #[test]
    fn a_target_year_opening_a_paragraph_holds_for_the_paragraph() {
        let c = claims_of(
            "主要目标：到2026年，全省数字经济核心产业增加值占GDP比重达到13%。培育千亿级产业集群15个。\n全省共有产业集群12个。",
            Some("2024-06-18"),
        );
        assert_eq!((c[1].period.as_deref(), c[1].modality), (Some("2026"), Modality::Target));
        assert_eq!((c[2].period.as_deref(), c[2].modality), (None, Modality::Actual));
        // Not a paragraph's lead: stays in its sentence.
        let c = claims_of("全省产值增长8%，到2026年达到1万亿元。培育企业15家。", Some("2024-06-18"));
        assert_eq!(c[2].modality, Modality::Actual);
    }

    #[test]
    fn indicator_names_run_through_attributes_and_mistagged_nouns() {
        let metrics =
            |t: &str| claims_of(t, None).into_iter().map(|c| c.metric.unwrap_or_default()).collect::<Vec<_>>();
        assert_eq!(metrics("国有控股企业增长5.5%，民营企业增长7.8%。"), ["国有控股企业", "民营企业"]);
        assert_eq!(metrics("工业互联网平台连接设备数突破1亿台。"), ["工业互联网平台连接设备数"]);
        assert_eq!(metrics("实现国内旅游收入1.26万亿元。"), ["国内旅游收入"]);
        assert_eq!(metrics("培育千亿级产业集群15个、百亿级企业50家。"), ["千亿级产业集群", "百亿级企业"]);
        assert_eq!(metrics("其中风电、光伏装机分别为2263万千瓦和6014万千瓦。"), ["风电", "光伏装机"]);
        assert_eq!(metrics("规上工业企业实现营业收入5.82万亿元。"), ["营业收入"]);
        assert_eq!(metrics("规模以上工业增加值年均增长6%以上。"), ["规模以上工业增加值"]);
        // Place-like words open metrics (城镇人口) and are no scope; nor is a one-character place.
        let c = claims_of("其中，城镇人口6590万人。三年内推动1万家以上企业上云用云。", None);
        assert_eq!((c[0].metric.as_deref(), c[0].scope.as_deref()), (Some("城镇人口"), None));
        assert_eq!(c[1].scope, None);
    }

    #[test]
    fn shares_through_de_counted_things_after_the_figure_and_years_measured_against() {
        let c = claims_of("技术改造投资增长10.1%，占制造业投资的比重为41.2%。", None);
        assert_eq!(c[1].metric.as_deref(), Some("技术改造投资占制造业投资比重"));
        let c = claims_of("累计建成421家国家级智能制造示范工厂。", None);
        assert_eq!(c[0].metric.as_deref(), Some("国家级智能制造示范工厂"));
        let c = claims_of("入境游客人数恢复到2019年的九成以上。", Some("2025-07-15"));
        assert_eq!((c[0].period.as_deref(), c[0].modality), (None, Modality::Actual));
        let c = claims_of("居民人均可支配收入从2012年的16510元增至2023年的39218元。", None);
        assert_eq!(c[1].period.as_deref(), Some("2023"));
    }

    #[test]
    fn bare_hundreds_and_thousands_cutoff_dates_and_rises_of_the_previous_indicator() {
        let c = claims_of("全年完成投资超过千亿元，引进项目百余个。百姓生活千方百计改善。", None);
        let v: Vec<(&str, String)> = c.iter().map(|c| (c.text.as_str(), c.value.to_string())).collect();
        assert_eq!(v, [("千亿元", "100000000000".to_string()), ("百余个", "100".to_string())]);
        let c = claims_of("截至2024年6月底，全省累计发放稳岗返还资金15.6亿元。", Some("2024-07-10"));
        assert_eq!(c[0].modality, Modality::Actual);
        let c = claims_of("CPI同比上涨0.5%，涨幅比上月扩大0.3个百分点。", None);
        assert_eq!(c[1].metric.as_deref(), Some("CPI"));
        let c = claims_of("新建改造农村公路1200公里，惠及企业32.4万户次。", None);
        assert_eq!((c[0].scope.as_deref(), c[1].scope.as_deref()), (None, None));
    }

    #[test]
    fn comparative_after_the_reference() {
        let c = claims_of("增长5.8%，增速比全省高0.4个百分点，比全国低0.3个百分点。", None);
        let refs: Vec<(String, Option<String>)> = c[1..]
            .iter()
            .map(|c| (c.value.to_string(), c.change.as_ref().and_then(|ch| ch.reference.clone())))
            .collect();
        assert_eq!(refs, [("0.4".into(), Some("全省".into())), ("-0.3".into(), Some("全国".into()))]);
    }

    #[test]
    fn how_a_change_is_measured_is_not_its_metric() {
        let c = claims_of(
            "一般公共预算收入5123.4亿元，同口径增长4.1%。全体居民人均可支配收入26543元，同比名义增长5.3%，扣除价格因素实际增长5.0%。",
            None,
        );
        let m: Vec<&str> = c.iter().map(|c| c.metric.as_deref().unwrap_or("-")).collect();
        assert_eq!(
            m,
            [
                "一般公共预算收入",
                "一般公共预算收入",
                "全体居民人均可支配收入",
                "全体居民人均可支配收入",
                "全体居民人均可支配收入"
            ]
        );
    }

    #[test]
    fn asides_durations_and_shares() {
        let c = claims_of("6月份，制造业采购经理指数（PMI）为50.2%，比上月上升0.4个百分点。", Some("2024-07-18"));
        assert_eq!(c[0].metric.as_deref(), Some("制造业采购经理指数"));
        assert_eq!(c[1].metric.as_deref(), Some("制造业采购经理指数"));
        let c = claims_of("全省粮食总产量达到750.6亿斤，连续10年稳定在700亿斤以上。", None);
        assert_eq!(c[2].metric.as_deref(), Some("粮食总产量"));
        let c = claims_of("到2025年，数字经济核心产业增加值占GDP比重达到12%左右。", Some("2024-07-18"));
        assert_eq!(c[0].metric.as_deref(), Some("数字经济核心产业增加值占GDP比重"));
        assert_eq!(c[0].modality, Modality::Target);
        let c = claims_of("城镇新增就业67.3万人，完成年度目标的53.8%。", None);
        assert_eq!(c[0].metric.as_deref(), Some("城镇新增就业"));
        assert_eq!(c[1].modality, Modality::Actual);
    }

    #[test]
    fn the_headline_period_applies_to_figures_without_one() {
        let text = "社会消费品零售总额2.3万亿元，同比增长6.1%。到2025年，力争达到3万亿元。";
        let seg = PIPE.segmenter().segment(text);
        let c = PIPE.extractor().extract(text, &seg, Some("2024-07-18"), Some("2024年上半年全省经济运行情况")).claims;
        assert_eq!(c[0].period.as_deref(), Some("2024-01/2024-06"));
        assert_eq!(c[1].period.as_deref(), Some("2024-01/2024-06"));
        assert_eq!(c[2].period.as_deref(), Some("2025"));
    }

    #[test]
    fn respectively_after_two_figures_and_a_shared_unit() {
        let c = claims_of(
            "研发设计工具普及率达到86.1%，关键工序数控化率达到66.5%，分别高于全国平均水平6.4和4.3个百分点。",
            None,
        );
        assert_eq!(c.len(), 4);
        assert_eq!((c[2].text.as_str(), c[2].unit.as_deref(), c[2].kind), ("6.4", Some("pp"), ClaimKind::Change));
        assert_eq!(c[2].metric.as_deref(), Some("研发设计工具普及率"));
        assert_eq!(c[3].metric.as_deref(), Some("关键工序数控化率"));
        assert_eq!(c[3].change.as_ref().and_then(|ch| ch.reference.as_deref()), Some("全国"));
        // Listed years are dates, not a shared unit.
        assert!(claims_of("数据行业从2013、2014年就开始兴起，在2017-2018年迎来大爆发。", None).is_empty());
    }

    #[test]
    fn shares_quotes_and_leading_verbs() {
        let c = claims_of("数字经济核心产业营业收入达到1.2万亿元，占GDP比重为10.2%。", None);
        assert_eq!(c[1].metric.as_deref(), Some("数字经济核心产业营业收入占GDP比重"));
        let c = claims_of("累计培育国家级专精特新“小巨人”企业1200余家。", None);
        assert_eq!(c[0].metric.as_deref(), Some("国家级专精特新“小巨人”企业"));
        let c = claims_of("力争培育省级智能工厂300家左右。", None);
        assert_eq!(c[0].metric.as_deref(), Some("省级智能工厂"));
        let c = claims_of("1—4月平均，全国居民消费价格比上年同期上涨0.1%。", None);
        assert_eq!(c[0].metric.as_deref(), Some("居民消费价格"));
    }

    #[test]
    fn basis_points_hours_and_digits_after_a_scale() {
        let c = claims_of("一年期LPR下调25个基点，近4个小时，还有1.7亿65周岁及以上人口，1亿2000万元。", None);
        let t: Vec<(&str, String, Option<&str>)> =
            c.iter().map(|c| (c.text.as_str(), c.value.to_string(), c.unit.as_deref())).collect();
        assert_eq!(t[0], ("25个基点", "-0.25".to_string(), Some("pp")));
        assert_eq!(t[1], ("4个小时", "4".to_string(), Some("h")));
        assert_eq!(t[2].0, "1.7亿");
        assert_eq!(t[3], ("1亿2000万元", "120000000".to_string(), Some("CNY")));
    }

    #[test]
    fn a_metric_that_starts_with_zhan_is_not_a_share() {
        let c = claims_of("该项目总投资5亿元，占地面积120亩。", None);
        assert_eq!(c[1].metric.as_deref(), Some("占地面积"));
    }

    #[test]
    fn a_hedge_on_the_copula_hedges_the_figure() {
        let c = claims_of("出口额达到3000亿美元，约占全国的15%。", None);
        assert_eq!(c[1].qualifier, Some(Qualifier::About));
        let c = claims_of("出口额占全国的15%。", None);
        assert_eq!(c[0].qualifier, None);
    }

    #[test]
    fn a_period_range_after_bi_is_the_reference() {
        let c = claims_of("规上工业增加值增长7.5%，增速比1-7月加快0.3个百分点。", None);
        let change = c[1].change.as_ref().unwrap();
        assert_eq!((change.basis, change.reference.as_deref()), (Some(Basis::VsReference), Some("1-7月")));
    }

    #[test]
    fn what_a_multiple_is_of_is_no_metric() {
        let c = claims_of("新能源汽车产量达到45.6万辆，是去年同期的1.8倍。", None);
        assert_eq!(c[1].metric.as_deref(), Some("新能源汽车产量"));
    }

    #[test]
    fn a_verb_before_a_measure_word_is_part_of_the_name() {
        let c = claims_of("二手车交易量较2023年增长45%，废旧家电回收量较2023年增长30%。", None);
        assert_eq!(c[1].metric.as_deref(), Some("家电回收量"));
    }

    #[test]
    fn a_lead_period_after_a_speaker_carries_over() {
        let c = claims_of("答：上半年，全省进出口2.61万亿元。其中，出口1.93万亿元。", Some("2024-07-25"));
        assert_eq!(c[1].period.as_deref(), Some("2024-01/2024-06"));
    }

    #[test]
    fn latin_names_and_ranking_words_in_metrics() {
        let c = claims_of("全省R&D经费投入强度达到2.8%左右，工业互联网发展指数排名第5位。", None);
        assert_eq!(c[0].metric.as_deref(), Some("R&D经费投入强度"));
        assert_eq!(c[1].metric.as_deref(), Some("工业互联网发展指数"));
    }

    #[test]
    fn table_rows_become_figures_under_their_header() {
        let t = "指标\t单位\t绝对值\t同比增长(%)\n地区生产总值\t亿元\t12345.6\t5.2\n工业\t—\t—\t—\n投资\t—\t—\t-1.3";
        let c = claims_of(t, None);
        let got: Vec<(String, String, Option<String>, ClaimKind)> =
            c.iter().map(|c| (c.text.clone(), c.value.to_string(), c.metric.clone(), c.kind)).collect();
        let m = |s: &str| Some(s.to_string());
        assert_eq!(
            got,
            [
                ("12345.6".into(), "1234560000000".into(), m("地区生产总值"), ClaimKind::Amount),
                ("5.2".into(), "5.2".into(), m("地区生产总值"), ClaimKind::Change),
                ("-1.3".into(), "-1.3".into(), m("投资"), ClaimKind::Change),
            ]
        );
        assert_eq!(c[1].change.as_ref().and_then(|ch| ch.basis), Some(Basis::Yoy));
    }

    #[test]
    fn a_hedge_before_a_list_hedges_each_figure() {
        let c = claims_of("数字化研发设计工具普及率、关键工序数控化率分别超过90%、75%。", None);
        assert_eq!((c[0].qualifier, c[1].qualifier), (Some(Qualifier::Over), Some(Qualifier::Over)));
        let c = claims_of("普及率超过90%，数控化率75%。", None);
        assert_eq!(c[1].qualifier, None, "a comma ends the list");
    }

    #[test]
    fn classifiers_in_a_list_of_points_and_listed_references() {
        let c =
            claims_of("电子信息制造业增加值增长13.1%，增速分别比同期工业、高技术制造业高7.2个和3.8个百分点。", None);
        assert_eq!(c.len(), 3);
        for (k, reference) in [(1, "工业"), (2, "高技术制造业")] {
            assert_eq!((c[k].unit.as_deref(), c[k].kind), (Some("pp"), ClaimKind::Change));
            assert_eq!(c[k].metric.as_deref(), Some("电子信息制造业增加值"));
            assert_eq!(c[k].change.as_ref().and_then(|ch| ch.reference.as_deref()), Some(reference));
        }
        assert_eq!(c[1].surface_unit.as_deref(), Some("个百分点"));
        let c = claims_of("增加值增长3.5%，增速分别比同期第二产业、第三产业低2.3个和1.6个百分点。", None);
        assert_eq!((c[1].value, c[2].value), (Decimal::new(-23, 1), Decimal::new(-16, 1)));
        // A classifier that stays one: 3个和5个项目.
        assert_eq!(claims_of("新建3个和5个项目。", None)[0].unit.as_deref(), Some("count"));
    }

    #[test]
    fn per_head_names_measure_words_and_harvest_changes() {
        let c = claims_of("每万人口高价值发明专利拥有量达到12.8件，每万人拥有5G基站数达到26个。", None);
        assert_eq!(c[0].metric.as_deref(), Some("每万人口高价值发明专利拥有量"));
        assert_eq!(c[1].metric.as_deref(), Some("每万人拥有5G基站数"));
        let c = claims_of("农作物耕种收综合机械化率达到80.5%。早稻产量128.3亿斤，减产0.9%。", None);
        assert_eq!(c[0].metric.as_deref(), Some("综合机械化率"));
        assert_eq!(
            (c[2].kind, c[2].value, c[2].metric.as_deref()),
            (ClaimKind::Change, Decimal::new(-9, 1), Some("早稻产量"))
        );
    }

    #[test]
    fn false_target_cues_and_phrases_that_set_targets() {
        let c = claims_of("我国累计建成5G行业虚拟专网超过3万个。全省拟投资50亿元。", None);
        assert_eq!((c[0].modality, c[1].modality), (Modality::Actual, Modality::Target));
        let c = claims_of("会议要求，今冬明春全县要完成小麦播种40万亩以上。", None);
        assert_eq!(c[0].modality, Modality::Target);
        let c = claims_of("19项达到或超过预期进度，占76%。", None);
        assert!(c.iter().all(|c| c.modality == Modality::Actual));
    }

    #[test]
    fn a_list_of_places_gives_each_figure_its_scope() {
        let c = claims_of("南京、苏州、无锡分别完成地区生产总值1.8万亿元、2.5万亿元和1.6万亿元。", None);
        let got: Vec<(Option<&str>, Option<&str>)> =
            c.iter().map(|c| (c.scope.as_deref(), c.metric.as_deref())).collect();
        assert_eq!(
            got,
            [
                (Some("南京"), Some("地区生产总值")),
                (Some("苏州"), Some("地区生产总值")),
                (Some("无锡"), Some("地区生产总值"))
            ]
        );
    }

    #[test]
    fn items_share_what_follows_their_count() {
        let c = claims_of("电子信息、装备制造、新材料三大产业增加值分别增长15.2%、10.8%和9.6%。", None);
        let m: Vec<Option<&str>> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("电子信息产业增加值"), Some("装备制造产业增加值"), Some("新材料产业增加值")]);
    }

    #[test]
    fn verbs_after_the_clause_verb_modify_the_indicator() {
        let c =
            claims_of("全省发放稳岗返还资金18.7亿元，累计发放创业担保贷款156.3亿元，企业实现营业收入1.2万亿元。", None);
        let m: Vec<Option<&str>> = c.iter().map(|c| c.metric.as_deref()).collect();
        assert_eq!(m, [Some("稳岗返还资金"), Some("创业担保贷款"), Some("营业收入")]);
        let c = claims_of("每年滚动推进1000个以上重大项目。", None);
        assert_eq!(c[0].metric.as_deref(), Some("重大项目"), "past the hedge after the unit");
    }

    #[test]
    fn one_period_stated_holds_for_the_whole_release() {
        let c = claims_of("2024年全省粮食总产量438.6亿斤。\n其中，早稻产量128.3亿斤。", Some("2024-12-13"));
        assert_eq!(c[1].period.as_deref(), Some("2024"));
        let c = claims_of("2024年粮食总产量438.6亿斤。\n1-11月，工业增长5%。\n早稻产量128.3亿斤。", Some("2024-12-13"));
        assert_eq!(c[2].period, None, "two periods: the rest stays unknown");
    }

    #[test]
    fn names_holding_a_list() {
        let c = claims_of("制造业增长8.6%，电力、热力、燃气及水生产和供应业增长4.9%。", None);
        assert_eq!(c[1].metric.as_deref(), Some("电力、热力、燃气及水生产和供应业"));
        let c = claims_of("已设立海南热带雨林、武夷山首批5个国家公园。", None);
        assert_eq!(c[0].metric.as_deref(), Some("国家公园"));
    }

    #[test]
    fn a_release_about_one_place_scopes_its_other_figures() {
        let t = "全国居民消费价格同比上涨0.3%。\n全国工业生产者出厂价格下降2.8%。\n全国城镇调查失业率为5.0%。\n食品价格上涨1.2%。";
        let c = claims_of(t, None);
        assert_eq!(c[3].scope.as_deref(), Some("全国"));
        let c = claims_of("南京市增长7.1%。\n苏州市增长9.3%。\n食品价格上涨1.2%。", None);
        assert_eq!(c[2].scope, None, "no place dominates");
    }

    #[test]
    fn datelines_name_no_scope() {
        let c = claims_of("新华社北京9月12日电 截至7月底，5G基站占移动基站总数的32.1%。", None);
        assert_eq!(c[0].scope, None);
    }

    #[test]
    fn the_start_of_a_rise_keeps_its_period_to_itself() {
        let c = claims_of("2023年，研发经费投入强度从2020年的2.1%提高到2.65%。", None);
        assert_eq!((c[0].period.as_deref(), c[1].period.as_deref()), (Some("2020"), Some("2023")));
        let c = claims_of("收入从2012年的16510元增至2023年的39218元，是2012年的2.4倍。", None);
        assert_eq!(c[1].period.as_deref(), Some("2023"));
        assert_eq!(c[2].period.as_deref(), Some("2023"));
    }

    #[test]
    fn counted_things_after_de_and_class_numerals() {
        let c = claims_of("规划纲要确定的25项主要指标中，19项达到预期。", None);
        assert_eq!(c[0].metric.as_deref(), Some("主要指标"));
        let c = claims_of("打造5个万亿级支柱产业、10个五千亿级优势产业。", None);
        assert_eq!(c[0].metric.as_deref(), Some("万亿级支柱产业"));
        assert_eq!(c[1].metric.as_deref(), Some("五千亿级优势产业"));
        let c = claims_of("粮食总产量438.6亿斤，连续12年稳定在430亿斤以上。", None);
        assert_eq!(c[1].metric.as_deref(), Some("粮食总产量"), "a duration counts nothing after it");
        let c = claims_of("“新三样”产品出口1286亿元。", None);
        assert_eq!(c[0].metric.as_deref(), Some("“新三样”产品出口"));
    }

    #[test]
    #[ignore = "debugging aid: T='…' cargo test debug_one -- --ignored --nocapture"]
    fn debug_one() {
        let t = std::env::var("T").unwrap_or_else(|_| "非食品价格上涨0.9%".into());
        let seg = PIPE.segmenter().segment(&t);
        let w: Vec<String> = seg
            .words
            .iter()
            .map(|w| format!("{}/{}", t.chars().skip(w.start).take(w.end - w.start).collect::<String>(), w.tag))
            .collect();
        eprintln!("{}", w.join(" "));
        let f = crate::extract::Folded::new(&t);
        for p in find_periods(PIPE.extractor().claim_rules(), &f, Some("2024-08-28")) {
            eprintln!("period {} {}..{} {}", f.slice(p.start, p.end), p.start, p.end, p.iso);
        }
        for c in claims_of(&t, Some("2024-08-28")) {
            eprintln!(
                "{} {} {:?} {:?} {:?} | {:?} | {:?} {:?}",
                c.text, c.value, c.kind, c.qualifier, c.change, c.metric, c.scope, c.period
            );
        }
    }
}
