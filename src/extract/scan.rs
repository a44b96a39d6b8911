//! Runs a group of regex rules over a text sentence by sentence, each rule only where it
//! can match.
//!
//! Most rules cannot match without some character (a digit, 年, 第, a quotation mark):
//! [`Scanner::new`] reads that set off each rule's syntax tree once, at load. A scan splits
//! the text after 。！？, notes which of the sets each sentence touches (one table lookup a
//! character), and hands every rule the byte ranges of the sentences it can match in. A
//! rule may be windowed only when no match of it can hold 。！？ and it has no `^`/`$`:
//! then each of its matches lies inside one sentence and leftmost-first search over the
//! sentences finds exactly the matches a search over the whole text finds. Other rules get
//! the whole text (or nothing, when the text lacks every character they need).
//!
//! It decides where rules run, never what they mean; callers map the matches.

use regex::Regex;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};
use std::ops::Range;

/// Sentence ends the scan splits after.
const ENDS: [char; 3] = ['。', '！', '？'];

/// A required set bigger than this (\p{Han}, [^…]) filters nothing worth the table space.
const MAX_SET: u32 = 4096;

/// How one rule is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Over the whole text, always.
    Whole,
    /// Over the whole text, when some character of bit `n`'s set occurs in it.
    WholeIf(u32),
    /// Over the sentences holding a character of bit `n`'s set.
    Windowed(u32),
}

/// Where each of a group of rules may match; built once per group.
#[derive(Debug, Clone)]
pub struct Scanner {
    modes: Vec<Mode>,
    /// BMP char → index into `palette`.
    bmp: Vec<u8>,
    /// Distinct bit masks (index 0 is the empty mask).
    palette: Vec<u64>,
    /// Chars beyond the BMP with their masks, sorted.
    astral: Vec<(char, u64)>,
}

impl Scanner {
    /// Analyses `regexes` (in the order the scan reports them).
    pub fn new<'r>(regexes: impl IntoIterator<Item = &'r Regex>) -> Self {
        let mut modes = Vec::new();
        let mut sets: Vec<ClassUnicode> = Vec::new();
        for re in regexes {
            let hir = regex_syntax::ParserBuilder::new().build().parse(re.as_str()).ok();
            let mode = match hir.as_ref().and_then(|h| required(h).map(|set| (h, set))) {
                Some((h, set)) if sets.len() < 64 => {
                    let bit = sets.len() as u32;
                    sets.push(set);
                    let looks = h.properties().look_set();
                    let anchored = [Look::Start, Look::End, Look::StartLF, Look::EndLF, Look::StartCRLF, Look::EndCRLF]
                        .iter()
                        .any(|l| looks.contains(*l));
                    let ends = ClassUnicode::new(ENDS.iter().map(|&c| ClassUnicodeRange::new(c, c)));
                    if anchored || intersects(&possible(h), &ends) {
                        Mode::WholeIf(bit)
                    } else {
                        Mode::Windowed(bit)
                    }
                }
                _ => Mode::Whole,
            };
            modes.push(mode);
        }
        let mut by_char: std::collections::BTreeMap<char, u64> = Default::default();
        for (bit, set) in sets.iter().enumerate() {
            for r in set.ranges() {
                for c in r.start()..=r.end() {
                    *by_char.entry(c).or_default() |= 1 << bit;
                }
            }
        }
        let mut palette = vec![0u64];
        let mut bmp = vec![0u8; 0x1_0000];
        let mut astral = Vec::new();
        for (c, mask) in by_char {
            if (c as u32) < 0x1_0000 {
                let k = palette.iter().position(|m| *m == mask).unwrap_or_else(|| {
                    palette.push(mask);
                    palette.len() - 1
                });
                match u8::try_from(k) {
                    Ok(k) => bmp[c as usize] = k,
                    // Out of palette room: the char counts as holding every set.
                    Err(_) => bmp[c as usize] = palette_all(&mut palette),
                }
            } else {
                astral.push((c, mask));
            }
        }
        Self { modes, bmp, palette, astral }
    }

    fn mask_of(&self, c: char) -> u64 {
        if (c as u32) < 0x1_0000 {
            self.palette[self.bmp[c as usize] as usize]
        } else {
            self.astral.binary_search_by_key(&c, |(k, _)| *k).map_or(0, |i| self.astral[i].1)
        }
    }

    /// The sets `hay` touches, for [`Scanner::may_match`].
    pub fn mask(&self, hay: &str) -> u64 {
        hay.chars().fold(0, |m, c| m | self.mask_of(c))
    }

    /// Whether rule `k` can match in a text whose [`Scanner::mask`] is `mask`: it holds a
    /// character every match of the rule needs, or the rule needs none.
    pub fn may_match(&self, k: usize, mask: u64) -> bool {
        match self.modes.get(k).copied().unwrap_or(Mode::Whole) {
            Mode::Whole => true,
            Mode::WholeIf(bit) | Mode::Windowed(bit) => mask & (1 << bit) != 0,
        }
    }

    /// Splits `hay` into sentences and notes the sets each touches.
    pub fn scan(&self, hay: &str) -> Scan<'_> {
        let mut windows = Vec::new();
        let (mut start, mut mask, mut all) = (0, 0u64, 0u64);
        for (i, c) in hay.char_indices() {
            mask |= self.mask_of(c);
            if ENDS.contains(&c) {
                let end = i + c.len_utf8();
                windows.push((start..end, mask));
                all |= mask;
                (start, mask) = (end, 0);
            }
        }
        if start < hay.len() {
            windows.push((start..hay.len(), mask));
            all |= mask;
        }
        Scan { scanner: self, len: hay.len(), windows, all }
    }
}

/// The palette entry holding every bit (added when missing).
fn palette_all(palette: &mut Vec<u64>) -> u8 {
    let k = palette.iter().position(|m| *m == u64::MAX).unwrap_or_else(|| {
        palette.push(u64::MAX);
        palette.len() - 1
    });
    u8::try_from(k).unwrap_or(u8::MAX)
}

/// One text split for a [`Scanner`].
#[derive(Debug)]
pub struct Scan<'s> {
    scanner: &'s Scanner,
    len: usize,
    windows: Vec<(Range<usize>, u64)>,
    all: u64,
}

impl Scan<'_> {
    /// The byte ranges of the text rule `k` (its index in the scanner's group) is to be
    /// searched in, adjacent sentences joined. Search each with the rule's regex on the
    /// slice and add the range start to the match offsets.
    pub fn ranges(&self, k: usize) -> Vec<Range<usize>> {
        match self.scanner.modes.get(k).copied().unwrap_or(Mode::Whole) {
            Mode::Whole => std::iter::once(0..self.len).collect(),
            Mode::WholeIf(bit) if self.all & (1 << bit) != 0 => std::iter::once(0..self.len).collect(),
            Mode::WholeIf(_) => Vec::new(),
            Mode::Windowed(bit) => {
                let mut out: Vec<Range<usize>> = Vec::new();
                for (r, _) in self.windows.iter().filter(|(_, m)| m & (1 << bit) != 0) {
                    match out.last_mut() {
                        Some(last) if last.end == r.start => last.end = r.end,
                        _ => out.push(r.clone()),
                    }
                }
                out
            }
        }
    }
}

/// A set of chars of which every match of `h` holds at least one, when there is a small one.
fn required(h: &Hir) -> Option<ClassUnicode> {
    let set = match h.kind() {
        HirKind::Literal(lit) => {
            let c = std::str::from_utf8(&lit.0).ok()?.chars().next()?;
            ClassUnicode::new([ClassUnicodeRange::new(c, c)])
        }
        HirKind::Class(Class::Unicode(c)) => c.clone(),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub)?,
        HirKind::Capture(c) => required(&c.sub)?,
        HirKind::Concat(hs) => hs.iter().filter_map(required).min_by_key(size)?,
        HirKind::Alternation(hs) => {
            let mut set = ClassUnicode::empty();
            for h in hs {
                set.union(&required(h)?);
            }
            set
        }
        _ => return None,
    };
    (size(&set) <= MAX_SET).then_some(set)
}

/// Every char a match of `h` may hold.
fn possible(h: &Hir) -> ClassUnicode {
    match h.kind() {
        HirKind::Literal(lit) => {
            let s = String::from_utf8_lossy(&lit.0);
            ClassUnicode::new(s.chars().map(|c| ClassUnicodeRange::new(c, c)))
        }
        HirKind::Class(Class::Unicode(c)) => c.clone(),
        HirKind::Class(Class::Bytes(_)) => ClassUnicode::new([ClassUnicodeRange::new('\0', char::MAX)]),
        HirKind::Repetition(r) => possible(&r.sub),
        HirKind::Capture(c) => possible(&c.sub),
        HirKind::Concat(hs) | HirKind::Alternation(hs) => {
            let mut set = ClassUnicode::empty();
            hs.iter().for_each(|h| set.union(&possible(h)));
            set
        }
        HirKind::Empty | HirKind::Look(_) => ClassUnicode::empty(),
    }
}

fn size(c: &ClassUnicode) -> u32 {
    c.ranges().iter().map(|r| r.end() as u32 - r.start() as u32 + 1).sum()
}

fn intersects(a: &ClassUnicode, b: &ClassUnicode) -> bool {
    let mut x = a.clone();
    x.intersect(b);
    !x.ranges().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(patterns: &[&str], hay: &str) -> Vec<Vec<(usize, usize)>> {
        let res: Vec<Regex> = patterns.iter().map(|p| Regex::new(p).unwrap()).collect();
        let scanner = Scanner::new(&res);
        let scan = scanner.scan(hay);
        res.iter()
            .enumerate()
            .map(|(k, re)| {
                scan.ranges(k)
                    .into_iter()
                    .flat_map(|r| re.find_iter(&hay[r.clone()]).map(move |m| (r.start + m.start(), r.start + m.end())))
                    .collect()
            })
            .collect()
    }

    fn whole(patterns: &[&str], hay: &str) -> Vec<Vec<(usize, usize)>> {
        patterns.iter().map(|p| Regex::new(p).unwrap().find_iter(hay).map(|m| (m.start(), m.end())).collect()).collect()
    }

    #[test]
    fn windowed_matches_equal_whole_text_matches() {
        let pats = [
            r"\d+年",
            r"第[一二三四五六七八九十]+批",
            r"《[^》\n]{0,60}》",
            r"(?:^|[^\d.])\d{1,2}\s*月",
            r#"[“"][^”"\n]{0,14}[”"]"#,
            r"(?i:https?://)[a-z./]+",
            r"全年",
            r"\p{Han}{2}",
        ];
        let hay =
            "2024年全省第二批项目。印发《奋斗吧！行动方案》！8月完成？“十五五”时期\nhttps://x.cn/a。全年增长，3 月份";
        assert_eq!(scanned(&pats, hay), whole(&pats, hay));
    }

    #[test]
    fn rules_run_only_where_they_can_match() {
        let res = [Regex::new(r"\d+年").unwrap(), Regex::new(r"《[^》]+》").unwrap(), Regex::new(r"\w+").unwrap()];
        let scanner = Scanner::new(&res);
        let hay = "没有数字。2024年。还是没有。";
        let scan = scanner.scan(hay);
        let second = "没有数字。".len();
        assert_eq!(scan.ranges(0), vec![second..second + "2024年。".len()]);
        assert!(scan.ranges(1).is_empty(), "no 《 in the text");
        assert_eq!(scan.ranges(2), vec![0..hay.len()], "\\w needs no particular char");
    }
}
