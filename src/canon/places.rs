//! Place keys: a claim's `scope` as written (江苏, 江苏省, 苏州, 全国, 我国, 红河州) → a
//! canonical `place` and its GB/T 2260 `place_code`, from `patterns/admin-divisions.csv`
//! (provinces, prefecture-level cities and county-level divisions by official name) and
//! `patterns/places.toml` (the country, a release's own-region words, short-name rules).
//! Also lists the prefecture- and county-level names the segmenter learns as place words
//! ([`place_words`]). Reads the scope string only: which words are a figure's scope, and
//! what 全省 means in a release, the claims stage decides.

use crate::error::PatternError;
use crate::patterns::{Patterns, Source};
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceFile {
    country: NamedSpec,
    #[serde(default)]
    own_region: Vec<NamedSpec>,
    #[serde(default)]
    short_name: Vec<ShortSpec>,
    place_words: PlaceWordsSpec,
}

/// Which official names the segmenter learns as place words.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceWordsSpec {
    id: String,
    #[allow(dead_code)]
    description: String,
    /// The levels of the table whose names are learnt (prefecture, county).
    levels: Vec<String>,
    /// Shorter official names (赵县, 城区, 郊区) are left to the segmenter's own dictionary.
    min_chars: usize,
    /// Official names that are also common words (解放区).
    not_places: Vec<String>,
    /// Names that must be among the place words.
    examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamedSpec {
    id: String,
    #[allow(dead_code)]
    description: String,
    name: String,
    #[serde(default)]
    code: Option<String>,
    names: Vec<String>,
    /// Scopes as written that must come out as this place.
    #[serde(default)]
    examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShortSpec {
    id: String,
    #[allow(dead_code)]
    description: String,
    level: String,
    pattern: String,
    names: Vec<String>,
    #[serde(default)]
    examples: Vec<[String; 2]>,
}

/// A canonical place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Canonical name: the official name (江苏省, 苏州市) or 全国.
    pub name: String,
    /// GB/T 2260 code (`100000` for the whole country); `None` for an own-region word.
    pub code: Option<String>,
}

/// Name → place, for every name a scope may use.
#[derive(Debug, Clone, Default)]
pub struct Places {
    by_name: BTreeMap<String, Place>,
}

/// One division of the CSV.
struct Division {
    code: String,
    name: String,
    level: String,
}

fn read_divisions(src: &Source) -> Result<Vec<Division>, PatternError> {
    let path = &src.path;
    let mut out = Vec::new();
    for (k, line) in src.text.lines().enumerate() {
        if k == 0 || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split(',').map(str::trim).collect();
        let bad = |m: &str| PatternError::Invalid { path: path.to_path_buf(), line: k + 1, message: m.to_string() };
        let [code, name, level, _parent] = cols.as_slice() else {
            return Err(bad("expected 4 columns: code,name,level,parent"));
        };
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(&format!("{code:?} is no 6-digit code")));
        }
        if !matches!(*level, "province" | "prefecture" | "county") {
            return Err(bad(&format!("level {level:?}: expected province, prefecture or county")));
        }
        out.push(Division { code: code.to_string(), name: name.to_string(), level: level.to_string() });
    }
    Ok(out)
}

impl Places {
    /// Loads `places.toml` and `admin-divisions.csv` from `dir`.
    ///
    /// # Errors
    /// Syntax errors, a bad rule or a failing example, a malformed CSV row; with the file
    /// and line.
    pub fn load(patterns: &Patterns) -> Result<Self, PatternError> {
        let src = patterns.source("places.toml")?;
        let f: PlaceFile = src.parse()?;
        let divisions = read_divisions(&patterns.source("admin-divisions.csv")?)?;
        let mut by_name: BTreeMap<String, Place> = BTreeMap::new();
        // Official names first: they never give way. A county-level name two counties share
        // (朝阳区, 鼓楼区) names neither, nor one a province or prefecture has.
        let mut counties: BTreeMap<&str, Vec<&Division>> = BTreeMap::new();
        for d in &divisions {
            if d.level == "county" {
                counties.entry(&d.name).or_default().push(d);
            } else {
                by_name.insert(d.name.clone(), Place { name: d.name.clone(), code: Some(d.code.clone()) });
            }
        }
        for (name, list) in counties {
            if let ([d], false) = (list.as_slice(), by_name.contains_key(name)) {
                by_name.insert(d.name.clone(), Place { name: d.name.clone(), code: Some(d.code.clone()) });
            }
        }
        // Short names: provinces before cities, so a shared short name is the province's;
        // two cities sharing one leave it unused.
        let mut shorts: BTreeMap<String, Vec<Place>> = BTreeMap::new();
        let mut rules = Vec::new();
        for spec in &f.short_name {
            let at = format!("\"{}\"", spec.id);
            let regex = Regex::new(&spec.pattern)
                .map_err(|e| src.error_at(&at, format!("rule {}: bad regex: {e}", spec.id)))?;
            if !matches!(spec.level.as_str(), "province" | "prefecture") {
                return Err(src.error_at(
                    &at,
                    format!("rule {}: level {:?}: expected province or prefecture", spec.id, spec.level),
                ));
            }
            for [official, name] in &spec.examples {
                let got = short_names(&regex, &spec.names, official);
                if !got.contains(name) {
                    return Err(
                        src.error_at(&at, format!("rule {}: {official} should give {name}, gives {got:?}", spec.id))
                    );
                }
            }
            rules.push((spec, regex));
        }
        for level in ["province", "prefecture"] {
            for d in divisions.iter().filter(|d| d.level == level) {
                for (spec, regex) in rules.iter().filter(|(s, _)| s.level == level) {
                    for name in short_names(regex, &spec.names, &d.name) {
                        let place = Place { name: d.name.clone(), code: Some(d.code.clone()) };
                        let list = shorts.entry(name).or_default();
                        if !list.contains(&place) {
                            list.push(place);
                        }
                    }
                }
            }
        }
        for (name, list) in shorts {
            if by_name.contains_key(&name) {
                continue;
            }
            let province = list.iter().find(|p| p.code.as_deref().is_some_and(|c| c.ends_with("0000")));
            match (province, list.as_slice()) {
                (Some(p), _) => {
                    by_name.insert(name, p.clone());
                }
                (None, [one]) => {
                    by_name.insert(name, one.clone());
                }
                _ => {}
            }
        }
        let mut named = |spec: &NamedSpec| -> Result<(), PatternError> {
            let place = Place { name: spec.name.clone(), code: spec.code.clone() };
            for n in &spec.names {
                if let Some(prev) = by_name.insert(n.clone(), place.clone()) {
                    if prev != place {
                        return Err(src.error_at(
                            &format!("\"{}\"", spec.id),
                            format!("{}: {n} is already the name of {}", spec.id, prev.name),
                        ));
                    }
                }
            }
            Ok(())
        };
        named(&f.country)?;
        for spec in &f.own_region {
            if spec.code.is_some() {
                return Err(
                    src.error_at(&format!("\"{}\"", spec.id), format!("{}: an own region has no code", spec.id))
                );
            }
            named(spec)?;
        }
        let places = Self { by_name };
        for spec in std::iter::once(&f.country).chain(&f.own_region) {
            for ex in &spec.examples {
                let got = places.place(ex).map(|p| p.name.as_str());
                if got != Some(spec.name.as_str()) {
                    return Err(src.error_at(
                        &format!("\"{}\"", spec.id),
                        format!("{}: {ex} should be {}, is {got:?}", spec.id, spec.name),
                    ));
                }
            }
        }
        Ok(places)
    }

    /// The place a scope names, if any.
    pub fn place(&self, scope: &str) -> Option<&Place> {
        let s: String = scope.chars().filter(|c| !c.is_whitespace()).collect();
        self.by_name.get(&s)
    }
}

/// The names the segmenter takes for place words (`ns`): every official name of the
/// `[place_words] levels` in `admin-divisions.csv` of at least `[place_words] min_chars` characters,
/// except the `not_places` (common words such as 解放区). Sorted, without repeats.
///
/// # Errors
/// A syntax error or a malformed CSV row; an example missing from the list or a `not_places`
/// entry that is no name of those levels, with the file and line.
pub fn place_words(patterns: &Patterns) -> Result<Vec<String>, PatternError> {
    let src = patterns.source("places.toml")?;
    let f: PlaceFile = src.parse()?;
    let spec = &f.place_words;
    let at = format!("\"{}\"", spec.id);
    let divisions = read_divisions(&patterns.source("admin-divisions.csv")?)?;
    let names: std::collections::BTreeSet<&str> =
        divisions.iter().filter(|d| spec.levels.contains(&d.level)).map(|d| d.name.as_str()).collect();
    for w in &spec.not_places {
        if !names.contains(w.as_str()) {
            return Err(src.error_at(&at, format!("{}: {w} in not_places is no name of those levels", spec.id)));
        }
    }
    let words: Vec<String> = names
        .into_iter()
        .filter(|n| n.chars().count() >= spec.min_chars && !spec.not_places.iter().any(|w| w == n))
        .map(str::to_string)
        .collect();
    for ex in &spec.examples {
        if words.binary_search(ex).is_err() {
            return Err(src.error_at(&at, format!("{}: {ex} should be a place word", spec.id)));
        }
    }
    Ok(words)
}

/// The names a short-name rule gives an official name (none when it does not match or the
/// short name has fewer than two characters).
fn short_names(regex: &Regex, templates: &[String], official: &str) -> Vec<String> {
    let Some(c) = regex.captures(official) else { return Vec::new() };
    let Some(short) = c.name("short").map(|m| m.as_str()) else { return Vec::new() };
    if short.chars().count() < 2 {
        return Vec::new();
    }
    templates.iter().map(|t| t.replace("{short}", short)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_become_places_with_codes() {
        let p = Places::load(&crate::patterns::Patterns::embedded()).unwrap();
        let get = |s: &str| p.place(s).map(|p| (p.name.as_str(), p.code.as_deref()));
        assert_eq!(get("江苏"), Some(("江苏省", Some("320000"))));
        assert_eq!(get("江苏省"), Some(("江苏省", Some("320000"))));
        assert_eq!(get("苏州"), Some(("苏州市", Some("320500"))));
        assert_eq!(get("宁波"), Some(("宁波市", Some("330200"))));
        assert_eq!(get("北京"), Some(("北京市", Some("110000"))));
        assert_eq!(get("内蒙古自治区"), Some(("内蒙古自治区", Some("150000"))));
        assert_eq!(get("红河州"), Some(("红河哈尼族彝族自治州", Some("532500"))));
        assert_eq!(get("吉林"), Some(("吉林省", Some("220000"))));
        assert_eq!(get("吉林市"), Some(("吉林市", Some("220200"))));
        assert_eq!(get("海南"), Some(("海南省", Some("460000"))));
        for country in ["全国", "中国", "我国"] {
            assert_eq!(get(country), Some(("全国", Some("100000"))), "{country}");
        }
        assert_eq!(get("我省"), Some(("全省", None)));
        assert_eq!(get("全球"), None);
        // County-level names: official names only, and only a name one county has.
        assert_eq!(get("邛崃市"), Some(("邛崃市", Some("510183"))));
        assert_eq!(get("鸠江区"), Some(("鸠江区", Some("340207"))));
        assert_eq!(get("朝阳区"), None);
        assert_eq!(get("邛崃"), None);
        assert_eq!(get("苏州市"), Some(("苏州市", Some("320500"))));
    }

    #[test]
    fn prefecture_and_county_names_of_three_chars_and_more_are_place_words() {
        let w = place_words(&crate::patterns::Patterns::embedded()).unwrap();
        for name in ["吴忠市", "苏州市", "鸠江区", "南陵县", "无为市", "邛崃市", "朝阳区"] {
            assert!(w.iter().any(|x| x == name), "{name}");
        }
        for name in ["城区", "郊区", "赵县", "解放区", "江苏省"] {
            assert!(!w.iter().any(|x| x == name), "{name}");
        }
    }
}
