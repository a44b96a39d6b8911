//! Invariants every document and every reading of a text must hold, whatever the input.
//! One copy, used by the fuzz targets (`fuzz/fuzz_targets`, through `#[path]`), by the stable
//! fuzz smoke test (`tests/fuzz_smoke.rs`) and by the property tests (`tests/properties.rs`).
//! Each function panics, naming the broken invariant, on the first violation.

#![allow(dead_code)]

use pressmine::extract::numbers::Literal;
use pressmine::model::{Claim, Document, Initiative, Span};
use rust_decimal::Decimal;

/// A document: sentences tile its text, claims and initiatives lie inside it, values are
/// exact and weights finite.
pub fn document(doc: &Document) {
    let chars: Vec<char> = doc.text.chars().collect();
    sentences_tile(&chars, &doc.sentences);
    let extracted: Vec<Claim> = doc.claims.iter().map(|k| k.claim.clone()).collect();
    claims(&chars, &extracted);
    for c in &doc.claims {
        assert!(
            doc.sentences.contains(&c.sentence),
            "claim {:?}: sentence {:?} is none of the document's",
            c.text,
            c.sentence
        );
    }
    initiatives(&chars, &doc.initiatives);
    turns(doc, chars.len());
    for k in &doc.keywords {
        assert!(k.weight.is_finite(), "keyword {:?} has weight {}", k.word, k.weight);
        assert!(!k.word.is_empty(), "empty keyword");
    }
}

/// Turns are consecutive, non-empty and end with the text; a claim's turn holds it and names
/// its speaker; initiative mentions carry one turn each, or none without turns.
pub fn turns(doc: &Document, len: usize) {
    for w in doc.turns.windows(2) {
        assert_eq!(w[0].span[1], w[1].span[0], "turns {:?} and {:?} are not consecutive", w[0].span, w[1].span);
    }
    for t in &doc.turns {
        assert!(t.span[0] < t.span[1], "empty turn {:?}", t.span);
    }
    if let Some(last) = doc.turns.last() {
        assert_eq!(last.span[1], len, "the last turn ends at {} in a text of {len} chars", last.span[1]);
    }
    for c in &doc.claims {
        match c.said.turn {
            Some(i) => {
                let t = doc.turns.get(i).unwrap_or_else(|| panic!("claim {:?} names turn {i} of none", c.text));
                assert!(t.span[0] <= c.span[0] && c.span[0] < t.span[1], "claim {:?} outside its turn", c.text);
                assert_eq!(c.said.speaker, t.speaker, "claim {:?} speaker", c.text);
            }
            None => assert!(c.said.speaker.is_none() && !c.said.in_question, "claim {:?} outside turns", c.text),
        }
    }
    for i in &doc.initiatives {
        let n = if doc.turns.is_empty() { 0 } else { i.mentions.len() };
        assert_eq!((i.mention_turns.len(), i.mention_speakers.len()), (n, n), "initiative {:?} mention turns", i.name);
    }
}

/// Sentences are non-empty, in order, non-overlapping and trimmed, and together with white
/// space alone they cover the text: every other character lies in exactly one sentence.
pub fn sentences_tile(chars: &[char], sentences: &[Span]) {
    let mut at = 0;
    for s in sentences {
        assert!(s[0] < s[1] && s[1] <= chars.len(), "sentence {s:?} outside a text of {} chars", chars.len());
        assert!(s[0] >= at, "sentence {s:?} overlaps or precedes the one before (ending {at})");
        let gap = &chars[at..s[0]];
        assert!(
            gap.iter().all(|c| c.is_whitespace()),
            "text {:?} before sentence {s:?} is in no sentence",
            String::from_iter(gap)
        );
        assert!(
            !chars[s[0]].is_whitespace() && !chars[s[1] - 1].is_whitespace(),
            "sentence {s:?} starts or ends with white space"
        );
        at = s[1];
    }
    let rest = &chars[at..];
    assert!(
        rest.iter().all(|c| c.is_whitespace()),
        "text {:?} after the last sentence is in no sentence",
        String::from_iter(rest)
    );
}

/// A decimal is exact as pressmine writes it: its text reads back as the same value, and the
/// JSON number written for it is that text.
pub fn exact(what: &str, d: Decimal) {
    let text = d.to_string();
    assert_eq!(text.parse::<Decimal>().ok(), Some(d), "{what}: {d} does not read back exactly");
}

/// Claims: each span slices its text, lies in its sentence, and values (and range ends) are
/// exact decimals, written to JSON without loss.
pub fn claims(chars: &[char], claims: &[Claim]) {
    for c in claims {
        let [a, b] = c.span;
        assert!(
            a < b && b <= chars.len(),
            "claim {:?} span {:?} outside a text of {} chars",
            c.text,
            c.span,
            chars.len()
        );
        assert_eq!(String::from_iter(&chars[a..b]), c.text, "claim text is not the text at its span {:?}", c.span);
        assert!(
            c.sentence[0] <= a && b <= c.sentence[1],
            "claim {:?} {:?} outside its sentence {:?}",
            c.text,
            c.span,
            c.sentence
        );
        exact(&c.text, c.value);
        if let Some([lo, hi]) = c.range {
            exact(&c.text, lo);
            exact(&c.text, hi);
        }
        #[derive(serde::Deserialize)]
        struct Raw<'a> {
            #[serde(borrow)]
            value: &'a serde_json::value::RawValue,
        }
        let json = serde_json::to_string(c).expect("a claim serializes");
        let raw: Raw = serde_json::from_str(&json).expect("a claim's JSON reads back");
        assert_eq!(raw.value.get(), c.value.to_string(), "claim {:?}: JSON value is not the exact decimal", c.text);
    }
}

/// Initiatives: named, with every mention a non-empty span inside the text.
pub fn initiatives(chars: &[char], initiatives: &[Initiative]) {
    for i in initiatives {
        assert!(!i.name.is_empty() && !i.full_name.is_empty(), "initiative without a name: {i:?}");
        assert!(!i.mentions.is_empty(), "initiative {:?} without a mention", i.name);
        for m in &i.mentions {
            assert!(
                m[0] < m[1] && m[1] <= chars.len(),
                "initiative {:?} mention {m:?} outside a text of {} chars",
                i.name,
                chars.len()
            );
        }
    }
}

/// Literals read from a text: in order, non-overlapping, inside it, with exact values.
pub fn literals(text: &str, lits: &[Literal]) {
    let n = text.chars().count();
    let mut at = 0;
    for l in lits {
        assert!(l.start >= at && l.start < l.end && l.end <= n, "literal {l:?} in {text:?}");
        exact("literal", l.value);
        if let Some(h) = l.high {
            exact("literal high", h);
        }
        at = l.end;
    }
}

/// Everything that reads a string: whole-string parsing in every mode, the literal and
/// number readers, and extraction (claims inside their sentences, initiatives inside the text).
pub fn recognize(pipe: &pressmine::pipeline::Pipeline, text: &str) {
    use pressmine::extract::numbers::{find_literals, find_numbers, parse_whole, Mode};
    for m in [Mode::Strict, Mode::Normal, Mode::Smart] {
        if let Some(v) = parse_whole(text, m) {
            exact("parse_whole", v);
        }
    }
    literals(text, &find_literals(text));
    literals(text, &find_numbers(text));
    let seg = pipe.segmenter().segment(text);
    let chars: Vec<char> = text.chars().collect();
    sentences_tile(&chars, &seg.sentences);
    let out = pipe.extractor().extract(text, &seg, Some("2024-08-28"), None);
    claims(&chars, &out.claims);
    initiatives(&chars, &out.initiatives);
}

/// One side of a diff input: its bytes, and whether they are `documents.jsonl` lines.
pub type Side<'a> = (&'a [u8], bool);

/// The `diff` target's input: the first byte picks how each side is read (bit 0: old side as
/// `documents.jsonl` lines, else one document's JSON; bit 1: the same for the new side), the
/// rest is split at the first `0xFF` byte (never part of UTF-8) into the old and the new
/// side; without one, both sides are the same bytes.
pub fn diff_sides(data: &[u8]) -> (Side<'_>, Side<'_>) {
    let (mode, rest) = data.split_first().map(|(m, r)| (*m, r)).unwrap_or((0, &[]));
    let (old, new) = match rest.iter().position(|&b| b == 0xFF) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, rest),
    };
    ((old, mode & 1 == 1), (new, mode & 2 == 2))
}

/// What `pressmine diff` does with its two inputs, held in memory: each side read as a
/// document or as `documents.jsonl` lines (unreadable input is an `Err`, never a panic), the
/// readable ones compared and the report rendered. Every claim (a range once) is accounted for once (paired
/// or added or removed), and a side compared with itself has no change, addition or removal:
/// every one of its claims is unchanged and its conflicts are the same on both sides.
pub fn diff(canon: &pressmine::canon::Canon, data: &[u8]) {
    use pressmine::diff::{parse_side, render_csv, render_table};
    let ((old, old_jsonl), (new, new_jsonl)) = diff_sides(data);
    let (Ok(a), b) = (parse_side(old, old_jsonl), parse_side(new, new_jsonl)) else { return };
    // A range counts once, by its lower end.
    let claims = |docs: &[Document]| docs.iter().flat_map(|d| &d.claims).filter(|c| !c.is_upper_end()).count();
    let same = pressmine::diff::diff(&a, &a, canon);
    assert!(!same.has_differences(), "a side differs from itself: {same:?}");
    assert_eq!(same.unchanged, claims(&a), "a side against itself: not every claim unchanged");
    let sides = |side: &str| same.conflicts.iter().filter(|c| c.side == side).map(|c| (&c.key, &c.items)).collect();
    let (old_c, new_c): (Vec<_>, Vec<_>) = (sides("old"), sides("new"));
    assert_eq!(old_c, new_c, "a side against itself: conflicts differ between the sides");
    let Ok(b) = b else { return };
    let r = pressmine::diff::diff(&a, &b, canon);
    assert_eq!(r.changed.len() + r.unchanged + r.removed.len(), claims(&a), "old claims not each accounted once");
    assert_eq!(r.changed.len() + r.unchanged + r.added.len(), claims(&b), "new claims not each accounted once");
    assert_eq!(r.has_differences(), r.unchanged != claims(&a) || r.unchanged != claims(&b), "has_differences");
    render_table(&r, false);
    render_csv(&r);
    serde_json::to_string(&r).expect("a diff report serializes");
}

/// The files of a patterns folder the loader reads, in the order the `patterns` target's
/// first byte picks them (`byte % len`).
pub const PATTERN_FILES: &[&str] = pressmine::patterns::FILES;

/// The `patterns` target: `data[1..]` becomes the content of the file of `dir` picked by
/// `data[0]` (`dir` holds a copy of `patterns/`; the file is put back afterwards), and the
/// loader `Pipeline::load` runs for that file is called on the folder (the whole pipeline
/// would load jieba's dictionary on every input). Loading may fail, but as an `Err` whose
/// message names the file.
pub fn patterns(dir: &std::path::Path, data: &[u8]) {
    let Some((&pick, content)) = data.split_first() else { return };
    let name = PATTERN_FILES[usize::from(pick) % PATTERN_FILES.len()];
    let file = dir.join(name);
    let original = std::fs::read(&file).expect("the patterns copy is readable");
    std::fs::write(&file, content).expect("the patterns copy is writable");
    let loaded = load_one(dir, name);
    std::fs::write(&file, original).expect("the patterns copy is writable");
    if let Err(e) = loaded {
        let message = e.to_string();
        assert!(message.contains(name), "the error for a bad {name} does not name it: {message}");
    }
}

/// Runs the loader that reads the patterns file `name` from `dir`.
pub fn load_one(dir: &std::path::Path, name: &str) -> Result<(), pressmine::error::PatternError> {
    use pressmine::{canon, clean, extract, segment};
    let p = pressmine::patterns::Patterns::read_dir(dir)?;
    match name {
        "claims.toml" => extract::rules::ClaimRules::load(&p).map(drop),
        "clean.toml" => clean::CleanRules::load(&p).map(drop),
        "initiatives.toml" => extract::initiatives::InitiativeRules::load(&p).map(drop),
        "turns.toml" => extract::turns::TurnRules::load(&p).map(drop),
        "reports.toml" => extract::reports::ReportRules::load(&p).map(drop),
        "indicators.toml" | "places.toml" | "admin-divisions.csv" => canon::Canon::load(&p).map(drop),
        "dict.txt" => segment::ChineseSegmenter::load(&p).map(drop),
        other => panic!("no loader for patterns file {other}: add it to invariants::load_one"),
    }
}

/// The `warc` target: arbitrary bytes read as a WARC stream. Reading ends; every entry's
/// offset lies inside the input and offsets increase; a page's record starts with `WARC/`
/// and its body is no longer than the input (or, gzip-inflated, than the limit).
pub fn warc(data: &[u8]) {
    const LIMIT: u64 = 1 << 16;
    let mut last = None;
    for entry in pressmine::warc::Records::new(data, LIMIT) {
        let offset = entry.offset();
        assert!(offset < data.len() as u64, "offset {offset} past the end of {} bytes", data.len());
        assert!(last.map_or(true, |l| offset > l), "offset {offset} after {last:?}");
        last = Some(offset);
        if let pressmine::warc::Entry::Page(p) = &entry {
            assert!(data[offset as usize..].starts_with(b"WARC/"), "a page record at {offset} does not start WARC/");
            assert!(p.body.len() <= data.len() || (p.inflated && p.body.len() as u64 <= LIMIT), "body too long");
        }
    }
}
