//! Segmentation: sentences, words with part-of-speech tags, and TF-IDF keywords.
//!
//! The only module that knows jieba-rs. One dictionary (jieba's own plus
//! `patterns/dict.txt`) is loaded per process and shared by reference across threads.
//! Offsets are character offsets into the text. Segmentation never changes the text.

use crate::error::PatternError;
use crate::model::{Keyword, Span};
use crate::patterns::{Patterns, Source};
use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, TfIdf};

/// A word with its part-of-speech tag (jieba's ICTCLAS-style tag set: n, v, ns, m, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Character start.
    pub start: usize,
    /// Character end (exclusive).
    pub end: usize,
    /// POS tag.
    pub tag: &'static str,
}

/// Output of segmentation.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    /// Sentence spans (on 。!?; and line breaks).
    pub sentences: Vec<Span>,
    /// Words tiling the text (whitespace and untagged stretches as `x` words).
    pub words: Vec<Word>,
    /// Top keywords.
    pub keywords: Vec<Keyword>,
}

/// Tags jieba may emit, interned so words stay `Copy`. Sorted (binary search).
const TAGS: &[&str] = &[
    "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k", "l", "m", "mg", "mq",
    "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r", "rg", "rr", "rz", "s", "t", "tg", "u", "ud",
    "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn", "vq", "x", "y", "yg", "z", "zg",
];

fn intern(tag: &str) -> &'static str {
    TAGS.binary_search(&tag).map_or("x", |i| TAGS[i])
}

/// How many keywords each document gets.
pub const KEYWORDS: usize = 10;

/// Keywords are ranked over at most this many leading characters of the body: the lead of a
/// release names its subject, and it bounds the cost of the second segmentation pass.
pub const KEYWORD_WINDOW: usize = 3000;

/// The shared segmenter.
pub struct ChineseSegmenter {
    jieba: Jieba,
    tfidf: TfIdf,
}

impl std::fmt::Debug for ChineseSegmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChineseSegmenter")
    }
}

impl ChineseSegmenter {
    /// Loads jieba's dictionary plus the user dictionary `dict.txt` in `dir`.
    ///
    /// # Errors
    /// A missing file or a malformed line (named with its line number).
    pub fn load(patterns: &Patterns) -> Result<Self, PatternError> {
        let Source { path, text } = patterns.source("dict.txt")?;
        let (mut jieba, tfidf) = rayon::join(Jieba::new, TfIdf::default);
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap_or_default();
            let freq = match parts.next() {
                Some(f) => Some(f.parse::<usize>().map_err(|_| PatternError::Invalid {
                    path: path.clone(),
                    line: i + 1,
                    message: format!("frequency {f:?} is not a whole number"),
                })?),
                None => None,
            };
            let tag = parts.next();
            if let Some(t) = tag {
                if !TAGS.contains(&t) {
                    return Err(PatternError::Invalid {
                        path: path.clone(),
                        line: i + 1,
                        message: format!("unknown part-of-speech tag {t:?}"),
                    });
                }
            }
            if parts.next().is_some() {
                return Err(PatternError::Invalid {
                    path: path.clone(),
                    line: i + 1,
                    message: "expected `word [frequency] [tag]`".into(),
                });
            }
            jieba.add_word(word, freq, tag);
        }
        let mut tfidf = tfidf;
        *tfidf.config_mut() = KeywordExtractConfig::builder().use_hmm(true).min_keyword_length(2).build();
        Ok(Self { jieba, tfidf })
    }

    /// Whether the dictionary holds `word`.
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Words of `text` with POS tags and character offsets.
    pub fn words(&self, text: &str) -> Vec<Word> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Word { start: t.start, end: t.end, tag: intern(t.tag) })
            .collect()
    }

    /// Segments a body text, tagging every sentence.
    pub fn segment(&self, text: &str) -> Segmented {
        self.segment_where(text, <[Span]>::to_vec)
    }

    /// Segments a body text, tagging only the stretches `select` returns for the sentence
    /// spans (char spans, sorted). Tagging is the costly part of segmentation, and the
    /// recognizers read words only around figures and names; see [`words_of`](Self::words_of).
    pub fn segment_where(&self, text: &str, select: impl FnOnce(&[Span]) -> Vec<Span>) -> Segmented {
        let sentences = sentences(text);
        let spans = select(&sentences);
        let words = self.words_of(text, &spans);
        Segmented { sentences, words, keywords: self.keywords(text) }
    }

    /// Words of the stretches `spans` (char spans, sorted by start), tagged exactly as
    /// [`words`](Self::words) tags them inside the whole text: each stretch is first widened
    /// to whole jieba blocks (jieba cuts each run of Han, ASCII letters, digits and `+#&._%-`
    /// on its own, so a block tags the same alone as in context). Every character outside
    /// the stretches is a word of its own tagged `x`, as punctuation is, so the words still
    /// tile the text and a chain of words read past a stretch stops at its edge.
    pub fn words_of(&self, text: &str, spans: &[Span]) -> Vec<Word> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let n = chars.len();
        let byte_at = |c: usize| chars.get(c).map_or(text.len(), |(b, _)| *b);
        let block = |c: usize| chars.get(c).is_some_and(|(_, ch)| in_jieba_block(*ch));
        let mut out = Vec::new();
        let mut done = 0; // chars covered so far
        for &[a, b] in spans {
            let (mut a, mut b) = (a.max(done).min(n), b.min(n));
            if a >= b {
                continue;
            }
            while a > done && block(a - 1) && block(a) {
                a -= 1;
            }
            while b < n && block(b - 1) && block(b) {
                b += 1;
            }
            out.extend((done..a).map(|c| Word { start: c, end: c + 1, tag: "x" }));
            out.extend(self.jieba.tag(&text[byte_at(a)..byte_at(b)], true).into_iter().map(|t| Word {
                start: a + t.start,
                end: a + t.end,
                tag: intern(t.tag),
            }));
            done = b;
        }
        out.extend((done..n).map(|c| Word { start: c, end: c + 1, tag: "x" }));
        out
    }

    /// Top TF-IDF keywords of the body's lead.
    fn keywords(&self, text: &str) -> Vec<Keyword> {
        self.tfidf
            .extract_keywords(&self.jieba, lead(text, KEYWORD_WINDOW), KEYWORDS * 2, Vec::new())
            .into_iter()
            .filter(|k| k.keyword.chars().any(crate::clean::is_han))
            .take(KEYWORDS)
            .map(|k| Keyword { word: k.keyword, weight: (k.weight * 10_000.0).round() / 10_000.0 })
            .collect()
    }
}

/// Whether jieba keeps `c` inside a block (its RE_HAN_DEFAULT class: CJK ideographs, ASCII
/// letters and digits, `+#&._%-`); every other character is a word of its own.
fn in_jieba_block(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
    } else {
        matches!(c,
            '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}')
    }
}

/// The first `n` characters of `text`.
fn lead(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map(|(i, _)| &text[..i]).unwrap_or(text)
}

/// Sentence spans: split after 。！？；!?; and at line breaks; closing quotes and brackets
/// that follow the punctuation stay with the sentence; blank stretches are dropped.
pub fn sentences(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end = if c == '\n' {
            Some(i)
        } else if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j], '”' | '’' | '」' | '』' | '）' | ')' | '"') {
                j += 1;
            }
            Some(j)
        } else {
            None
        };
        if let Some(e) = end {
            push_trimmed(&chars, start, e, &mut out);
            start = if c == '\n' { e + 1 } else { e };
            i = start;
            continue;
        }
        i += 1;
    }
    push_trimmed(&chars, start, chars.len(), &mut out);
    out
}

fn push_trimmed(chars: &[char], mut s: usize, mut e: usize, out: &mut Vec<Span>) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push([s, e]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_spans() {
        let t = "他说：“好。”然后走了！\n第二段；第三句";
        let s = sentences(t);
        let texts: Vec<String> = s.iter().map(|[a, b]| t.chars().skip(*a).take(b - a).collect()).collect();
        assert_eq!(texts, vec!["他说：“好。”", "然后走了！", "第二段；", "第三句"]);
    }

    #[test]
    fn tags_are_sorted_for_binary_search() {
        assert!(TAGS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(intern("vn"), "vn");
        assert_eq!(intern("zz"), "x");
    }

    #[test]
    fn policy_words_stay_whole() {
        let seg = ChineseSegmenter::load(&crate::patterns::Patterns::embedded()).unwrap();
        let text = "推进智改数转，规上工业增加值增长，发展新质生产力";
        let words: Vec<String> =
            seg.words(text).iter().map(|w| text.chars().skip(w.start).take(w.end - w.start).collect()).collect();
        for w in ["智改数转", "规上工业增加值", "新质生产力"] {
            assert!(words.iter().any(|x| x == w), "{w} split: {words:?}");
        }
    }
}
