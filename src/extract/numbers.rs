//! Number literals: Arabic (thousands separators, decimals, full-width digits folded by the
//! caller), Chinese (小写 and 大写, 两, 〇/零, positional 二〇二四), mixed forms (4.66万亿,
//! 3千万, 1万2千), approximate 几/数, and the 余/多 marker. Exact decimal arithmetic
//! throughout: a literal that does not fit is reported as an overflow, never wrapped.
//!
//! This module reads characters only; units, percentages and meaning are decided by
//! `claims`.

use rust_decimal::Decimal;

/// A number literal found at a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    /// Character start.
    pub start: usize,
    /// Character end (exclusive).
    pub end: usize,
    /// Exact value.
    pub value: Decimal,
    /// Contains Arabic digits.
    pub arabic: bool,
    /// Contains Chinese digits or small units (十百千).
    pub chinese: bool,
    /// Scale characters as written (万, 亿, 万亿, 千万…), for `surface_unit`.
    pub scale: String,
    /// 余 / 多 was part of it ("more than").
    pub over: bool,
    /// 几 / 数 made it approximate.
    pub approx: bool,
    /// The upper end of a rough range written with neighbouring digits (二三十 → 30, 三四百万
    /// → 4000000); `value` is the lower end.
    pub high: Option<Decimal>,
}

/// Why a literal could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiteralError {
    /// Too large or too precise for an exact decimal; covers `[start, end)`.
    Overflow(usize, usize),
}

/// Value of a Chinese digit character (小写 and 大写).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' | 'Ｏ' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' | '貳' | '兩' | '倆' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Spaces that may stand inside a numeral (not line breaks).
fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '\t')
}

/// The first position at or after `k` that is not an inline space.
fn skip_spaces(s: &[char], mut k: usize) -> usize {
    while s.get(k).is_some_and(|c| is_inline_space(*c)) {
        k += 1;
    }
    k
}

/// 大写 (financial) numerals that are also common morphemes (放肆, 队伍, 陆地, 拾取).
fn is_financial_only(c: char) -> bool {
    matches!(c, '肆' | '伍' | '陆' | '陸' | '拾')
}

/// Value of a small unit (十 百 千).
pub fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// The tens digit of 廿 (20), 卅 (30) and 卌 (40): a digit and 十 in one character.
fn tens_char(c: char) -> Option<u32> {
    Some(match c {
        '廿' => 2,
        '卅' => 3,
        '卌' => 4,
        _ => return None,
    })
}

/// Value of a big unit (万 亿).
pub fn big_unit(c: char) -> Option<u64> {
    Some(match c {
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// Whether `c` can begin a Chinese numeral.
pub fn starts_chinese(c: char) -> bool {
    chinese_digit(c).is_some() || tens_char(c).is_some() || matches!(c, '十' | '拾' | '几' | '数')
}

/// Whether `c` is part of how numbers are written (digits, decimal point, Chinese digits and
/// units): a literal never starts right after one.
pub fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit()
        || c == '.'
        || chinese_digit(c).is_some()
        || small_unit(c).is_some()
        || tens_char(c).is_some()
        || big_unit(c).is_some()
}

/// Whether a literal may begin at `i`: a digit, a Chinese numeral, or 百/千 standing for one
/// hundred or thousand before a scale or 余 (千亿元, 百万千瓦, 百余个; not 百姓, 千方百计).
pub fn can_start(s: &[char], i: usize) -> bool {
    let Some(&c) = s.get(i) else { return false };
    // 队伍3126支: a 大写 digit that is a common morpheme does not run into Arabic digits.
    let morpheme_before_digits = is_financial_only(c) && s.get(i + 1).is_some_and(char::is_ascii_digit);
    c.is_ascii_digit()
        || (starts_chinese(c) && !morpheme_before_digits)
        || (matches!(c, '百' | '佰' | '千' | '仟')
            && s.get(i + 1).is_some_and(|n| big_unit(*n).is_some() || *n == '余' || abbreviated_digit(s, i + 1)))
        || leading_point(s, i)
}

/// 百三 (130), 千三 (1300): one digit right after a bare 百 or 千, ending the numeral.
fn abbreviated_digit(s: &[char], k: usize) -> bool {
    s.get(k).and_then(|c| chinese_digit(*c)).is_some_and(|d| d > 0)
        && !s.get(k + 1).is_some_and(|n| is_numeral_char(*n) || matches!(n, '点' | '分'))
}

/// `.5`, `-.5`: a decimal point opening a number (not after a word, a digit or another point).
fn leading_point(s: &[char], i: usize) -> bool {
    s.get(i) == Some(&'.')
        && s.get(i + 1).is_some_and(char::is_ascii_digit)
        && !i.checked_sub(1).is_some_and(|b| s[b].is_ascii_alphanumeric() || s[b] == '.')
}

/// Reads an Arabic number (`1,255.6`, `０.5` after folding) at `i`; returns value and end.
/// Thousands separators count only in groups of three.
fn arabic_at(s: &[char], i: usize) -> Option<Result<(Decimal, usize), LiteralError>> {
    if !s.get(i)?.is_ascii_digit() && !leading_point(s, i) {
        return None;
    }
    let mut j = i;
    let mut digits = String::from(if s[i] == '.' { "0" } else { "" });
    while j < s.len() && s[j].is_ascii_digit() {
        digits.push(s[j]);
        j += 1;
    }
    // 1,255,000: a comma followed by exactly three digits (then a non-digit).
    while j + 3 < s.len()
        && s[j] == ','
        && s[j + 1..j + 4].iter().all(|c| c.is_ascii_digit())
        && !s.get(j + 4).is_some_and(|c| c.is_ascii_digit())
    {
        digits.extend(&s[j + 1..j + 4]);
        j += 4;
    }
    // 2222.2222.22222 (dotted groups: an address, a version, a section number) has no
    // decimal point: each group is a number of its own.
    let dotted_before = i >= 2 && s[i - 1] == '.' && s[i - 2].is_ascii_digit();
    if j + 1 < s.len() && s[j] == '.' && s[j + 1].is_ascii_digit() && !dotted_before {
        let mut k = j + 1;
        while k < s.len() && s[k].is_ascii_digit() {
            k += 1;
        }
        if !(s.get(k) == Some(&'.') && s.get(k + 1).is_some_and(char::is_ascii_digit)) {
            digits.extend(&s[j..k]);
            j = k;
        }
    }
    let Ok(mut v) = digits.parse::<Decimal>() else { return Some(Err(LiteralError::Overflow(i, j))) };
    if let Some((exp, e)) = exponent_at(s, i, j) {
        match scale_by_power_of_ten(v, exp) {
            Some(x) => (v, j) = (x, e),
            None => return Some(Err(LiteralError::Overflow(i, e))),
        }
    }
    Some(Ok((v, j)))
}

/// The value of a small or big unit right after the Arabic number at `k` (spaces allowed
/// between), for 1亿2000万 and 7万 5千.
fn smaller_unit_after_digits(s: &[char], k: usize) -> Option<Decimal> {
    let Some(Ok((_, e))) = arabic_at(s, k) else { return None };
    s.get(skip_spaces(s, e)).and_then(|&n| small_unit(n).map(Decimal::from).or_else(|| big_unit(n).map(Decimal::from)))
}

/// Scientific notation after a mantissa `s[i..j]`: `e5`, `E+14`, `e-1`, standing alone (not
/// inside a word or code such as `A1e5`, `3e5x`). Returns the exponent and where it ends.
fn exponent_at(s: &[char], i: usize, j: usize) -> Option<(i32, usize)> {
    if !matches!(s.get(j), Some('e' | 'E')) || i.checked_sub(1).is_some_and(|b| s[b].is_ascii_alphabetic()) {
        return None;
    }
    let (neg, mut k) = match s.get(j + 1) {
        Some('+') => (false, j + 2),
        Some('-') => (true, j + 2),
        _ => (false, j + 1),
    };
    let from = k;
    while k < s.len() && s[k].is_ascii_digit() && k - from < 3 {
        k += 1;
    }
    if k == from || s.get(k).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.') {
        return None;
    }
    let exp: i32 = s[from..k].iter().collect::<String>().parse().ok()?;
    Some((if neg { -exp } else { exp }, k))
}

/// `v × 10^exp`, exactly, or `None` when it does not fit.
fn scale_by_power_of_ten(v: Decimal, exp: i32) -> Option<Decimal> {
    let ten = Decimal::TEN;
    let mut x = v;
    for _ in 0..exp.unsigned_abs() {
        x = if exp > 0 { x.checked_mul(ten)? } else { x.checked_div(ten)? };
    }
    (exp >= 0 || !x.is_zero() || v.is_zero()).then_some(x)
}

/// Accumulator for the sectioned Chinese reading.
#[derive(Default)]
struct Acc {
    /// 兆 (10^12, as in 五兆六十二亿) times everything before it.
    zhao: Decimal,
    yi: Decimal,
    wan: Decimal,
    section: Decimal,
    cur: Option<Decimal>,
    /// The last token was a unit with this value (for 三万五 = 35000).
    last_unit: Option<Decimal>,
    zero_seen: bool,
    /// Consecutive bare digits (positional reading 二〇二四).
    run: usize,
    /// `cur` was written in Arabic digits (never abbreviated: 3万4000 is 34000, not 3万4000×1000).
    cur_arabic: bool,
}

fn ck(v: Option<Decimal>) -> Result<Decimal, ()> {
    v.ok_or(())
}

impl Acc {
    fn total(&self) -> Result<Decimal, ()> {
        let mut t = ck(self.zhao.checked_add(self.yi))?;
        t = ck(t.checked_add(self.wan))?;
        t = ck(t.checked_add(self.section))?;
        if let Some(c) = self.cur {
            let add = match self.abbreviation() {
                Some(place) => ck(c.checked_mul(place))?,
                None => c,
            };
            t = ck(t.checked_add(add))?;
        }
        Ok(t)
    }

    /// The place a lone Chinese digit right after a unit stands for, when the next lower
    /// place is left unwritten: 三万五 → 5 × 1000, 两千六 → 6 × 100 (not after 零, not for
    /// Arabic digits: 3万4000).
    fn abbreviation(&self) -> Option<Decimal> {
        let u = self.last_unit?;
        (!self.zero_seen && self.run == 1 && u >= Decimal::TEN && !self.cur_arabic).then(|| u / Decimal::TEN)
    }
}

/// Reads a number literal starting exactly at `i` (Arabic, Chinese or mixed).
/// Returns `None` when no literal starts there.
pub fn literal_at(s: &[char], i: usize) -> Option<Result<Literal, LiteralError>> {
    if !can_start(s, i) {
        return None;
    }
    let mut acc = Acc::default();
    let mut j = i;
    let mut arabic = false;
    let mut chinese = false;
    let mut over = false;
    let mut approx = false;
    let mut rough_at: Option<usize> = None;
    let mut scale = String::new();
    let mut any_digit = false;
    let overflow = |j: usize| Some(Err(LiteralError::Overflow(i, j.max(i + 1))));
    while j < s.len() {
        let c = s[j];
        if is_inline_space(c) {
            // 一百 五 十 二, 7 万, 1000  万元 (speech transcripts, text taken from PDFs): spaces
            // inside a numeral when a Chinese numeral part follows them — a digit only after a
            // unit (第一 两化 stays apart) — and never before Arabic digits (1 2 is two numbers).
            let k = skip_spaces(s, j);
            let continues = any_digit
                && s.get(k).is_some_and(|&n| {
                    (chinese_digit(n).is_some() && acc.last_unit.is_some())
                        // 7万 5千 4百: Arabic digits after a scale, before a smaller one.
                        || (n.is_ascii_digit() && arabic && acc.cur.is_none() && acc.last_unit.is_some_and(|last| {
                            smaller_unit_after_digits(s, k).is_some_and(|u| u < last)
                        }))
                        // 一百 二 十 几亿
                        || (n == '几' && !arabic && acc.last_unit.is_some())
                        || small_unit(n).is_some()
                        || big_unit(n).is_some()
                        || (matches!(n, '余' | '多')
                            && !over
                            && s.get(skip_spaces(s, k + 1)).is_some_and(|u| big_unit(*u).is_some()))
                        || (n == '点'
                            && !arabic
                            && s.get(skip_spaces(s, k + 1)).is_some_and(|d| chinese_digit(*d).is_some()))
                });
            if !continues {
                break;
            }
            j = k;
            continue;
        }
        if c.is_ascii_digit() || (j == i && leading_point(s, j)) {
            if acc.cur.is_some() || (arabic && acc.last_unit.is_none()) {
                break;
            }
            // 1亿2000万 and 3万5千 continue a number; 1.7亿65周岁 does not: Arabic digits right
            // after a scale belong to it only when a smaller unit follows them, or when they
            // fill the scale's places exactly (3万4000, 2亿35000000) after a whole number.
            if let (Some(last), false) = (acc.last_unit, acc.zero_seen) {
                if let Some(Ok((_, e))) = arabic_at(s, j) {
                    let unit_after = smaller_unit_after_digits(s, j);
                    let places = match s[..j].iter().rev().find(|c| !is_inline_space(**c)).and_then(|c| big_unit(*c)) {
                        Some(10_000) => 4,
                        Some(_) => 8,
                        None => 0,
                    };
                    let fills = places > 0
                        && e - j == places
                        && s[j..e].iter().all(char::is_ascii_digit)
                        && !s.get(e).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == ',')
                        && s[i..j].iter().all(|c| *c != '.' && *c != '点');
                    if !unit_after.is_some_and(|u| u < last) && !fills {
                        break;
                    }
                }
            }
            match arabic_at(s, j)? {
                Ok((v, e)) => {
                    acc.cur = Some(v);
                    acc.run = 1;
                    acc.cur_arabic = true;
                    j = e;
                }
                Err(_) => return overflow(j),
            }
            arabic = true;
            any_digit = true;
            continue;
        }
        if let Some(d) = chinese_digit(c) {
            if arabic && acc.last_unit.is_none() {
                break;
            }
            chinese = true;
            any_digit = true;
            if d == 0 && acc.last_unit.is_some() && acc.cur.is_none() {
                acc.zero_seen = true;
                j += 1;
                continue;
            }
            let dv = Decimal::from(d);
            acc.cur = Some(match acc.cur {
                // 二〇二四, 一二三: positional digits.
                Some(prev) => {
                    // 二三十, 三四百万, 十七八万: neighbouring digits before a unit are a rough
                    // range; the lower one is the value, marked approximate.
                    let unit_next = s.get(j + 1).is_some_and(|n| small_unit(*n).is_some() || big_unit(*n).is_some());
                    let smaller_unit_next = s.get(j + 1).is_some_and(|n| {
                        let u = small_unit(*n).map(Decimal::from).or_else(|| big_unit(*n).map(Decimal::from));
                        u.is_some_and(|u| acc.last_unit.map_or(true, |last| u < last || last == Decimal::TEN))
                    });
                    // 一两年, 两三个, 三两天: 两 is never a positional digit, so a neighbour of it
                    // makes a rough range with or without a unit after.
                    let liang = (c == '两' || s[j - 1] == '两') && (prev - dv).abs() == Decimal::ONE;
                    if acc.run == 1
                        && !acc.cur_arabic
                        && rough_at.is_none()
                        && prev >= Decimal::ONE
                        && ((prev + Decimal::ONE == dv && unit_next && smaller_unit_next) || (liang && !unit_next))
                    {
                        approx = true;
                        rough_at = Some(j);
                        j += 1;
                        continue;
                    }
                    if acc.last_unit.is_some() {
                        break;
                    }
                    match prev.checked_mul(Decimal::TEN).and_then(|p| p.checked_add(dv)) {
                        Some(v) => v,
                        None => return overflow(j),
                    }
                }
                None => dv,
            });
            acc.cur_arabic = false;
            acc.run += 1;
            j += 1;
            continue;
        }
        if matches!(c, '几' | '数') && !arabic {
            // 几十, 十几, 数百: approximate; 几 counts as 1 before a unit, 0 after one (二十几万
            // is 20万 and more, like 20多万).
            let next_unit = acc.last_unit.is_none()
                && s.get(j + 1).is_some_and(|n| small_unit(*n).is_some() || big_unit(*n).is_some());
            if acc.cur.is_some() || (!next_unit && acc.last_unit.is_none()) {
                break;
            }
            if next_unit {
                acc.cur = Some(Decimal::ONE);
                acc.run = 1;
            }
            approx = true;
            any_digit = true;
            chinese = true;
            j += 1;
            continue;
        }
        let tens = tens_char(c);
        if let Some(u) = small_unit(c).or(tens.map(|_| 10)) {
            let u = Decimal::from(u);
            if let Some(t) = tens {
                // 廿二, 五百卅四, 一萬零卌: the digit before 十 is in the character.
                if acc.cur.is_some() || arabic {
                    break;
                }
                acc.cur = Some(Decimal::from(t));
                acc.cur_arabic = false;
                acc.run = 1;
            }
            // 十 at the start (十五) means 1 × 10.
            let base = match acc.cur.take() {
                // 零十 (a leading zero before 十) is ten.
                Some(v) if v.is_zero() && acc.run == 1 && acc.last_unit.is_none() && acc.section.is_zero() => {
                    Decimal::ONE
                }
                Some(v) => v,
                // 一百十一: right after 百, a bare 十 is one ten (colloquial 111).
                None if !any_digit
                    || acc.zero_seen
                    || (acc.last_unit == Some(Decimal::ONE_HUNDRED) && u == Decimal::TEN) =>
                {
                    Decimal::ONE
                }
                None => break,
            };
            if acc.run > 1 && !arabic {
                break;
            }
            let Some(add) = base.checked_mul(u) else { return overflow(j) };
            let Some(sec) = acc.section.checked_add(add) else { return overflow(j) };
            acc.section = sec;
            if arabic {
                scale.push(c);
            }
            chinese |= !arabic;
            acc.last_unit = Some(u);
            acc.zero_seen = false;
            acc.run = 0;
            any_digit = true;
            j += 1;
            continue;
        }
        if matches!(c, '余' | '多') && any_digit && !over {
            // 1200余家, 100多万: more than. Only when a unit or number context follows or ends.
            over = true;
            j += 1;
            continue;
        }
        // 兆 is 10^12 inside a numeral (五兆六十二亿, 四十九兆九千五百九十二億); before anything
        // else it is the prefix mega (兆瓦, 兆帕) and ends the number.
        let numeral_after = |k: usize| {
            s.get(skip_spaces(s, k))
                .is_some_and(|n| n.is_ascii_digit() || chinese_digit(*n).is_some() || small_unit(*n).is_some())
        };
        if c == '兆' && any_digit && acc.zhao.is_zero() && numeral_after(j + 1) {
            let Some(all) = acc.total().ok().and_then(|t| t.checked_mul(Decimal::from(1_000_000_000_000u64))) else {
                return overflow(j);
            };
            acc = Acc { zhao: all, last_unit: Some(Decimal::from(1_000_000_000_000u64)), ..Acc::default() };
            if arabic || !scale.is_empty() {
                scale.push(c);
            }
            j += 1;
            continue;
        }
        if let Some(u) = big_unit(c) {
            if !any_digit {
                break;
            }
            let u = Decimal::from(u);
            let Some(below) = acc.section.checked_add(acc.cur.unwrap_or(Decimal::ZERO)) else {
                return overflow(j);
            };
            if u > Decimal::from(10_000u32) {
                // 亿 multiplies everything so far (万亿 = 1e12).
                let Some(all) = acc.yi.checked_add(acc.wan).and_then(|x| x.checked_add(below)) else {
                    return overflow(j);
                };
                let Some(v) = all.checked_mul(u) else { return overflow(j) };
                acc.yi = v;
                acc.wan = Decimal::ZERO;
            } else if acc.section.is_zero() && acc.cur.is_none() && !acc.wan.is_zero() {
                // 四万万, 10万万: the old reading of 亿.
                if acc.last_unit != Some(u) {
                    break;
                }
                let Some(v) = acc.wan.checked_mul(u).and_then(|w| w.checked_add(acc.yi)) else { return overflow(j) };
                acc.yi = v;
                acc.wan = Decimal::ZERO;
            } else {
                let Some(v) = below.checked_mul(u) else { return overflow(j) };
                let Some(w) = acc.wan.checked_add(v) else { return overflow(j) };
                acc.wan = w;
            }
            if arabic || !scale.is_empty() {
                scale.push(c);
            }
            acc.section = Decimal::ZERO;
            acc.cur = None;
            acc.last_unit = Some(u);
            acc.zero_seen = false;
            acc.run = 0;
            j += 1;
            continue;
        }
        // 两 is no decimal digit (一点两小时 is 1 and 2, not 1.2).
        let after_point = skip_spaces(s, j + 1);
        let digit_follows =
            s.get(after_point).is_some_and(|n| chinese_digit(*n).is_some() && !matches!(n, '两' | '兩' | '倆'));
        if c == '点' && !arabic && digit_follows && (acc.cur.is_some() || acc.last_unit.is_some()) {
            // 三点一四, 十点五, 两千万点五: Chinese decimal point; 两千三点一 is 2300.1.
            let mut frac = String::from("0.");
            let mut k = after_point;
            while k < s.len() {
                match chinese_digit(s[k]) {
                    Some(d) => frac.push(char::from(b'0' + d as u8)),
                    None => break,
                }
                k += 1;
            }
            let Ok(f) = frac.parse::<Decimal>() else { return overflow(k) };
            let mut base = acc.cur.take().unwrap_or(Decimal::ZERO);
            // Before a point only after 百 and 千 (两千三点一 = 2300.1).
            if let Some(place) = acc.abbreviation().filter(|p| *p <= Decimal::ONE_HUNDRED) {
                base = ck(base.checked_mul(place)).unwrap_or(base);
            }
            let Some(v) = acc.section.checked_add(base).and_then(|v| v.checked_add(f)) else { return overflow(k) };
            acc.section = v;
            acc.last_unit = None;
            acc.run = 0;
            j = k;
            // A big unit may follow (三点五万).
            continue;
        }
        break;
    }
    if !any_digit || j == i {
        return None;
    }
    // A lone 大写 digit is a word (陆地, 队伍, 拾取, 放肆), not a number, unless money follows
    // or it is the numerator of a fraction (壹萬分之肆).
    let numerator = i >= 2 && s[i - 2..i] == ['分', '之'];
    if j == i + 1
        && is_financial_only(s[i])
        && !numerator
        && !s.get(j).is_some_and(|c| matches!(c, '元' | '圆' | '角' | '分' | '整'))
    {
        return None;
    }
    // 40k, 3.2K, -2.5 M: a metric suffix on an Arabic number of two or more digits (4K and
    // 8K are display resolutions, like 5G).
    let mut value_scale = 0;
    if arabic && !chinese && scale.is_empty() && s[i..j].iter().filter(|c| c.is_ascii_digit()).count() >= 2 {
        let k = skip_spaces(s, j);
        let exp = match s.get(k) {
            Some('k' | 'K') => 3,
            Some('M') => 6,
            _ => 0,
        };
        let after = s.get(k + 1).copied();
        let free = match after {
            None => true,
            Some(a) => !a.is_ascii_alphanumeric() && (k == j || !crate::clean::is_han(a)),
        };
        if exp > 0 && free && s[j..k].len() <= 1 {
            value_scale = exp;
            scale.push(s[k]);
            j = k + 1;
        }
    }
    // A dangling 余/多 not followed by a unit stays part of the literal (1200余家).
    let value = match acc.total().ok().and_then(|v| scale_by_power_of_ten(v, value_scale)) {
        Some(v) => v,
        None => return overflow(j),
    };
    // The upper end: the same numeral without its lower digit (二三十 → 三十).
    let high = rough_at.and_then(|r| {
        let upper: Vec<char> = s[i..r - 1].iter().chain(&s[r..j]).copied().collect();
        match literal_at(&upper, 0) {
            Some(Ok(h)) if h.end == upper.len() => Some(h.value),
            _ => None,
        }
    });
    // 三两天: the lower digit may come second.
    let (value, high) = match high {
        Some(h) if h < value => (h, Some(value)),
        h => (value, h),
    };
    Some(Ok(Literal { start: i, end: j, value, arabic, chinese, scale, over, approx, high }))
}

/// Folds full-width digits, letters and number punctuation to ASCII, one char for one char,
/// so offsets into the folded text are offsets into the original. A full-width comma
/// between full-width digits groups thousands (１２３，４５６) and folds to `,`; anywhere
/// else it is Chinese punctuation and stays.
pub fn fold(text: &str) -> Vec<char> {
    let orig: Vec<char> = text.chars().collect();
    let wide_digit = |k: usize| orig.get(k).is_some_and(|c| ('０'..='９').contains(c));
    orig.iter()
        .enumerate()
        .map(|(k, &c)| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '，' if k > 0 && wide_digit(k - 1) && (1..=3).all(|d| wide_digit(k + d)) && !wide_digit(k + 4) => ',',
            '％' => '%',
            '．' => '.',
            '：' | '∶' => ':',
            '／' => '/',
            '＾' => '^',
            '－' | '—' | '–' => '-',
            '～' | '〜' => '~',
            // Traditional forms of the characters figures are written with (HK/TW releases).
            '點' => '点',
            '負' => '负',
            '個' => '个',
            '餘' => '余',
            '幾' => '几',
            '對' => '对',
            _ => c,
        })
        .collect()
}

/// A literal with the minus sign written before it (-22.2, 负3.9, 增长-2.1%): the sign is
/// taken when the char before it is not part of a word or number (1-7月 and 5-20% are
/// ranges, —— is punctuation, 减负180亿元 is a word).
pub fn signed(s: &[char], lit: Literal) -> Literal {
    let Some(sign_at) = lit.start.checked_sub(1) else { return lit };
    if !matches!(s[sign_at], '-' | '负') {
        return lit;
    }
    let before = sign_at.checked_sub(1).map(|k| s[k]);
    let attached = before.is_some_and(|c| {
        c.is_ascii_alphanumeric()
            || matches!(c, '.' | '-' | '负' | '%')
            || chinese_digit(c).is_some()
            || small_unit(c).is_some()
            || big_unit(c).is_some()
    });
    // 负 is also a morpheme (减负180亿元, 负债): as a sign it follows a break or a copula.
    let word_part = s[sign_at] == '负'
        && before
            .is_some_and(|c| crate::clean::is_han(c) && !matches!(c, '为' | '是' | '至' | '到' | '长' | '达' | '之'));
    if attached || word_part {
        return lit;
    }
    Literal { start: sign_at, value: -lit.value, high: lit.high.map(|h| -h), ..lit }
}

/// Parses a whole string as one number: the literal must cover all of it. Accepts every
/// form the recognizer reads in running text (colloquial, positional and mixed).
pub fn parse_number(s: &str) -> Option<Decimal> {
    parse_whole(s, Mode::Smart)
}

/// How permissive whole-string parsing is (the cn2an modes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Well-formed Chinese numerals only: 一百零一, 壹佰壹拾壹圆整, 负三点一四.
    Strict,
    /// Also colloquial and positional forms: 三万五, 两千六, 一二三, 〇.
    Normal,
    /// Also Arabic digits and mixtures: 10.1万, 200亿零四千230, -10.1.
    Smart,
}

/// Parses a whole string as one number under `mode`.
pub fn parse_whole(s: &str, mode: Mode) -> Option<Decimal> {
    let chars: Vec<char> = fold(s.trim());
    if let Some(v) = strict::parse(&chars) {
        return Some(v);
    }
    if mode == Mode::Strict {
        return None;
    }
    let (neg, body) = match chars.split_first() {
        Some(('负', rest)) => (true, rest),
        Some(('-', rest)) if mode == Mode::Smart => (true, rest),
        _ => (false, chars.as_slice()),
    };
    let smart = mode == Mode::Smart;
    // Smart: a space after the sign (负 1,200,000), a classifier after the number (三个),
    // a leading point (.77).
    let body = if smart { &body[skip_spaces(body, 0)..] } else { body };
    let body = match body {
        [rest @ .., '个'] if smart && !rest.is_empty() => rest,
        _ => body,
    };
    let dotted: Vec<char>;
    let body = if smart && body.first() == Some(&'.') && body.get(1).is_some_and(char::is_ascii_digit) {
        dotted = std::iter::once('0').chain(body.iter().copied()).collect();
        dotted.as_slice()
    } else {
        body
    };
    // Money words: 壹拾壹元, 壹佰壹拾壹圆.
    let body = match body {
        [rest @ .., '元' | '圆'] if !rest.is_empty() => rest,
        _ => body,
    };
    // Smart: SI suffixes on Arabic numbers (100K, 1.04M, .0012G).
    let (body, si) = match body {
        [rest @ .., 'k' | 'K'] if smart && rest.last().is_some_and(char::is_ascii_digit) => (rest, 3),
        [rest @ .., 'M'] if smart && rest.last().is_some_and(char::is_ascii_digit) => (rest, 6),
        [rest @ .., 'G'] if smart && rest.last().is_some_and(char::is_ascii_digit) => (rest, 9),
        _ => (body, 0),
    };
    if body.is_empty() || (mode == Mode::Normal && body.iter().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let whole = |b: &[char]| match literal_at(b, 0)? {
        Ok(l) if l.end == b.len() && !l.over && !l.approx => Some(l.value),
        _ => None,
    };
    let v = match whole(body) {
        Some(v) => v,
        // Smart: a fraction on its own (二分之一 → 0.5).
        None if smart => {
            let at = body.windows(2).position(|w| w == ['分', '之'])?;
            let (den, num) = (whole(&body[..at])?, whole(&body[at + 2..])?);
            if den.is_zero() {
                return None;
            }
            num.checked_div(den)?
        }
        None => return None,
    };
    let v = scale_by_power_of_ten(v, si)?;
    Some(if neg { -v } else { v })
}

/// The strict grammar of Chinese numerals: places descend, 零 marks exactly the skipped
/// places, 十 may drop its 一 only at the very start, decimals end in a non-zero digit,
/// and money amounts end in 整/正 or in 角/分.
mod strict {
    use super::{big_unit, chinese_digit, small_unit};
    use rust_decimal::Decimal;

    /// A parsed part: value, highest and lowest non-zero place (powers of ten).
    type Part = (Decimal, u32, u32);

    pub(super) fn parse(s: &[char]) -> Option<Decimal> {
        let (neg, s) = match s.split_first() {
            Some(('负', rest)) => (true, rest),
            _ => (false, s),
        };
        let v = money(s).or_else(|| plain(s))?;
        Some(if neg { -v } else { v })
    }

    fn money(s: &[char]) -> Option<Decimal> {
        let yuan = s.iter().position(|c| matches!(c, '元' | '圆'))?;
        let int = integer(&s[..yuan], true)?.0;
        let rest = &s[yuan + 1..];
        match rest {
            ['整' | '正'] => Some(int),
            [] => None,
            _ => {
                let mut v = int;
                let mut i = 0;
                for (unit, scale) in [('角', Decimal::new(1, 1)), ('分', Decimal::new(1, 2))] {
                    if let (Some(d), Some(u)) = (rest.get(i).and_then(|c| chinese_digit(*c)), rest.get(i + 1)) {
                        if *u == unit && d > 0 {
                            v += Decimal::from(d) * scale;
                            i += 2;
                        }
                    }
                }
                (i == rest.len()).then_some(v)
            }
        }
    }

    fn plain(s: &[char]) -> Option<Decimal> {
        if s == ['零'] {
            return Some(Decimal::ZERO);
        }
        let (int_part, frac) = match s.iter().position(|c| *c == '点') {
            Some(p) => (&s[..p], Some(&s[p + 1..])),
            None => (s, None),
        };
        let int = if int_part == ['零'] { Decimal::ZERO } else { integer(int_part, true)?.0 };
        let Some(frac) = frac else { return Some(int) };
        let digits: Option<Vec<u32>> = frac.iter().map(|c| chinese_digit(*c).filter(|_| *c != '〇')).collect();
        let digits = digits?;
        if digits.is_empty() || digits.last() == Some(&0) {
            return None;
        }
        let mut v = int;
        let mut scale = Decimal::ONE;
        for d in digits {
            scale /= Decimal::TEN;
            v += Decimal::from(d) * scale;
        }
        Some(v)
    }

    /// An integer with 亿 / 万 groups; `first` allows a bare leading 十.
    fn integer(s: &[char], first: bool) -> Option<Part> {
        if s.is_empty() {
            return None;
        }
        for (unit, exp) in [('亿', 8u32), ('万', 4u32)] {
            if let Some(p) = s.iter().rposition(|c| big_unit(*c).is_some() && *c == unit) {
                let (lv, lh, _) = integer(&s[..p], first)?;
                let base = Decimal::from(10u64.pow(exp));
                let (rv, rl) = lower(&s[p + 1..], exp)?;
                let low = rl.unwrap_or(exp);
                return Some((lv.checked_mul(base)?.checked_add(rv)?, lh + exp, low));
            }
        }
        section(s, first)
    }

    /// What follows a big unit of `exp`: empty, the next place directly, or 零 + a lower one.
    fn lower(s: &[char], exp: u32) -> Option<(Decimal, Option<u32>)> {
        match s.split_first() {
            None => Some((Decimal::ZERO, None)),
            Some(('零', rest)) => {
                let (v, h, l) = integer(rest, false)?;
                (h + 1 < exp).then_some((v, Some(l)))
            }
            Some(_) => {
                let (v, h, l) = integer(s, false)?;
                (h + 1 == exp).then_some((v, Some(l)))
            }
        }
    }

    /// Below 10,000: [d千][零][d百][零][d十|十][d].
    fn section(s: &[char], first: bool) -> Option<Part> {
        let mut v: u32 = 0;
        let mut high: Option<u32> = None;
        let mut last_place: Option<u32> = None;
        let mut zero = false;
        let mut i = 0;
        while i < s.len() {
            let c = s[i];
            if c == '零' {
                if zero || last_place.is_none() {
                    return None;
                }
                zero = true;
                i += 1;
                continue;
            }
            let (d, place, step) = match (chinese_digit(c), s.get(i + 1).and_then(|u| small_unit(*u))) {
                (Some(d), Some(u)) if d > 0 && c != '〇' && c != '兩' => (d, u.ilog10(), 2),
                (Some(d), None) if d > 0 && c != '〇' && c != '兩' && i + 1 == s.len() => (d, 0, 1),
                (None, _) if small_unit(c) == Some(10) && i == 0 && first => (1, 1, 1),
                _ => return None,
            };
            if let Some(lp) = last_place {
                // Places descend; 零 iff at least one place was skipped.
                if place >= lp || (lp - place >= 2) != zero {
                    return None;
                }
            }
            v += d * 10u32.pow(place);
            high.get_or_insert(place);
            last_place = Some(place);
            zero = false;
            i += step;
        }
        if zero {
            return None;
        }
        Some((Decimal::from(v), high?, last_place?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// Values of literals, normalized.
    fn values(lits: Vec<Literal>) -> Vec<String> {
        lits.iter().map(|l| l.value.normalize().to_string()).collect()
    }

    /// Spans and normalized values of literals.
    fn spans(lits: Vec<Literal>) -> Vec<(usize, usize, String)> {
        lits.iter().map(|l| (l.start, l.end, l.value.normalize().to_string())).collect()
    }

    fn v(s: &str) -> Option<String> {
        parse_number(s).map(|d| d.normalize().to_string())
    }

    #[test]
    fn minus_signs_and_what_only_looks_like_one() {
        let v = |t: &str| values(find_literals(t));
        assert_eq!(v("-22.2"), ["-22.2"]);
        assert_eq!(v("负三十二"), ["-32"]);
        assert_eq!(v("增速为负3.9"), ["-3.9"]);
        assert_eq!(v("增长-2.1"), ["-2.1"]);
        assert_eq!(v("1-7"), ["1", "7"]);
        assert_eq!(v("减负180"), ["180"]);
        assert_eq!(v("目标——2"), ["2"]);
    }

    #[test]
    fn arabic_forms() {
        assert_eq!(v("1,255.6").as_deref(), Some("1255.6"));
        assert_eq!(v("１２３").as_deref(), Some("123"));
        assert_eq!(v("4.66万亿").as_deref(), Some("4660000000000"));
        assert_eq!(v("1.2万").as_deref(), Some("12000"));
        assert_eq!(v("3千万").as_deref(), Some("30000000"));
        assert_eq!(v("1400亿").as_deref(), Some("140000000000"));
        assert_eq!(v("1万2千").as_deref(), Some("12000"));
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(v("三千五百万").as_deref(), Some("35000000"));
        assert_eq!(v("四万六千六百亿").as_deref(), Some("4660000000000"));
        assert_eq!(v("二〇二四").as_deref(), Some("2024"));
        assert_eq!(v("一百零一").as_deref(), Some("101"));
        assert_eq!(v("十五").as_deref(), Some("15"));
        assert_eq!(v("两千六").as_deref(), Some("2600"));
        assert_eq!(v("三万五").as_deref(), Some("35000"));
        assert_eq!(v("壹佰贰拾叁").as_deref(), Some("123"));
        assert_eq!(v("三点一四").as_deref(), Some("3.14"));
        assert_eq!(v("二十九亿").as_deref(), Some("2900000000"));
        assert_eq!(v("一千零八十").as_deref(), Some("1080"));
    }

    #[test]
    fn abbreviated_places_zeros_and_old_scales() {
        assert_eq!(v("两千三点一").as_deref(), Some("2300.1"));
        assert_eq!(v("一千六点五").as_deref(), Some("1600.5"));
        assert_eq!(v("两千万点五五四四").as_deref(), Some("20000000.5544"));
        assert_eq!(v("1千零20").as_deref(), Some("1020"));
        assert_eq!(v("1千零1").as_deref(), Some("1001"));
        assert_eq!(v("3万4000").as_deref(), Some("34000"));
        assert_eq!(v("四万万").as_deref(), Some("400000000"));
        assert_eq!(v("倆千两百贰拾二").as_deref(), Some("2222"));
        // Arabic digits after a decimal scale, or not filling its places, stay apart.
        let lits = |t: &str| values(find_literals(t));
        assert_eq!(lits("1.7亿65周岁"), ["170000000", "65"]);
        assert_eq!(lits("3万400"), ["30000", "400"]);
        assert_eq!(lits("3.5万4000"), ["35000", "4000"]);
    }

    #[test]
    fn approximate_digits_after_a_unit_count_nothing() {
        let s = fold("二十几万");
        let l = literal_at(&s, 0).unwrap().unwrap();
        assert_eq!(l.value, Decimal::from(200_000));
        assert!(l.approx);
        let s = fold("几十万");
        assert_eq!(literal_at(&s, 0).unwrap().unwrap().value, Decimal::from(100_000));
    }

    #[test]
    fn scientific_notation_only_standing_alone() {
        let lits = |t: &str| values(find_literals(t));
        assert_eq!(lits("12.32e+14"), ["1232000000000000"]);
        assert_eq!(lits("-12e-1"), ["-1.2"]);
        assert_eq!(lits("2e5"), ["200000"]);
        assert_eq!(lits("A1e5"), ["1", "5"]);
        assert_eq!(lits("3e5x"), ["3", "5"]);
    }

    #[test]
    fn fractions_join_in_running_text() {
        let nums = |t: &str| spans(find_numbers(t));
        assert_eq!(nums("五分之一"), [(0, 4, "0.2".to_string())]);
        assert_eq!(nums("一百分之二"), [(0, 5, "0.02".to_string())]);
        assert_eq!(nums("3又一千分之23"), [(0, 8, "3.023".to_string())]);
        assert_eq!(nums("零分之一"), [(0, 1, "0".to_string()), (3, 4, "1".to_string())]);
    }

    #[test]
    fn spaces_inside_a_numeral() {
        let lits = |t: &str| spans(find_literals(t));
        assert_eq!(lits("一百 五 十 二"), [(0, 8, "152".to_string())]);
        assert_eq!(lits("投资1000  万元"), [(2, 9, "10000000".to_string())]);
        assert_eq!(lits("7 万5 千4 百"), [(0, 9, "75400".to_string())]);
        // Two digit runs, a digit without a unit before it, a trailing space: apart.
        assert_eq!(lits("1 2"), [(0, 1, "1".to_string()), (2, 3, "2".to_string())]);
        assert_eq!(lits("第一 两化"), [(1, 2, "1".to_string()), (3, 4, "2".to_string())]);
        assert_eq!(lits("三千 "), [(0, 2, "3000".to_string())]);
        let nums = |t: &str| values(find_numbers(t));
        assert_eq!(nums("二分 之一"), ["0.5"]);
    }

    #[test]
    fn neighbouring_digits_before_a_unit_are_a_rough_range() {
        let s = fold("三四百家");
        let l = literal_at(&s, 0).unwrap().unwrap();
        assert_eq!((l.value, l.approx, l.end), (Decimal::from(300), true, 3));
        // Not neighbours, or no unit after them: positional digits as before.
        assert_eq!(v("二〇二四").as_deref(), Some("2024"));
        assert_eq!(v("二四十"), None);
        // No literal starts inside another numeral (二三十 is not 二三 and 十).
        assert_eq!(find_literals("二三十").len(), 1);
        // 两 is never positional: 一两, 两三, 三两 are rough ranges, lower end first.
        for (t, lo, hi) in [("一两年", 1, 2), ("两三个", 2, 3), ("三两天", 2, 3), ("一两百家", 100, 200)] {
            let l = literal_at(&fold(t), 0).unwrap().unwrap();
            assert_eq!((l.value, l.high, l.approx), (Decimal::from(lo), Some(Decimal::from(hi)), true), "{t}");
        }
    }

    #[test]
    fn smart_whole_strings_take_suffixes_classifiers_and_fractions() {
        let smart = |t: &str| parse_whole(t, Mode::Smart).map(|d| d.normalize().to_string());
        assert_eq!(smart("1.04M").as_deref(), Some("1040000"));
        assert_eq!(smart("-1200K").as_deref(), Some("-1200000"));
        assert_eq!(smart(".0012G").as_deref(), Some("1200000"));
        assert_eq!(smart("负 1,200,000").as_deref(), Some("-1200000"));
        assert_eq!(smart("二个").as_deref(), Some("2"));
        assert_eq!(smart("二分之一").as_deref(), Some("0.5"));
        assert_eq!(smart("零分之一"), None);
        // Only in smart mode, and only on Arabic numbers.
        assert_eq!(parse_whole("二个", Mode::Normal), None);
        assert_eq!(smart("五G"), None);
    }

    #[test]
    fn zhao_inside_a_numeral_is_ten_to_the_twelfth() {
        assert_eq!(v("五兆六十二亿四万五千二").as_deref(), Some("5006200045200"));
        assert_eq!(v("四十九兆九千五百九十二億").as_deref(), Some("49959200000000"));
        // Before a unit it is the prefix mega and ends the number.
        assert_eq!(spans(find_literals("装机100兆瓦")), [(2, 5, "100".to_string())]);
    }

    #[test]
    fn abbreviated_hundreds_leading_zero_ten_and_spaced_arabic_places() {
        assert_eq!(v("百三").as_deref(), Some("130"));
        assert_eq!(v("千三").as_deref(), Some("1300"));
        assert_eq!(v("零十").as_deref(), Some("10"));
        assert!(find_literals("百姓").is_empty());
        assert_eq!(spans(find_literals("7万 5千 4百")), [(0, 8, "75400".to_string())]);
        assert_eq!(spans(find_literals("一百 二 十 几亿")), [(0, 9, "12000000000".to_string())]);
        // Arabic digits after a space that do not continue the places stay apart.
        assert_eq!(values(find_literals("7万 5")), ["70000", "5"]);
    }

    #[test]
    fn points_metric_suffixes_and_full_width_grouping() {
        let nums = |t: &str| spans(find_numbers(t));
        assert_eq!(nums(".5"), [(0, 2, "0.5".to_string())]);
        assert_eq!(nums("-.5"), [(0, 3, "-0.5".to_string())]);
        assert_eq!(nums("...9"), [(3, 4, "9".to_string())]);
        assert_eq!(values(find_numbers("2222.2222.22222.222")), ["2222", "2222", "22222", "222"]);
        assert_eq!(values(find_numbers("40k")), ["40000"]);
        assert_eq!(values(find_numbers("-2.5 M")), ["-2500000"]);
        // 4K and 8K are display resolutions.
        assert_eq!(spans(find_numbers("4K超高清")), [(0, 1, "4".to_string())]);
        assert_eq!(values(find_numbers("４，５６５")), ["4565"]);
        // A full-width comma between ASCII digits, or before a group of four, is punctuation.
        assert_eq!(values(find_numbers("4，565")), ["4", "565"]);
        assert_eq!(values(find_numbers("１，２３４５")), ["1", "2345"]);
        // A percentage is no number: 二％ and 5 % are the percent reader's.
        assert_eq!(values(find_numbers("减少了二％，为四十九")), ["49"]);
        assert_eq!(values(find_numbers("5 %和6")), ["6"]);
        assert_eq!(values(find_numbers("一百十一人")), ["111"]);
        // 廿 卅 卌 are 20, 30, 40.
        assert_eq!(values(find_numbers("廿二日，五百卅四，一萬零卌")), ["22", "534", "10040"]);
    }

    #[test]
    fn slash_fractions_powers_dozens_and_numeral_words() {
        let nums = |t: &str| values(find_numbers(t));
        assert_eq!(nums("３／５"), ["0.6"]);
        assert_eq!(nums("1 ３/5"), ["1.6"]);
        assert_eq!(nums("-3/2"), ["-1.5"]);
        assert_eq!(nums("2024/08/28"), ["2024", "8", "28"]);
        assert_eq!(nums("2^5"), ["32"]);
        assert_eq!(nums("2.5^-1"), ["0.4"]);
        assert_eq!(nums("五十打"), ["600"]);
        assert_eq!(nums("一打造"), ["1"]);
        assert_eq!(nums("年过半百"), ["50"]);
        assert_eq!(nums("负３分之负一百五十七").len(), 1);
        assert!(nums("我家在四川，一切都好").is_empty());
        // Words whose numeral can also count (十分钟, 一度电) stay numbers.
        assert_eq!(nums("十分钟"), ["10"]);
        assert_eq!(nums("壹萬分之肆"), ["0.0004"]);
    }

    #[test]
    fn lone_financial_numerals_that_are_words() {
        assert!(find_literals("陆地上有许多动物").is_empty());
        assert!(find_literals("他在海滩上拾取贝壳").is_empty());
        assert_eq!(find_literals("肆元").len(), 1);
        assert_eq!(find_literals("伍拾").len(), 1);
        // 队伍3126支: the morpheme stays out of the Arabic number after it.
        let lits = find_literals("应急救援队伍3126支");
        assert_eq!(lits.len(), 1);
        assert_eq!(lits[0].value.to_string(), "3126");
    }

    #[test]
    fn over_and_overflow() {
        let s = fold("1200余家");
        let l = literal_at(&s, 0).unwrap().unwrap();
        assert!(l.over);
        assert_eq!((l.start, l.end), (0, 5));
        let s = fold("100多万元");
        let l = literal_at(&s, 0).unwrap().unwrap();
        assert_eq!(l.value, Decimal::from_str("1000000").unwrap());
        let big: Vec<char> = "9".repeat(400).chars().collect();
        assert!(matches!(literal_at(&big, 0), Some(Err(LiteralError::Overflow(0, _)))));
        let s = fold("万万万亿");
        assert!(literal_at(&s, 0).is_none());
    }
}

#[cfg(test)]
mod mode_tests {
    use super::*;

    fn p(s: &str, m: Mode) -> Option<String> {
        parse_whole(s, m).map(|d| d.normalize().to_string())
    }

    #[test]
    fn strict_grammar() {
        for (s, v) in [
            ("一百零一", "101"),
            ("十一", "11"),
            ("一十一", "11"),
            ("十万零一", "100001"),
            ("一千零一亿一千零一万一千零一", "100110011001"),
            ("壹拾壹元整", "11"),
            ("玖仟陆佰陆拾伍圆壹角捌分", "9665.18"),
            ("负三点一四", "-3.14"),
            ("零", "0"),
        ] {
            assert_eq!(p(s, Mode::Strict).as_deref(), Some(v), "{s}");
        }
        for s in [
            "一一",
            "三万五",
            "一百十一",
            "十万零一千",
            "一千一十",
            "零点零",
            "〇",
            "壹拾壹元",
            "10.1万",
            "百十一",
            "负",
        ] {
            assert_eq!(p(s, Mode::Strict), None, "{s} must be rejected");
        }
    }

    #[test]
    fn normal_and_smart() {
        assert_eq!(p("三万五", Mode::Normal).as_deref(), Some("35000"));
        assert_eq!(p("一二三", Mode::Normal).as_deref(), Some("123"));
        assert_eq!(p("10.1万", Mode::Normal), None);
        assert_eq!(p("10.1万", Mode::Smart).as_deref(), Some("101000"));
        assert_eq!(p("-10.1", Mode::Smart).as_deref(), Some("-10.1"));
    }
}

/// Every number literal in a text, left to right (no claim filtering). For conformance
/// tests and for users who want raw numbers.
pub fn find_literals(text: &str) -> Vec<Literal> {
    literals_in(&fold(text))
}

/// Words that begin with a numeral character but are no numbers (一切, 四川, 十足); a literal
/// of no more than the word's own numerals is dropped by [`find_numbers`].
const NUMERAL_WORDS: &[&str] = &[
    "一切", "壹切", "一看", "一旦", "一直", "一起", "一致", "一律", "一向", "一味", "一贯", "一举", "四川", "十足",
    "两两", "三亚", "万一",
];

/// Verbs formed with 打 (打造, 打开): after one of them 打 is no dozen.
const DA_VERBS: &str = "造开通击好赢破响出工卡折算印扫下入进成了过到压牢胜掉拼包电车针基";

/// Numbers as a reader takes them from running text: the literals of [`find_literals`] with
/// fractions joined to one value — 五分之一 → 0.2, 一百分之二 → 0.02, 三又三分之一 → 3.333…
/// (a whole part joined by 又), 3/5 → 0.6, 1 3/5 → 1.6 — powers (2^5 → 32, 2.5^-1 → 0.4),
/// dozens (五十打 → 600) and 半百 (50); words such as 一切 and 四川 are not numbers. Percent
/// readings (百分之五 → 5 %, and a number before a percent sign) are `claims`' business.
pub fn find_numbers(text: &str) -> Vec<Literal> {
    let s = fold(text);
    let lits: Vec<Literal> = literals_in(&s).into_iter().filter(|l| !numeral_word(&s, l)).collect();
    let mut out: Vec<Literal> = Vec::with_capacity(lits.len());
    let mut k = 0;
    // The fraction `den 分之 num` starting at literal `k`, if any.
    let fraction = |k: usize| -> Option<Literal> {
        let (den, num) = (lits.get(k)?, lits.get(k + 1)?);
        let fen = skip_spaces(&s, den.end);
        let zhi = skip_spaces(&s, fen + 1);
        let joined = s.get(fen) == Some(&'分') && s.get(zhi) == Some(&'之') && num.start == skip_spaces(&s, zhi + 1);
        if !joined || den.value.is_zero() || den.over || den.approx || num.over || num.approx {
            return None;
        }
        let value = num.value.checked_div(den.value)?;
        Some(Literal { start: den.start, end: num.end, value, ..num.clone() })
    };
    while k < lits.len() {
        let l = &lits[k];
        let you = skip_spaces(&s, l.end);
        let whole_and =
            s.get(you) == Some(&'又') && lits.get(k + 1).is_some_and(|n| n.start == skip_spaces(&s, you + 1));
        if whole_and {
            if let Some(f) = fraction(k + 1) {
                if let Some(value) = add_away_from_zero(l.value, f.value) {
                    out.push(Literal { start: l.start, end: f.end, value, ..f });
                    k += 3;
                    continue;
                }
            }
        }
        if let Some(f) = fraction(k) {
            out.push(f);
            k += 2;
            continue;
        }
        out.push(l.clone());
        k += 1;
    }
    let out = join_slash_fractions(&s, out);
    let out = join_powers(&s, out);
    let mut out = dozens(&s, out);
    for (at, w) in s.windows(2).enumerate() {
        if w == ['半', '百'] && !s.get(at + 2).is_some_and(|c| *c == '分' || is_numeral_char(*c)) {
            let value = Decimal::from(50);
            let lit = Literal {
                start: at,
                end: at + 2,
                value,
                arabic: false,
                chinese: true,
                scale: String::new(),
                over: false,
                high: None,
                approx: false,
            };
            let pos = out.partition_point(|l| l.start < at);
            if !out.iter().any(|l| l.start < at + 2 && at < l.end) {
                out.insert(pos, lit);
            }
        }
    }
    // A number before a percent sign (二％, 5 %) is a percentage: the percent reader's.
    out.retain(|l| s.get(skip_spaces(&s, l.end)) != Some(&'%'));
    out
}

/// `whole + part` with the part's sign following the whole's (-3又1/2 is -3.5).
fn add_away_from_zero(whole: Decimal, part: Decimal) -> Option<Decimal> {
    if whole.is_sign_negative() {
        whole.checked_sub(part)
    } else {
        whole.checked_add(part)
    }
}

/// Whether a literal is only the numerals of a word like 一切 or 四川.
fn numeral_word(s: &[char], l: &Literal) -> bool {
    l.end - l.start <= 2
        && !l.arabic
        && NUMERAL_WORDS.iter().any(|w| {
            let w: Vec<char> = w.chars().collect();
            w.len() >= l.end - l.start && s.get(l.start..l.start + w.len()) == Some(w.as_slice())
        })
}

/// Whether `l` is a plain whole Arabic number (no scale, no 余/多, no decimals).
fn plain_integer(l: &Literal) -> bool {
    l.arabic && !l.chinese && l.scale.is_empty() && !l.over && !l.approx && l.value.fract().is_zero()
}

/// 3/5 → 0.6 and 1 3/5 → 1.6: Arabic integers around a slash, with no slash or digit on
/// either side (2024/08/28 is a date, not two fractions).
fn join_slash_fractions(s: &[char], lits: Vec<Literal>) -> Vec<Literal> {
    let mut out: Vec<Literal> = Vec::with_capacity(lits.len());
    let mut k = 0;
    while k < lits.len() {
        let (num, den) = (&lits[k], lits.get(k + 1));
        let slash = den.filter(|d| {
            plain_integer(num)
                && plain_integer(d)
                && !d.value.is_zero()
                && s.get(num.end) == Some(&'/')
                && d.start == num.end + 1
                && !d.value.is_sign_negative()
                && !s.get(d.end).is_some_and(|c| *c == '/' || c.is_ascii_alphanumeric())
                && !num.start.checked_sub(1).is_some_and(|b| s[b] == '/' || s[b].is_ascii_alphanumeric())
        });
        let Some(den) = slash else {
            out.push(num.clone());
            k += 1;
            continue;
        };
        let Some(value) = num.value.checked_div(den.value) else {
            out.push(num.clone());
            k += 1;
            continue;
        };
        let mut f = Literal { start: num.start, end: den.end, value, ..num.clone() };
        // A whole number and a space before it: a mixed number.
        if let Some(whole) =
            out.last().filter(|w| plain_integer(w) && w.end < f.start && skip_spaces(s, w.end) == f.start)
        {
            if let Some(v) = add_away_from_zero(whole.value, f.value) {
                f = Literal { start: whole.start, value: v, ..f };
                out.pop();
            }
        }
        out.push(f);
        k += 2;
    }
    out
}

/// 2^5 → 32, 2.5^-1 → 0.4, -1.1^+23: an Arabic base, a caret, signs and a whole exponent of
/// at most two digits; the base's minus sign applies after the power.
fn join_powers(s: &[char], lits: Vec<Literal>) -> Vec<Literal> {
    let mut out: Vec<Literal> = Vec::with_capacity(lits.len());
    let mut k = 0;
    while k < lits.len() {
        let base = &lits[k];
        let power = (base.arabic && !base.chinese && s.get(base.end) == Some(&'^')).then(|| {
            let mut j = base.end + 1;
            let mut negative = false;
            while matches!(s.get(j), Some('+' | '-')) {
                negative ^= s[j] == '-';
                j += 1;
            }
            let from = j;
            while s.get(j).is_some_and(char::is_ascii_digit) && j - from < 2 {
                j += 1;
            }
            let exp: u32 = s[from..j].iter().collect::<String>().parse().ok()?;
            if s.get(j).is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.') {
                return None;
            }
            let mut v = Decimal::ONE;
            for _ in 0..exp {
                v = v.checked_mul(base.value.abs())?;
            }
            let v = if negative { Decimal::ONE.checked_div(v)? } else { v };
            let v = if base.value.is_sign_negative() { -v } else { v };
            Some((v, j))
        });
        match power.flatten() {
            Some((value, end)) => {
                out.push(Literal { end, value, ..base.clone() });
                k += 1;
                while lits.get(k).is_some_and(|l| l.start < end) {
                    k += 1;
                }
            }
            None => {
                out.push(base.clone());
                k += 1;
            }
        }
    }
    out
}

/// 一打 → 12, 五十打 → 600: a whole number before 打 when 打 starts no verb (打造, 打开).
fn dozens(s: &[char], lits: Vec<Literal>) -> Vec<Literal> {
    lits.into_iter()
        .map(|l| {
            let dozen = s.get(l.end) == Some(&'打')
                && l.scale.is_empty()
                && !l.over
                && !l.approx
                && l.value.fract().is_zero()
                && !s.get(l.end + 1).is_some_and(|c| DA_VERBS.contains(*c));
            match l.value.checked_mul(Decimal::from(12)) {
                Some(value) if dozen => Literal { end: l.end + 1, value, high: None, ..l },
                _ => l,
            }
        })
        .collect()
}

fn literals_in(s: &[char]) -> Vec<Literal> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        // Not inside another numeral (二三十 is one), but after a scale (1.7亿65周岁: 65).
        // After a point only when it is no decimal point: ...9, or the next group of a dotted
        // sequence (2222.2222.22222).
        let after_point = s[i.saturating_sub(1)] == '.'
            && (i < 2 || !s[i - 2].is_ascii_digit() || out.last().is_some_and(|l: &Literal| l.end == i - 1));
        // 队伍3126: Arabic digits after a 大写 digit that is a common morpheme ([`can_start`]).
        let after_morpheme = i > 0 && is_financial_only(s[i - 1]) && s[i].is_ascii_digit();
        let boundary =
            i == 0 || !is_numeral_char(s[i - 1]) || big_unit(s[i - 1]).is_some() || after_point || after_morpheme;
        match literal_at(s, i) {
            Some(Ok(l)) if boundary => {
                i = l.end.max(i + 1);
                out.push(signed(s, l));
            }
            Some(Err(LiteralError::Overflow(_, b))) => i = b.max(i + 1),
            _ => i += 1,
        }
    }
    out
}
