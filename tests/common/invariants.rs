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
