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
        '二' | '贰' | '两' | '貳' => 2,
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

/// Value of a small unit (十 百 千).
pub fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
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
    chinese_digit(c).is_some() || matches!(c, '十' | '拾' | '几' | '数')
}

/// Reads an Arabic number (`1,255.6`, `０.5` after folding) at `i`; returns value and end.
/// Thousands separators count only in groups of three.
fn arabic_at(s: &[char], i: usize) -> Option<Result<(Decimal, usize), LiteralError>> {
    if !s.get(i)?.is_ascii_digit() {
        return None;
    }
    let mut j = i;
    let mut digits = String::new();
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
    if j + 1 < s.len() && s[j] == '.' && s[j + 1].is_ascii_digit() {
        digits.push('.');
        j += 1;
        while j < s.len() && s[j].is_ascii_digit() {
            digits.push(s[j]);
            j += 1;
        }
    }
    Some(match digits.parse::<Decimal>() {
        Ok(v) => Ok((v, j)),
        Err(_) => Err(LiteralError::Overflow(i, j)),
    })
}

/// Accumulator for the sectioned Chinese reading.
#[derive(Default)]
struct Acc {
    yi: Decimal,
    wan: Decimal,
    section: Decimal,
    cur: Option<Decimal>,
    /// The last token was a unit with this value (for 三万五 = 35000).
    last_unit: Option<Decimal>,
    zero_seen: bool,
    /// Consecutive bare digits (positional reading 二〇二四).
    run: usize,
}

fn ck(v: Option<Decimal>) -> Result<Decimal, ()> {
    v.ok_or(())
}

impl Acc {
    fn total(&self) -> Result<Decimal, ()> {
        let mut t = ck(self.yi.checked_add(self.wan))?;
        t = ck(t.checked_add(self.section))?;
        if let Some(c) = self.cur {
            let add = match (self.last_unit, self.zero_seen) {
                // 三万五 → 5 × 1000; 两千六 → 6 × 100
                (Some(u), false) if self.run == 1 && u >= Decimal::TEN => ck(c.checked_mul(u / Decimal::TEN))?,
                _ => c,
            };
            t = ck(t.checked_add(add))?;
        }
        Ok(t)
    }
}

/// Reads a number literal starting exactly at `i` (Arabic, Chinese or mixed).
/// Returns `None` when no literal starts there.
pub fn literal_at(s: &[char], i: usize) -> Option<Result<Literal, LiteralError>> {
    let first = *s.get(i)?;
    if !first.is_ascii_digit() && !starts_chinese(first) {
        return None;
    }
    let mut acc = Acc::default();
    let mut j = i;
    let mut arabic = false;
    let mut chinese = false;
    let mut over = false;
    let mut approx = false;
    let mut scale = String::new();
    let mut any_digit = false;
    let overflow = |j: usize| Some(Err(LiteralError::Overflow(i, j.max(i + 1))));
    while j < s.len() {
        let c = s[j];
        if c.is_ascii_digit() {
            if acc.cur.is_some() || (arabic && acc.last_unit.is_none()) {
                break;
            }
            match arabic_at(s, j)? {
                Ok((v, e)) => {
                    acc.cur = Some(v);
                    acc.run = 1;
                    j = e;
                }
                Err(_) => return overflow(j),
            }
            arabic = true;
            any_digit = true;
            acc.zero_seen = false;
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
            acc.run += 1;
            j += 1;
            continue;
        }
        if matches!(c, '几' | '数') && !arabic {
            // 几十, 十几, 数百: approximate; 几 counts as 1 before a unit, 0 after one.
            let next_unit = s.get(j + 1).is_some_and(|n| small_unit(*n).is_some() || big_unit(*n).is_some());
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
        if let Some(u) = small_unit(c) {
            let u = Decimal::from(u);
            // 十 at the start (十五) means 1 × 10.
            let base = match acc.cur.take() {
                Some(v) => v,
                None if !any_digit || acc.zero_seen => Decimal::ONE,
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
                break; // 万万: not a numeral
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
        let digit_follows = s.get(j + 1).is_some_and(|n| chinese_digit(*n).is_some());
        if c == '点' && !arabic && digit_follows && (acc.cur.is_some() || acc.last_unit == Some(Decimal::TEN)) {
            // 三点一四, 十点五: Chinese decimal point.
            let mut frac = String::from("0.");
            let mut k = j + 1;
            while k < s.len() {
                match chinese_digit(s[k]) {
                    Some(d) => frac.push(char::from(b'0' + d as u8)),
                    None => break,
                }
                k += 1;
            }
            let Ok(f) = frac.parse::<Decimal>() else { return overflow(k) };
            let base = acc.cur.take().unwrap_or(Decimal::ZERO);
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
    // A dangling 余/多 not followed by a unit stays part of the literal (1200余家).
    let value = match acc.total() {
        Ok(v) => v,
        Err(()) => return overflow(j),
    };
    Some(Ok(Literal { start: i, end: j, value, arabic, chinese, scale, over, approx }))
}

/// Folds full-width digits, letters and number punctuation to ASCII, one char for one char,
/// so offsets into the folded text are offsets into the original.
pub fn fold(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '％' => '%',
            '．' => '.',
            '，' => '，',
            '：' => ':',
            '－' | '—' | '–' => '-',
            '～' | '〜' => '~',
            _ => c,
        })
        .collect()
}

/// Parses a whole string as one number (strict: the literal must cover all of it).
pub fn parse_number(s: &str) -> Option<Decimal> {
    let chars = fold(s);
    match literal_at(&chars, 0)? {
        Ok(l) if l.end == chars.len() && !l.over && !l.approx => Some(l.value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn v(s: &str) -> Option<String> {
        parse_number(s).map(|d| d.normalize().to_string())
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
