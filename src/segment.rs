//! Segmentation: sentences, words with part-of-speech tags, and TF-IDF keywords.
//!
//! The only module that knows jieba-rs. One dictionary (jieba's own, `patterns/dict.txt`,
//! and the prefecture- and county-level names of `patterns/admin-divisions.csv` as places) is loaded per
//! process and shared by reference across threads.
//! Offsets are character offsets into the text. Segmentation never changes the text.
//!
//! Keywords are jieba's TF-IDF keywords of the body's lead, ranked here over the words
//! already cut for tagging (only the lead's untagged stretches are cut again), with jieba's
//! IDF table: the same words, weights and order as jieba's own extraction, for less work.

use crate::error::PatternError;
use crate::model::{Keyword, Span};
use crate::patterns::{Patterns, Source};
use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, TfIdf};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;
use std::sync::OnceLock;

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
/// release names its subject, and it bounds the cost of cutting what tagging left out.
pub const KEYWORD_WINDOW: usize = 3000;

/// The shared segmenter.
pub struct ChineseSegmenter {
    jieba: Jieba,
    /// jieba's IDF table, when it could be read; `None` leaves keywords to jieba itself.
    idf: Option<Idf>,
    /// jieba's keyword extractor, made on first use: the reference the tests compare with,
    /// and the extractor itself when the IDF table could not be read.
    tfidf: OnceLock<TfIdf>,
    /// Tags `dict.txt` gives words jieba already knows: jieba keeps its own tag for a word it
    /// has, so these are applied to its output (惠及 ns → v, 初中 f → n).
    retag: FxHashMap<Box<str>, &'static str>,
}

/// jieba's IDF table with its stop words, to rank words already cut exactly as
/// [`TfIdf`] ranks them.
struct Idf {
    table: FxHashMap<&'static str, f64>,
    /// IDF of a word missing from the table.
    median: f64,
    stop_words: BTreeSet<String>,
    /// Whether every stop word is ASCII (jieba's are).
    ascii_stop_words: bool,
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
        let (mut jieba, idf) = crate::parallel::side_by_side(Jieba::new, Idf::read);
        let mut retag = FxHashMap::default();
        let mut listed = std::collections::HashSet::new();
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
            if let Some(t) = tag.filter(|_| jieba.has_word(word)) {
                retag.insert(word.into(), intern(t));
            }
            jieba.add_word(word, freq, tag);
            listed.insert(word);
        }
        // Prefecture- and county-level names are places (吴忠市, 鸠江区, 无为市) unless the dictionary above says
        // otherwise; a name jieba knows keeps its segmentation and takes the tag only.
        for name in crate::canon::places::place_words(patterns)? {
            if listed.contains(name.as_str()) {
                continue;
            }
            if jieba.has_word(&name) {
                retag.insert(name.into(), "ns");
            } else {
                jieba.add_word(&name, None, Some("ns"));
            }
        }
        Ok(Self { jieba, idf, tfidf: OnceLock::new(), retag })
    }

    /// The tag of a word jieba tagged `tag`: the user dictionary's when it gives one.
    fn tag_of(&self, word: &str, tag: &str) -> &'static str {
        if self.retag.is_empty() {
            return intern(tag);
        }
        self.retag.get(word).copied().unwrap_or_else(|| intern(tag))
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
            .map(|t| Word { start: t.start, end: t.end, tag: self.tag_of(t.word, t.tag) })
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
        let chars = CharIndex::new(text);
        let (words, tagged) = self.tag_stretches(text, &chars, &spans);
        let keywords = match &self.idf {
            Some(idf) => match self.lead_words(text, &chars, &words, &tagged) {
                Some(lead) => idf.rank(lead),
                None => self.jieba_keywords(text),
            },
            None => self.jieba_keywords(text),
        };
        Segmented { sentences, words, keywords }
    }

    /// Words of the stretches `spans` (char spans, sorted by start), tagged exactly as
    /// [`words`](Self::words) tags them inside the whole text: each stretch is first widened
    /// to whole jieba blocks (jieba cuts each run of Han, ASCII letters, digits and `+#&._%-`
    /// on its own, so a block tags the same alone as in context). Every character outside
    /// the stretches is a word of its own tagged `x`, as punctuation is, so the words still
    /// tile the text and a chain of words read past a stretch stops at its edge.
    pub fn words_of(&self, text: &str, spans: &[Span]) -> Vec<Word> {
        self.tag_stretches(text, &CharIndex::new(text), spans).0
    }

    /// [`words_of`](Self::words_of), with the stretches tagged: each as its char span (whole
    /// blocks) and the index range of its words.
    fn tag_stretches(&self, text: &str, chars: &CharIndex, spans: &[Span]) -> (Vec<Word>, Vec<Tagged>) {
        let n = chars.len();
        let mut out = Vec::new();
        let mut tagged = Vec::new();
        let mut done = 0; // chars covered so far
        for &[a, b] in spans {
            let (mut a, mut b) = (a.max(done).min(n), b.min(n));
            if a >= b {
                continue;
            }
            while a > done && chars.in_block(a - 1) && chars.in_block(a) {
                a -= 1;
            }
            while b < n && chars.in_block(b - 1) && chars.in_block(b) {
                b += 1;
            }
            out.extend((done..a).map(|c| Word { start: c, end: c + 1, tag: "x" }));
            let first = out.len();
            out.extend(self.jieba.tag(&text[chars.byte(a)..chars.byte(b)], true).into_iter().map(|t| Word {
                start: a + t.start,
                end: a + t.end,
                tag: self.tag_of(t.word, t.tag),
            }));
            tagged.push(Tagged { span: [a, b], words: first..out.len() });
            done = b;
        }
        out.extend((done..n).map(|c| Word { start: c, end: c + 1, tag: "x" }));
        (out, tagged)
    }

    /// The words jieba cuts the keyword lead ([`KEYWORD_WINDOW`] chars) into, in order: the
    /// tagged words of blocks wholly inside the lead, and the rest of the lead cut afresh.
    /// Both pieces are cut at block edges, where jieba cuts on its own too, and tagging cuts
    /// as cutting does; the lead's last block is cut as the lead ends it. `None` when the
    /// lead holds `\r` (jieba keeps `\r\n` as one word, across any stretch edge).
    fn lead_words<'t>(
        &self,
        text: &'t str,
        chars: &CharIndex,
        words: &[Word],
        tagged: &[Tagged],
    ) -> Option<Vec<&'t str>> {
        let end = chars.len().min(KEYWORD_WINDOW);
        if text[..chars.byte(end)].contains('\r') {
            return None;
        }
        // Start of the block the lead cuts short (the lead's end when it cuts none).
        let mut whole = end;
        if end < chars.len() && end > 0 && chars.in_block(end - 1) && chars.in_block(end) {
            while whole > 0 && chars.in_block(whole - 1) {
                whole -= 1;
            }
        }
        let slice = |a: usize, b: usize| &text[chars.byte(a)..chars.byte(b)];
        let mut out = Vec::new();
        let cut = |a: usize, b: usize, out: &mut Vec<&'t str>| {
            if a < b {
                out.extend(self.jieba.cut(slice(a, b), true).into_iter().map(|t| t.word));
            }
        };
        let mut pos = 0;
        for t in tagged.iter().take_while(|t| t.span[0] < whole) {
            cut(pos, t.span[0], &mut out);
            let inside = words[t.words.clone()].iter().take_while(|w| w.end <= whole);
            out.extend(inside.map(|w| slice(w.start, w.end)));
            pos = t.span[1].min(whole);
        }
        cut(pos, end, &mut out);
        Some(out)
    }

    /// Top TF-IDF keywords of the body's lead, by jieba's own extraction.
    pub fn jieba_keywords(&self, text: &str) -> Vec<Keyword> {
        let tfidf = self.tfidf.get_or_init(jieba_tfidf);
        let top = tfidf.extract_keywords(&self.jieba, lead(text, KEYWORD_WINDOW), KEYWORDS * 2, Vec::new());
        kept(top.into_iter().map(|k| (k.keyword, k.weight)))
    }
}

/// A stretch of text that was tagged: its char span and the index range of its words.
struct Tagged {
    span: Span,
    words: std::ops::Range<usize>,
}

/// Byte offsets and jieba block membership of a text's chars.
struct CharIndex {
    /// Byte offset of each char, and the text's length after the last.
    bytes: Vec<usize>,
    /// Whether each char is in a jieba block.
    block: Vec<bool>,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        let (mut bytes, block): (Vec<usize>, Vec<bool>) =
            text.char_indices().map(|(b, c)| (b, in_jieba_block(c))).unzip();
        bytes.push(text.len());
        Self { bytes, block }
    }

    fn len(&self) -> usize {
        self.block.len()
    }

    fn byte(&self, c: usize) -> usize {
        self.bytes[c.min(self.block.len())]
    }

    fn in_block(&self, c: usize) -> bool {
        self.block.get(c).copied().unwrap_or(false)
    }
}

/// jieba's keyword extractor as pressmine configures it: HMM on, keywords of 2+ chars.
fn jieba_tfidf() -> TfIdf {
    let mut tfidf = TfIdf::default();
    *tfidf.config_mut() = keyword_config();
    tfidf
}

fn keyword_config() -> KeywordExtractConfig {
    KeywordExtractConfig::builder().use_hmm(true).min_keyword_length(2).build()
}

/// The [`KEYWORDS`] best of jieba's top `2 × KEYWORDS` keywords holding Han, weights rounded.
fn kept(top: impl Iterator<Item = (String, f64)>) -> Vec<Keyword> {
    top.filter(|(w, _)| w.chars().any(crate::clean::is_han))
        .take(KEYWORDS)
        .map(|(word, weight)| Keyword { word, weight: (weight * 10_000.0).round() / 10_000.0 })
        .collect()
}

/// jieba's IDF table (`src/data/idf.txt` of jieba-rs 0.11, which keeps its copy private).
/// A test checks it against the table jieba-rs loads.
const IDF_TXT: &str = include_str!("../data/jieba-idf.txt");

impl Idf {
    /// Reads the table as jieba's `TfIdf` loads its own (`word idf` lines, the last of a
    /// word kept; the median over every line read), with jieba's stop words. `None` only if
    /// the table is empty.
    fn read() -> Option<Self> {
        let mut table = FxHashMap::default();
        table.reserve(IDF_TXT.len() / 20);
        let mut idfs = Vec::with_capacity(table.capacity());
        for line in IDF_TXT.lines() {
            let mut parts = line.split_whitespace();
            if let (Some(word), Some(idf)) = (parts.next(), parts.next().and_then(|x| x.parse::<f64>().ok())) {
                table.insert(word, idf);
                idfs.push(idf);
            }
        }
        let mid = idfs.len().checked_sub(1)? / 2;
        let median = *idfs.select_nth_unstable_by(mid, f64::total_cmp).1;
        let stop_words = keyword_config().stop_words().clone();
        let ascii_stop_words = stop_words.iter().all(|w| w.is_ascii());
        Some(Self { table, median, stop_words, ascii_stop_words })
    }

    /// Whether jieba counts `word` as a keyword (its `is_keyword`). A word beyond ASCII with
    /// no capital can equal no ASCII stop word, lowercased or not: no look-up needed.
    fn is_keyword(&self, word: &str) -> bool {
        let (mut n, mut upper) = (0, false);
        for c in word.chars() {
            n += 1;
            upper |= c.is_uppercase();
        }
        if n < 2 {
            return false;
        }
        if !upper && self.ascii_stop_words && !word.is_ascii() {
            return true;
        }
        !self.stop_words.contains(word) && (!upper || !self.stop_words.contains(&word.to_lowercase()))
    }

    /// The keywords of a lead cut into `words`, as jieba's `TfIdf` ranks them: term
    /// frequency × IDF over the total count, best first, ties by word.
    fn rank(&self, words: Vec<&str>) -> Vec<Keyword> {
        let mut freq: FxHashMap<&str, u64> = FxHashMap::default();
        for w in words.into_iter().filter(|w| self.is_keyword(w)) {
            *freq.entry(w).or_insert(0) += 1;
        }
        let total: u64 = freq.values().sum();
        let mut scored: Vec<(f64, &str)> = freq
            .into_iter()
            .map(|(w, tf)| (tf as f64 * self.table.get(w).copied().unwrap_or(self.median) / total as f64, w))
            .collect();
        let order = |a: &(f64, &str), b: &(f64, &str)| {
            b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal).then(a.1.cmp(b.1))
        };
        if scored.len() > KEYWORDS * 2 {
            scored.select_nth_unstable_by(KEYWORDS * 2 - 1, order);
            scored.truncate(KEYWORDS * 2);
        }
        scored.sort_unstable_by(order);
        kept(scored.into_iter().map(|(weight, w)| (w.to_string(), weight)))
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

    /// The table of `Debug` form `TfIdf { idf_dict: {"word": 8.5, …}, median_idf: 11.7, … }`.
    fn debug_table(tfidf: &TfIdf) -> (FxHashMap<Box<str>, f64>, f64) {
        let dump = format!("{tfidf:?}");
        let mut rest = dump.strip_prefix("TfIdf { idf_dict: {").unwrap();
        let mut table = FxHashMap::default();
        while let Some(r) = rest.strip_prefix('"') {
            let (word, r) = debug_str(r).unwrap();
            let r = r.strip_prefix(": ").unwrap();
            let n = r.find([',', '}']).unwrap();
            table.insert(word.into_boxed_str(), r[..n].parse().unwrap());
            rest = r[n..].strip_prefix(", ").unwrap_or(&r[n..]);
        }
        let r = rest.strip_prefix("}, median_idf: ").unwrap();
        (table, r[..r.find(',').unwrap()].parse().unwrap())
    }

    /// A string in `Debug` form, after its opening quote: the string, and what follows the
    /// closing quote.
    fn debug_str(s: &str) -> Option<(String, &str)> {
        let mut out = String::new();
        let mut it = s.char_indices();
        while let Some((i, c)) = it.next() {
            match c {
                '"' => return Some((out, &s[i + 1..])),
                '\\' => out.push(match it.next()?.1 {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    '0' => '\0',
                    'u' => {
                        let (j, _) = it.next().filter(|(_, c)| *c == '{')?;
                        let (k, _) = it.find(|(_, c)| *c == '}')?;
                        char::from_u32(u32::from_str_radix(&s[j + 1..k], 16).ok()?)?
                    }
                    c @ ('\\' | '"' | '\'') => c,
                    _ => return None,
                }),
                c => out.push(c),
            }
        }
        None
    }

    #[test]
    fn embedded_idf_table_is_jiebas() {
        let ours = Idf::read().unwrap();
        let (table, median) = debug_table(&jieba_tfidf());
        assert_eq!(ours.median, median);
        assert_eq!(ours.table.len(), table.len());
        assert!(table.iter().all(|(w, idf)| ours.table.get(&**w) == Some(idf)));
        assert!(ours.ascii_stop_words);
    }

    #[test]
    fn keywords_are_jiebas() {
        let seg = ChineseSegmenter::load(&crate::patterns::Patterns::embedded()).unwrap();
        let lead = "江苏省统计局发布2024年全省经济运行情况。全省地区生产总值增长5.8%，规上工业增加值增长8.4%。\n";
        let texts = [
            String::new(),
            lead.repeat(40),
            format!("{}推进智改数转ABC+DEF，发展新质生产力", "新质生产力".repeat(599)),
            format!("The economy of Jiangsu 江苏经济 the OF\r\n{}", lead.repeat(3)),
            format!("The economy OF Jiangsu THE Of 江苏经济 the of CPI CPI\n{}", lead.repeat(3)),
        ];
        for text in &texts {
            let expected = seg.jieba_keywords(text);
            assert_eq!(seg.segment(text).keywords, expected);
            assert_eq!(seg.segment_where(text, |_| Vec::new()).keywords, expected);
            assert_eq!(seg.segment_where(text, |_| vec![[3, 20], [2990, 3010]]).keywords, expected);
        }
    }

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
    fn the_dictionarys_tag_wins_over_jiebas_own() {
        let seg = ChineseSegmenter::load(&crate::patterns::Patterns::embedded()).unwrap();
        // jieba tags 初中 f and 普通高中 ns; dict.txt says n.
        let text = "全省共有初中3522所；普通高中712所。";
        let tag = |words: &[Word], w: &str| {
            let i = text.find(w).map(|b| text[..b].chars().count()).unwrap();
            words.iter().find(|x| x.start == i).map(|x| x.tag)
        };
        for words in [seg.words(text), seg.words_of(text, &[[2, 16]]), seg.segment(text).words] {
            assert_eq!(tag(&words, "初中"), Some("n"));
            assert_eq!(tag(&words, "普通高中"), Some("n"));
        }
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
