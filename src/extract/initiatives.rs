//! The initiative recognizer: named programmes, plans, policies and documents.
//!
//! Three passes over the body text, each cheap on its own: 《…》 titles (documents), quoted
//! spans (kept only with evidence: a head noun, a launching verb, a list with 等, quotations
//! run together before one head), and unquoted names ending in a policy head noun (cut by
//! segmentation, not by a fixed window, and only with evidence: a launching verb before
//! them, a building verb after a work (…工程正式开工), a progress verb after a programme
//! (…专项整治持续深化), a list of one head). Quoted metaphors, slogans and product brands
//! (“宾川柑橘”品牌) are dropped. Abbreviations are tied to their spelled-out forms. Never looks
//! at numbers' values.

use super::claims::is_nounish;
use super::rules::Words;
use super::Folded;
use crate::error::PatternError;
use crate::model::{Initiative, InitiativeKind, Span, Warning, WarningCode};
use crate::patterns::{Patterns, Rule, RuleSpec};
use crate::segment::Word;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadSpec {
    kind: InitiativeKind,
    words: Vec<String>,
    unquoted: bool,
    #[serde(default)]
    own_word: bool,
    #[serde(default)]
    adjacent: bool,
    #[serde(default)]
    descriptive: bool,
    #[serde(default)]
    not_counted: bool,
    #[serde(default)]
    not_joined: bool,
    #[serde(default)]
    after_only: bool,
    #[serde(default)]
    names_alone: bool,
    #[serde(default)]
    built: bool,
    #[serde(default)]
    place_led: bool,
    #[serde(default)]
    place_only: bool,
    #[serde(default)]
    min_unquoted: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    head: Vec<HeadSpec>,
    launch_verbs: Vec<String>,
    slogan_before: Vec<String>,
    never_before: Vec<String>,
    aspect_particles: Vec<String>,
    #[serde(default)]
    modifier_conjunctions: Vec<String>,
    counted_set: Vec<String>,
    manner_suffixes: Vec<String>,
    per_unit_methods: Vec<String>,
    join_marks: Vec<String>,
    #[serde(default)]
    target_units: Vec<String>,
    clause_verbs: Vec<String>,
    level_words: Vec<String>,
    owner_words: Vec<String>,
    head_followers: Vec<String>,
    measure_followers: Vec<String>,
    frame_followers: Vec<String>,
    frame_open: Vec<String>,
    frame_close: Vec<String>,
    object_followers: Vec<String>,
    season_words: Vec<String>,
    brand_heads: Vec<String>,
    built_verbs: Vec<String>,
    built_adverbs: Vec<String>,
    example_counts: Vec<String>,
    example_measures: Vec<String>,
    example_heads: Vec<String>,
    progress_verbs: Vec<String>,
    since_verbs: Vec<String>,
    since_open: Vec<String>,
    since_close: Vec<String>,
    since_span: usize,
    edition_markers: Vec<String>,
    #[serde(default)]
    edition_words: Vec<String>,
    acronym_heads: Vec<String>,
    slogan_after: Vec<String>,
    generic_modifiers: Vec<String>,
    document_heads: Vec<String>,
    publication_heads: Vec<String>,
    work_nouns: Vec<String>,
    max_quoted: usize,
    runaway_quote: usize,
    rule: Vec<RuleSpec>,
}

/// A head noun's kind and whether it finds unquoted names.
#[derive(Debug, Clone, Copy)]
pub struct Head {
    /// Kind given to names ending in it.
    pub kind: InitiativeKind,
    /// Usable without quotation marks.
    pub unquoted: bool,
    /// Inside a quoted name, counts only as a word of its own (链长/制, not 复制 or 所有制).
    pub own_word: bool,
    /// After a quotation, counts only right after the closing mark (“两新一重”建设, not
    /// “好地方”扬州建设), or, unless `descriptive`, after nouns with no place among them
    /// (“沙戈荒”大型风电光伏基地建设).
    pub adjacent: bool,
    /// A classifier that also follows descriptions (惠民生的“小而美”项目): a slogan word before
    /// the quotation makes it no name.
    pub descriptive: bool,
    /// A counted set ending in it (“两个结合”) is a doctrine, no name.
    pub not_counted: bool,
    /// Not after a quotation that already joins its parts with a mark (“电影+文旅”融合 describes
    /// a blend; “医育结合” names a policy).
    pub not_joined: bool,
    /// Counts after a quotation only, never at the end of the quoted text (建设).
    pub after_only: bool,
    /// An instrument of its own (支农再贷款, 碳减排支持工具): written without quotes, any
    /// modifier of two or more characters names one, without a launching verb.
    pub names_alone: bool,
    /// A work being built (姚家林水利枢纽工程正式开工, 长江存储二期项目): written without quotes,
    /// named when a building verb (开工, 投产) follows it or it is listed with one.
    pub built: bool,
    /// Written without quotes, a modifier of four or more characters that opens with a place
    /// or a level of government names one without a launching verb (山西省能源转型发展基金,
    /// 国家制造业转型升级基金).
    pub place_led: bool,
    /// Written without quotes, named only when a place or a level of government opens it
    /// (上海市算力调度平台), never on a launching verb alone (打造创新平台).
    pub place_only: bool,
    /// Fewest characters of modifier a name needs without quotation marks (强村富民乡村集成改革,
    /// not 深化改革). Every name needs two unless this is 1 (河长制: one character before 长制).
    pub min_unquoted: usize,
}

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct InitiativeRules {
    heads: Words<Head>,
    launch: Words<()>,
    slogan_before: Words<()>,
    never_before: Words<()>,
    aspect_particles: Words<()>,
    /// Conjunctions joining two nouns inside a name's modifier (文化和旅游消费行动计划).
    conjunctions: Words<()>,
    counted_set: Vec<char>,
    /// Last characters of a quotation naming a manner (“体检式”): no name on a verb alone.
    manner_suffixes: Vec<char>,
    /// Last parts of a per-unit quotation (“一企一档”, “一区一策”) naming a way of working: no
    /// name on a verb alone.
    per_unit_methods: Words<()>,
    /// Marks joining the parts of a quotation (“电影+文旅”).
    join_marks: Vec<char>,
    /// Units after a numeral that make it a target inside a name (千亿斤粮食产能提升行动), not a
    /// count of names.
    target_units: Words<()>,
    clause_verbs: Words<()>,
    level_words: Vec<String>,
    owner_words: Words<()>,
    head_followers: Words<()>,
    measure_followers: Words<()>,
    frame_followers: Words<()>,
    frame_open: Words<()>,
    frame_close: Words<()>,
    object_followers: Words<()>,
    season_words: Words<()>,
    brand_heads: Vec<String>,
    built_verbs: Words<()>,
    built_adverbs: Words<()>,
    example_counts: Words<()>,
    example_measures: Words<()>,
    example_heads: Words<()>,
    progress_verbs: Words<()>,
    since_verbs: Words<()>,
    since_open: Words<()>,
    since_close: Words<()>,
    since_span: usize,
    edition_markers: Words<()>,
    /// Editions written as one word before a name (新一轮, 首批).
    edition_words: Words<()>,
    acronym_heads: Words<()>,
    slogan_after: Words<()>,
    generic: Vec<String>,
    document_heads: Words<()>,
    publication_heads: Words<()>,
    work_nouns: Words<()>,
    max_quoted: usize,
    runaway: usize,
    quoted: Rule,
    book: Rule,
    /// All rules, for example checks.
    pub rules: Vec<Rule>,
}

impl InitiativeRules {
    /// Loads `initiatives.toml` from `dir`.
    ///
    /// # Errors
    /// Syntax, schema, regex and example failures, with file and line.
    pub fn load(patterns: &Patterns) -> Result<Self, PatternError> {
        let src = patterns.source("initiatives.toml")?;
        let f: File = src.parse()?;
        let rules = src.compile_rules(&f.rule, &BTreeMap::new())?;
        let find = |id: &str| {
            rules
                .iter()
                .find(|r| r.id == id)
                .cloned()
                .ok_or_else(|| src.error_at("[[rule]]", format!("rule {id} is required")))
        };
        let (quoted, book) = (find("initiative.quoted")?, find("initiative.book_title")?);
        for r in [&quoted, &book] {
            if !r.regex.capture_names().flatten().any(|n| n == "name") {
                return Err(src.error_at(&format!("\"{}\"", r.id), "needs a group named name"));
            }
        }
        let mut heads = Vec::new();
        for h in &f.head {
            heads.extend(h.words.iter().map(|w| {
                (
                    w.clone(),
                    Head {
                        kind: h.kind,
                        unquoted: h.unquoted,
                        own_word: h.own_word,
                        adjacent: h.adjacent,
                        descriptive: h.descriptive,
                        not_counted: h.not_counted,
                        not_joined: h.not_joined,
                        after_only: h.after_only,
                        names_alone: h.names_alone,
                        built: h.built,
                        place_led: h.place_led,
                        place_only: h.place_only,
                        min_unquoted: h.min_unquoted,
                    },
                )
            }));
        }
        let words = |v: &[String]| Words::new(v.iter().map(|w| (w.clone(), ())).collect());
        Ok(Self {
            heads: Words::new(heads),
            launch: words(&f.launch_verbs),
            slogan_before: words(&f.slogan_before),
            never_before: words(&f.never_before),
            aspect_particles: words(&f.aspect_particles),
            conjunctions: words(&f.modifier_conjunctions),
            counted_set: f.counted_set.iter().flat_map(|w| w.chars()).collect(),
            manner_suffixes: f.manner_suffixes.iter().flat_map(|w| w.chars()).collect(),
            per_unit_methods: words(&f.per_unit_methods),
            join_marks: f.join_marks.iter().flat_map(|w| w.chars()).collect(),
            target_units: words(&f.target_units),
            clause_verbs: words(&f.clause_verbs),
            level_words: f.level_words,
            owner_words: words(&f.owner_words),
            head_followers: words(&f.head_followers),
            measure_followers: words(&f.measure_followers),
            frame_followers: words(&f.frame_followers),
            frame_open: words(&f.frame_open),
            frame_close: words(&f.frame_close),
            object_followers: words(&f.object_followers),
            season_words: words(&f.season_words),
            brand_heads: f.brand_heads.clone(),
            built_verbs: words(&f.built_verbs),
            built_adverbs: words(&f.built_adverbs),
            example_counts: words(&f.example_counts),
            example_measures: words(&f.example_measures),
            example_heads: words(&f.example_heads),
            progress_verbs: words(&f.progress_verbs),
            since_verbs: words(&f.since_verbs),
            since_open: words(&f.since_open),
            since_close: words(&f.since_close),
            since_span: f.since_span,
            edition_markers: words(&f.edition_markers),
            edition_words: words(&f.edition_words),
            acronym_heads: words(&f.acronym_heads),
            slogan_after: words(&f.slogan_after),
            generic: f.generic_modifiers,
            document_heads: words(&f.document_heads),
            publication_heads: words(&f.publication_heads),
            work_nouns: words(&f.work_nouns),
            max_quoted: f.max_quoted,
            runaway: f.runaway_quote,
            quoted,
            book,
            rules,
        })
    }
}

/// One sighting before merging.
#[derive(Debug, Clone)]
struct Candidate {
    name: String,
    full_name: String,
    kind: InitiativeKind,
    span: Span,
    evidence: Vec<String>,
    /// The head noun (for alias matching).
    head: Option<String>,
    quoted: bool,
}

/// `name` without a bracketed aside at its end: 行动计划（2024—2026年） → 行动计划.
fn strip_trailing_aside(name: &str) -> &str {
    let trimmed = name.trim_end();
    let Some(inner) = trimmed.strip_suffix('）').or_else(|| trimmed.strip_suffix(')')) else { return trimmed };
    match inner.rfind(['（', '(']) {
        Some(open) if open > 0 => inner[..open].trim_end(),
        _ => trimmed,
    }
}

/// Extracts initiatives.
pub fn extract(rules: &InitiativeRules, words: &[Word], f: &Folded, warnings: &mut Vec<Warning>) -> Vec<Initiative> {
    let s = &f.chars;
    let mut covered = vec![false; s.len()];
    let mut cands = Vec::new();
    check_runaway(rules, s, warnings);
    // Each 《…》 title: its span, its name as written (the folded text maps full-width and dash
    // variants), and whether it is a policy document: 《…方案》《…意见》《…条例》, not films,
    // books or newspapers. A trailing edition or period in brackets (…三年行动计划（2024—2026年）)
    // is not the head.
    let books: Vec<([usize; 2], String, bool)> = super::captures(&rules.book.regex, &f.string)
        .filter_map(|c| {
            let (m, n) = (c.get(0)?, c.name("name")?);
            let name = f.text(f.char_at_byte(n.start()), f.char_at_byte(n.end())).trim().to_string();
            let nc: Vec<char> = strip_trailing_aside(&name).chars().collect();
            let document = rules.document_heads.ending_at(&nc, nc.len()).is_some_and(|(l, _)| l < nc.len())
                && rules.publication_heads.ending_at(&nc, nc.len()).is_none();
            Some(([f.char_at_byte(m.start()), f.char_at_byte(m.end())], name, document))
        })
        .collect();
    // Titles written one after another (《封神第二部》《射雕英雄传》《蛟龙行动》, or with 、) are
    // one list: when more of them are neither documents nor publications than are documents,
    // or a work noun (影片, 电视剧) stands before the first, they are all works, whatever their
    // last word (《民法典》《物业管理条例》 keeps its 条例).
    let mut works = vec![false; books.len()];
    let mut first = 0;
    for i in 0..books.len() {
        let next_joined = books.get(i + 1).is_some_and(|(next, ..)| {
            let gap = &s[books[i].0[1]..next[0]];
            gap.is_empty() || gap == ['、']
        });
        if !next_joined {
            let run = first..i + 1;
            let work_led = rules.work_nouns.ending_at(s, books[first].0[0]).is_some();
            let other = |name: &str| {
                let nc: Vec<char> = strip_trailing_aside(name).chars().collect();
                rules.publication_heads.ending_at(&nc, nc.len()).is_none()
            };
            let documents = books[run.clone()].iter().filter(|(.., document)| *document).count();
            let others = books[run.clone()].iter().filter(|(_, name, document)| !document && other(name)).count();
            let is_works = work_led || others > documents;
            works[run].iter_mut().for_each(|w| *w = is_works);
            first = i + 1;
        }
    }
    for ((span, name, document), work) in books.into_iter().zip(works) {
        if !document || work {
            continue;
        }
        covered[span[0]..span[1]].iter_mut().for_each(|x| *x = true);
        cands.push(Candidate {
            full_name: name.clone(),
            name,
            kind: InitiativeKind::Document,
            span,
            evidence: vec![rules.book.id.clone()],
            head: None,
            quoted: true,
        });
    }
    let quotes: Vec<(usize, usize, usize, usize)> = super::captures(&rules.quoted.regex, &f.string)
        .filter_map(|c| {
            let (m, n) = (c.get(0)?, c.name("name")?);
            Some((
                f.char_at_byte(m.start()),
                f.char_at_byte(n.start()),
                f.char_at_byte(n.end()),
                f.char_at_byte(m.end()),
            ))
        })
        .filter(|(a, ..)| !covered[*a])
        .collect();
    for (qi, &(a, na, nb, b)) in quotes.iter().enumerate() {
        // 《巴黎协定》、“昆明—蒙特利尔全球生物多样性框架”: listed with a document.
        let s = &f.chars;
        let doc_listed = (a >= 2 && s[a - 1] == '、' && s[a - 2] == '》' && covered[a - 2])
            || (s.get(b) == Some(&'、') && s.get(b + 1) == Some(&'《') && covered[b + 1]);
        if let Some(c) = quoted_candidate(rules, words, f, &quotes, qi, (a, na, nb, b), doc_listed) {
            covered[c.span[0]..c.span[1]].iter_mut().for_each(|x| *x = true);
            cands.push(c);
        } else {
            covered[a..b].iter_mut().for_each(|x| *x = true);
        }
    }
    unquoted_candidates(rules, words, f, &covered, &mut cands);
    acronym_candidates(rules, f, &covered, &mut cands);
    // A name the text fights (打击“套路贷”) or calls something (被称为“…”) anywhere is no
    // initiative at any of its mentions.
    let refused: Vec<String> = quotes
        .iter()
        .filter(|(a, ..)| rules.never_before.ending_at(s, *a).is_some())
        .map(|&(_, na, nb, _)| f.text(na, nb).trim().to_string())
        .collect();
    let mut inits = merge(f, cands);
    inits.retain(|i| !refused.contains(&i.name));
    inits
}

/// Adds the stretches whose words the recognizer reads: each quoted or book-title name with
/// the char on either side (the words inside the marks and around them), and the sentences
/// in which a head noun that may stand unquoted ends after a launching verb or before the
/// close of a frame (以…为抓手) (names without quotation marks).
pub fn spans_read(rules: &InitiativeRules, f: &Folded, sentences: &[Span], out: &mut Vec<Span>) {
    let s = &f.chars;
    for r in [&rules.book, &rules.quoted] {
        for m in r.regex.find_iter(&f.string) {
            let (a, b) = (f.char_at_byte(m.start()), f.char_at_byte(m.end()));
            // A head a few nouns after the closing mark (“百场万企”大中小企业融通对接活动): the
            // words up to it are read too.
            let end = (b + 2..=(b + HEAD_REACH + 6).min(s.len()))
                .rev()
                .find(|&e| rules.heads.ending_at(s, e).is_some())
                .unwrap_or(b + 1);
            out.push([a.saturating_sub(1), end.min(s.len())]);
        }
    }
    // …and the sentences naming a document by its compound head (…试点管理办法), with or without.
    for &[a, b] in sentences {
        let b = b.min(s.len());
        let verb = (a + 1..=b).find(|&e| rules.launch.ending_at(s, e).is_some());
        let named = |e: usize| {
            rules.heads.ending_at(s, e).is_some_and(|(_, h)| {
                (h.unquoted
                    && (h.kind == InitiativeKind::Document
                        || h.names_alone
                        || h.place_led
                        || verb.is_some_and(|v| e > v)
                        || under_way(rules, s, e)
                        || rules.frame_close.at(s, e).is_some()))
                    || (h.built && built_after(rules, s, e))
            })
        };
        if (a + 1..=b).any(named) {
            out.push([a, b]);
        }
    }
    // Names of one head listed together (科教兴国战略、人才强国战略), with or without a verb.
    for &[a, b] in sentences {
        let b = b.min(s.len());
        // …and enumerated items that are names (一是强链补链工程，).
        let read = (a + 1..=b).any(|e| {
            rules.heads.ending_at(s, e).is_some_and(|(l, h)| {
                (h.unquoted || h.built)
                    && ((e < b && matches!(s[e], '、' | '和' | '及' | '与')) || enumerated_item(s, e - l, e).is_some())
            })
        });
        if read {
            out.push([a, b]);
        }
    }
}

fn check_runaway(rules: &InitiativeRules, s: &[char], warnings: &mut Vec<Warning>) {
    let mut open: Option<usize> = None;
    let mut runaway = 0;
    for (i, c) in s.iter().enumerate() {
        match c {
            '“' => {
                if open.is_some_and(|o| i - o > rules.runaway) {
                    runaway += 1;
                }
                open = Some(i);
            }
            '”' => open = None,
            _ => {}
        }
    }
    if open.is_some_and(|o| s.len() - o > rules.runaway) {
        runaway += 1;
    }
    if runaway > 0 {
        warnings.push(Warning::new(
            WarningCode::QuoteSkipped,
            format!("{runaway} quotation mark(s) left open for over {} characters; not read as names", rules.runaway),
        ));
    }
}

/// How far after a quotation's closing mark a head may start (“一链一策一批”中小微企业融资促进行动).
const HEAD_REACH: usize = 12;

/// The longest word-aligned chain of nouns/numerals after `from` that ends in a head noun.
fn head_after(rules: &InitiativeRules, words: &[Word], f: &Folded, from: usize) -> Option<(usize, String, Head)> {
    heads_after(rules, words, f, from).pop()
}

/// Every word-aligned chain of nouns/numerals after `from` that ends in a head noun, shortest
/// first (“5G+工业互联网”应用示范 and …应用示范项目).
fn heads_after(rules: &InitiativeRules, words: &[Word], f: &Folded, from: usize) -> Vec<(usize, String, Head)> {
    let lo = words.partition_point(|w| w.start < from);
    let mut found = Vec::new();
    let mut after_noun = false;
    let mut after_verb = false;
    for (i, w) in words[lo..].iter().take(6).enumerate() {
        if w.start >= from + HEAD_REACH {
            break;
        }
        // The head word itself may carry any tag (举措/v); the words before it must not.
        let chain: Vec<char> = f.chars[from..w.end].to_vec();
        let ends_head = rules.heads.ending_at(&chain, chain.len());
        // “断头路”8条: a one-character head right after a numeral is its counter.
        let counter = ends_head.is_some_and(|(len, _)| len == 1 && w.end >= 2 && numeral_char(f.chars[w.end - 2]));
        if let Some((len, head)) = ends_head.filter(|_| !counter) {
            found.push((w.end, f.text(w.end - len, w.end), head));
        }
        // 现代/t 产业集群 建设工程: a time word may modify the head (“51020”现代产业集群建设工程).
        // 研发/j 攻关/v 计划, 能源/n 保供/v 专项行动: a verb after a noun is part of the
        // modifier, never one right after the closing mark (“X”作为…) nor a launching verb.
        // A second verb after one (森林草原防/v 灭火/v 专项整治行动) or after a measure word
        // (“徽动消费”系列/q 促/v 消费活动) is part of it too.
        let inner_verb = w.tag == "v"
            && (after_noun || after_verb || (i > 0 && words[lo + i - 1].tag == "q"))
            && rules.launch.ending_at(&f.chars, w.end).is_none();
        // “湘当有味”促消费活动: a one-character verb with its object says what the campaign is for.
        let purpose = w.tag == "v"
            && w.start == from
            && w.end - w.start == 1
            && words.get(lo + i + 1).is_some_and(|n| is_nounish(n.tag) || n.tag == "vn");
        // “放心消费”创建行动, “三品”提升行动: a verb of two characters right after the closing
        // mark that the head follows names the campaign's act (not one that makes the quotation
        // a slogan: “十四五”作为规划期).
        // “不断线”就业服务专项行动, “新业态·新工会·新服务”集中入会行动: or a verb of two characters
        // opening the nouns or verbs before the head.
        let act = w.tag == "v"
            && w.start == from
            && ends_head.is_none()
            && w.end - w.start == 2
            && !rules.slogan_before.holds(&f.chars[w.start..w.end])
            && words.get(lo + i + 1).is_some_and(|n| {
                rules
                    .heads
                    .ending_at(&f.chars[from..n.end], n.end - from)
                    .is_some_and(|(len, _)| len >= n.end - n.start)
                    || matches!(n.tag, "v" | "vn" | "n")
            });
        // “百城百区”文化和旅游消费行动计划: 和 joining two nouns inside the modifier; not after
        // a head (“气象+”赋能行动和智慧气象建设 joins two things), nor before a noun that is a
        // head itself (“小快轻准”数字化产品和解决方案), nor between levels of government
        // (“阳光家园计划”中央和省级补助资金 is the programme's funding).
        let joins = w.tag == "c"
            && after_noun
            && found.is_empty()
            && rules.conjunctions.holds(&f.chars[w.start..w.end])
            && i > 0
            && !is_level_word(rules, &f.chars, &words[lo + i - 1])
            && words.get(lo + i + 1).is_some_and(|n| {
                is_nounish(n.tag) && rules.heads.ending_at(&f.chars[n.start..n.end], n.end - n.start).is_none()
            });
        if !(is_nounish(w.tag)
            || inner_verb
            || purpose
            || act
            || joins
            || matches!(w.tag, "m" | "q" | "mq" | "vn" | "a" | "ad" | "b" | "l" | "t" | "s" | "f"))
        {
            break;
        }
        // “青春湘伴”青年/t 返乡/v 创业帮扶基金: a time word the tagger made of a noun is one.
        after_noun = is_nounish(w.tag) || w.tag == "t";
        after_verb = w.tag == "v";
    }
    found
}

/// Whether the words from `from` to `to` (a closing mark and the head after it) are nouns
/// saying what is built (“蜀邮通”智慧监管平台建设, “沙戈荒”大型风电光伏基地建设), with no place
/// among them (“好地方”扬州建设).
fn noun_gap(words: &[Word], from: usize, to: usize) -> bool {
    let lo = words.partition_point(|w| w.start < from);
    let gap = words[lo..].iter().take_while(|w| w.end <= to);
    words.get(lo).is_some_and(|w| w.start == from)
        && gap.clone().last().is_some_and(|w| w.end == to)
        && gap.clone().all(|w| w.tag != "ns" && is_nounish(w.tag))
}

/// The noun chain that ends right at `end` (制造业 in 制造业“智改数转”), start index. A word
/// that ends in a launching verb (积极开展/l, 启动/vn) is no modifier.
fn modifier_before(rules: &InitiativeRules, s: &[char], words: &[Word], end: usize) -> usize {
    let hi = words.partition_point(|w| w.end <= end);
    let mut start = end;
    for w in words[..hi].iter().rev().take(3) {
        let launches = rules.launch.ending_at(s, w.end).is_some_and(|(len, _)| len <= w.end - w.start);
        // 出台66条“万事好通”…举措: a classifier after a count is no modifier.
        let counted =
            w.start > 0 && (s[w.start - 1].is_ascii_digit() || super::numbers::chinese_digit(s[w.start - 1]).is_some());
        if w.end != start || !is_nounish(w.tag) || w.tag == "ns" || launches || counted {
            break;
        }
        start = w.start;
    }
    start
}

#[allow(clippy::too_many_arguments)]
fn quoted_candidate(
    rules: &InitiativeRules,
    words: &[Word],
    f: &Folded,
    quotes: &[(usize, usize, usize, usize)],
    qi: usize,
    (a, na, nb, b): (usize, usize, usize, usize),
    doc_listed: bool,
) -> Option<Candidate> {
    let s = &f.chars;
    let name: String = f.text(na, nb).trim().to_string();
    let n = name.chars().count();
    if n < 2 || n > rules.max_quoted || name.contains(['，', '。', '！', '？', '；', ',', '：', '（', '(']) {
        return None;
    }
    // A dash joins two places or a name and its edition (“昆明—蒙特利尔全球生物多样性框架”,
    // “科技创新2030—重大项目”); any other is speech, and three parts or more are a chain of
    // steps or levels (“省—市—县—乡—村”, “研发—制造—应用—回收”).
    let name_chars: Vec<char> = name.chars().collect();
    let dash_ok = |i: usize| {
        i > 0
            && name_chars.get(i + 1).is_some_and(|c| is_han(*c))
            && (is_han(name_chars[i - 1]) || name_chars[i - 1].is_ascii_digit())
    };
    if name_chars.iter().enumerate().any(|(i, c)| *c == '—' && !dash_ok(i))
        || name_chars.iter().filter(|c| **c == '—').count() > 1
    {
        return None;
    }
    // 被称为“…”, 打击“套路贷”: a description or a target, whatever head follows.
    if rules.never_before.ending_at(s, a).is_some() {
        return None;
    }
    let mut evidence = vec![rules.quoted.id.clone()];
    // Head: after the closing quote, or at the end of the name itself (焕新贷, 八大行动).
    let after = heads_after(rules, words, f, b);
    // A one-character head inside the name (焕新贷, 长护险) needs a name of 3+ characters that
    // does not open with a numeral (两个确保, 六保 are slogans).
    let numeral_led = name_chars.first().is_some_and(|c| numeral_char(*c));
    // “电影+文旅”: parts joined by a mark; “一企一档”: a way of handling each unit.
    let joined = name_chars.iter().any(|c| rules.join_marks.contains(c));
    let per_unit = per_unit_method(rules, &name_chars);
    let own_word = |len: usize| {
        let head_start = nb - len;
        words.iter().any(|w| w.start == head_start && w.end == nb)
    };
    let inner = rules
        .heads
        .ending_at(&name_chars, name_chars.len())
        .filter(|(len, _)| *len < name_chars.len())
        .filter(|(len, _)| *len > 1 || (name_chars.len() >= 3 && !numeral_led))
        .filter(|(len, h)| !h.own_word || (nb - na == name_chars.len() && own_word(*len)));
    // A run of quoted items followed by 等 + a head (“焕新贷”“绿色工厂贷”等定制化金融产品).
    let mut run_end = b;
    let mut k = qi + 1;
    while k < quotes.len() && (quotes[k].0 == run_end || (quotes[k].0 == run_end + 1 && s[run_end] == '、')) {
        run_end = quotes[k].3;
        k += 1;
    }
    let listed = if s.get(run_end) == Some(&'等') { head_after(rules, words, f, run_end + 1) } else { None };
    // “首违不罚”“轻微免罚”清单制度: quotations run together share the head after the last.
    let shared = (run_end > b && listed.is_none()).then(|| head_after(rules, words, f, run_end)).flatten().filter(
        |(end, h, head)| (!head.adjacent || *end - h.chars().count() == run_end) && !(head.not_joined && joined),
    );
    let modifier_start = modifier_before(rules, s, words, a);
    // 推进长江“十年禁渔”: a place between the verb and the quotation.
    let place_start = {
        let k = words.partition_point(|w| w.end <= modifier_start);
        k.checked_sub(1).map(|k| &words[k]).filter(|w| w.end == modifier_start && w.tag == "ns").map(|w| w.start)
    };
    // 开展了“…”活动: a launching verb before an aspect particle.
    let aspect_verb = rules
        .aspect_particles
        .ending_at(s, a)
        .map(|(len, ())| a - len)
        .filter(|&at| rules.launch.ending_at(s, at).is_some_and(|(len, _)| len <= at));
    let verb_at = [modifier_start, a]
        .into_iter()
        .chain(place_start)
        .chain(aspect_verb)
        .find(|&at| rules.launch.ending_at(s, at).is_some_and(|(len, _)| len <= at));
    let verb = verb_at.and_then(|at| rules.launch.ending_at(s, at));
    let slogan_before =
        |at: usize| rules.slogan_before.ending_at(s, at).is_some() && (at != a || aspect_verb.is_none());
    let slogan = slogan_before(a) || slogan_before(modifier_start) || rules.slogan_after.at(s, b).is_some();
    // A numeral-led quotation that is not a counted set (“一带一路”, “十年禁渔”, not “两个确保”,
    // “三大法宝”, “714”) may be a name on a launching verb.
    let counted = numeral_led
        && (name_chars.iter().all(|c| c.is_ascii_digit() || super::numbers::chinese_digit(*c).is_some())
            || name_chars.get(1).is_some_and(|c| rules.counted_set.contains(c)));
    // Some heads count only right after the closing mark (“两新一重”建设), some not after a
    // slogan word (惠民生的“小而美”项目, 传统的“宏观调控”模式), some not after a counted set
    // (“两个结合”).
    // The longest chain whose head counts here; a shorter one only with a head of two or more
    // characters (“5G+工业互联网”应用示范 when 项目 must follow at once; not “动物系”网贷).
    let longest = after.len();
    let after = after.into_iter().enumerate().rev().find_map(|(i, a)| {
        let (end, h, head) = &a;
        let shorter = i + 1 < longest;
        let at = *end - h.chars().count();
        let fits = (!head.adjacent || at == b || (!head.descriptive && noun_gap(words, b, at)))
            && !(head.descriptive && slogan)
            && !(head.not_joined && joined)
            && !(shorter && h.chars().count() < 2);
        fits.then_some(a)
    });
    // “千村示范、万村整治”工程: two or three parts joined by 、 name one programme only when its
    // head follows the closing mark at once, or is a campaign's (“防风险、除隐患、保平安”森林草原
    // 防灭火专项整治行动); otherwise they are a slogan (“申请量增、销售额升”).
    if name.contains('、') {
        let parts: Vec<usize> = name.split('、').map(|p| p.chars().count()).collect();
        let adjacent = after
            .as_ref()
            .is_some_and(|(end, h, head)| *end - h.chars().count() == b || head.kind == InitiativeKind::Action);
        if !adjacent || parts.len() > 3 || parts.iter().any(|n| !(3..=6).contains(n)) {
            return None;
        }
    }
    let inner = inner.filter(|(_, head)| {
        let refused = (head.descriptive && slogan)
            || (head.not_counted && counted)
            || (head.not_joined && joined)
            || per_unit
            || head.after_only;
        !refused
    });
    // After a launching verb, a quotation that ends its clause (推进“医育结合”。) or modifies
    // the noun after it (支持“筑峰强链”重点企业) is a name. Only a clause verb does the former
    // (not 推动外贸“质升量稳”，); a phrase with 的 is no name (提出“中国式的现代化”).
    let clause_end = s.get(b).map_or(true, |c| matches!(c, '，' | '。' | '；' | '！' | '\n' | ','))
        && verb_at.is_some_and(|at| rules.clause_verbs.ending_at(s, at).is_some());
    // 开展“体检式”排查, 实行“一企一档”: a manner of working, not a programme.
    let described =
        name_chars.contains(&'的') || name_chars.last().is_some_and(|c| rules.manner_suffixes.contains(c)) || per_unit;
    let (kind, head, end) = if let Some((end, h, head)) = &after {
        evidence.push(format!("head:{h}"));
        (head.kind, Some(h.clone()), *end)
    } else if let Some((len, head)) = inner {
        let h: String = name_chars[name_chars.len() - len..].iter().collect();
        evidence.push(format!("head:{h}"));
        (head.kind, Some(h), b)
    } else if let Some((_, h, head)) = &listed {
        evidence.push(format!("list:等{h}"));
        (head.kind, Some(h.clone()), b)
    } else if let Some((_, h, head)) = shared.as_ref().filter(|(_, _, head)| !(head.descriptive && slogan)) {
        evidence.push(format!("list:quoted {h}"));
        (head.kind, Some(h.clone()), b)
    } else if doc_listed {
        evidence.push("list:document".into());
        (InitiativeKind::Document, None, b)
    } else if verb.is_some()
        && !slogan
        && aspect_verb.is_none()
        && !described
        && !counted
        && (attributive(rules, words, s, b) || clause_end)
    {
        (InitiativeKind::Other, None, b)
    } else {
        return None;
    };
    // “宾川柑橘”品牌: a place and what it grows or makes is a product's brand, no programme.
    let place_product = {
        let inside: Vec<&Word> = words.iter().filter(|w| w.start >= na && w.end <= nb).collect();
        inside.len() >= 2
            && inside[0].tag == "ns"
            && inside[1..].iter().all(|w| w.tag == "n")
            && inside.last().is_some_and(|w| w.end == nb)
    };
    if place_product && head.as_ref().is_some_and(|h| rules.brand_heads.contains(h)) {
        return None;
    }
    if slogan && after.is_none() && inner.is_none() && listed.is_none() && shared.is_none() && !doc_listed {
        return None;
    }
    if let (Some((len, _)), Some(at)) = (verb, verb_at) {
        evidence.push(format!("verb:{}", f.text(at - len, at)));
    }
    let start = if head.is_some() { modifier_start } else { a };
    Some(Candidate { full_name: f.text(start, end), name, kind, span: [start, end], evidence, head, quoted: true })
}

/// A quotation of units each given one thing (“一企一档”, “一小区一方案”, “一区一策”) whose last
/// part is a way of handling each (`per_unit_methods`); “一村一品”, “一县一业” name products.
fn per_unit_method(rules: &InitiativeRules, name: &[char]) -> bool {
    let parts: Vec<&[char]> = name.split(|c| *c == '一').collect();
    parts.len() >= 3
        && parts[0].is_empty()
        && parts[1..].iter().all(|p| (1..=3).contains(&p.len()))
        && parts.last().is_some_and(|p| rules.per_unit_methods.holds(p))
}

/// A quotation used as a modifier of the noun after it (支持“筑峰强链”重点企业): with a
/// launching verb before it, that is how programme names are written.
fn attributive(rules: &InitiativeRules, words: &[Word], s: &[char], b: usize) -> bool {
    let k = words.partition_point(|w| w.start < b);
    words.get(k).is_some_and(|w| w.start == b && matches!(w.tag, "n" | "vn" | "nz"))
        && rules.slogan_after.at(s, b).is_none()
}

/// Names without quotation marks that end in an unquoted-capable head noun: after a
/// launching verb (实施种业振兴行动, 深入推进以人为核心的新型城镇化战略), listed after a name
/// (实施“万企升级”行动和…三年行动计划), or listed with others of the same head
/// (科教兴国战略、人才强国战略、乡村振兴战略等).
fn unquoted_candidates(
    rules: &InitiativeRules,
    words: &[Word],
    f: &Folded,
    covered: &[bool],
    out: &mut Vec<Candidate>,
) {
    let s = &f.chars;
    // Names with a head but no verb: kept when listed with another of the same head.
    let mut pending: Vec<Candidate> = Vec::new();
    for (wi, w) in words.iter().enumerate() {
        if covered[w.start..w.end].iter().any(|x| *x) {
            continue;
        }
        let wc = &s[w.start..w.end];
        // 工程建设/l, 工程项目/n: a head with its follower in one word, before the word's own head
        // (项目).
        let inner = || {
            let (l, ()) = rules.head_followers.ending_at(wc, wc.len()).filter(|(l, _)| *l < wc.len())?;
            let e = wc.len() - l;
            rules.heads.ending_at(wc, e).filter(|(_, h)| h.unquoted).map(|x| (w.start + e, x))
        };
        let found = inner()
            .or_else(|| rules.heads.ending_at(wc, wc.len()).filter(|(_, h)| h.unquoted || h.built).map(|x| (w.end, x)));
        let Some((hend, (hlen, head))) = found else { continue };
        // The head word may carry any tag (行动/v, 倡议/v) when it is the head itself.
        if !is_nounish(w.tag) && hlen < hend - w.start {
            continue;
        }
        // 项目收益债券试点管理办法: a document's compound head across words (管理/办法), when the
        // noun chain holds it.
        let chain = noun_chain_start(rules, s, words, covered, wi, head.built && !head.descriptive);
        let (hlen, head) = match rules.heads.ending_at(s, hend) {
            Some((l, h))
                if h.kind == InitiativeKind::Document
                    && l > hlen
                    && chain <= hend - l
                    && words.binary_search_by_key(&(hend - l), |x| x.start).is_ok() =>
            {
                (l, h)
            }
            _ => (hlen, head),
        };
        // The head must end the noun phrase: not 试验区 in 自由贸易试验区提升战略 or in
        // 上海自由贸易试验区临港新片区. A programme under construction (嫩江干流补充治理工程建设,
        // 示范区建设) keeps its name.
        let next = words.get(wi + 1);
        let after_next = words.get(wi + 2);
        // 综合治理项目1520个: a campaign's head with a counted follower makes a class of works
        // (国家重点研发计划项目12项 still names its programme).
        let counted_works =
            |n: &Word| head.kind == InitiativeKind::Action && s.get(n.end).is_some_and(|c| numeral_char(*c));
        let follower = hend < w.end
            || next.is_some_and(|n| rules.head_followers.holds(&s[n.start..n.end]) && !counted_works(n))
                && !matches!(head.kind, InitiativeKind::Policy | InitiativeKind::Measure | InitiativeKind::System);
        // 基金规模达到…: a word measuring the named thing leaves its name whole.
        // A verb saying the programme is under way ends its name too (营养改善计划惠及/ns 学生).
        // 在打好蓝天保卫战方面: a frame noun after the name is no part of it.
        let measured = next.is_some_and(|n| {
            let nc = &s[n.start..n.end];
            rules.measure_followers.holds(nc) || rules.frame_followers.holds(nc)
        }) || (head.unquoted && under_way(rules, s, hend));
        let modified = !measured
            && next.is_some_and(|n| {
                is_nounish(n.tag)
                    || (matches!(n.tag, "v" | "vn")
                        && after_next.is_some_and(|m| {
                            let mc = &s[m.start..m.end];
                            rules.heads.ending_at(mc, mc.len()).is_some_and(|(_, h)| h.unquoted)
                        }))
            });
        if modified && !follower {
            continue;
        }
        // 以…攻坚行动为抓手: a frame that launches the name; 把实施…计划作为…: the name is an object.
        let framed = rules.frame_close.at(s, hend).is_some();
        let object = next.is_some_and(|n| rules.object_followers.holds(&s[n.start..n.end]));
        let built = head.built && (built_after(rules, s, hend) || example_of_works(rules, s, hend));
        // 城镇燃气安全专项整治持续深化: a programme the clause says is under way.
        let since = head.unquoted && running_since(rules, s, hend);
        let progressing = since || head.unquoted && rules.progress_verbs.at(s, hend).is_some();
        let head_start = hend - hlen;
        let generic_kind = !head.names_alone
            && matches!(head.kind, InitiativeKind::Policy | InitiativeKind::Measure | InitiativeKind::System);
        // 一是强链补链工程，…；二是智能制造提升工程，…: an enumerated item that is nothing but a
        // name with a head names what the text lays out.
        // Not an item led by an adverb (坚决打好…攻坚战) or by a verb before anything but a noun
        // (倡导共同行动; 创新平台建设工程 stays).
        let enumerated = (!generic_kind)
            .then(|| enumerated_item(s, head_start, hend))
            .flatten()
            .filter(|&at| rules.launch.at(s, at).is_none())
            .filter(|&at| {
                let k = words.partition_point(|x| x.start < at);
                match words.get(k).map(|x| x.tag) {
                    Some("d" | "ad") => false,
                    Some("v" | "vd") => {
                        words.get(k + 1).is_some_and(|n| matches!(n.tag, "n" | "nz" | "ns" | "nt" | "vn" | "j"))
                    }
                    _ => true,
                }
            });
        // A head of one-character modifiers (河长制, 林长制) sets its minimum at 1.
        let least = if head.min_unquoted == 1 { 1 } else { 2 };
        // 运用/vn 碳减排支持工具: a launching verb the tagger took for a noun opens the chain;
        // not when it leaves only a generic word (专利转化运用专项行动: it is inside the name).
        let chain = match rules.launch.at(s, chain) {
            Some((len, ()))
                if chain + len + least <= head_start
                    && !rules.generic.contains(&f.text(chain + len, head_start))
                    && {
                        let k = words.partition_point(|x| x.start < chain + len);
                        words
                            .get(k)
                            .is_some_and(|x| x.start == chain + len && matches!(x.tag, "n" | "nz" | "j" | "nt" | "nr"))
                    } =>
            {
                chain + len
            }
            _ => chain,
        };
        let start = enumerated.unwrap_or(chain);
        // 开展“铁拳护蓝”专项执法行动和打击危险废物环境违法犯罪专项行动: a name listed after another
        // may open with a verb of its own (not a launching one).
        let start = verb_led_item(rules, s, words, covered, out, start).unwrap_or(start);
        let listed_after = listed_after(rules, s, covered, out, start);
        // 开展整区域推进试点: a launching verb right before the head, with nothing between, is
        // inside the name; the verb that launches it stands further back.
        let verb_at =
            if rules.launch.ending_at(s, start).is_some() && start < head_start { Some(start) } else { listed_after };
        let (start, verb_at) = match verb_at {
            Some(at) => (start, Some(at)),
            // Policies, measures and systems named this way are mostly generic (惠企政策,
            // 防范措施); a verb a few words back counts for programmes, plans and strategies.
            // …战略攻关: a head followed by another word of content modifies it.
            // Policies, measures and systems only with a long modifier (落实第三轮草原生态保护
            // 补助奖励政策), where a generic one (落实减税降费政策) is short.
            None if (follower || object || !next.is_some_and(|n| matches!(n.tag, "v" | "vn" | "n" | "nz"))) => {
                let min = if generic_kind { 8 } else { 3 };
                match verb_span_start(rules, s, words, head_start, framed) {
                    Some((v, verb_end)) if head_start - v >= min && !generic_led(rules, &f.text(v, head_start)) => {
                        (v, Some(verb_end))
                    }
                    _ => (item_start(s, start, head_start), None),
                }
            }
            None => (item_start(s, start, head_start), None),
        };
        // 新就业形态就业人员职业伤害保障试点稳步推进: a programme said to be under way keeps the
        // verbs and adjectives inside its name.
        let start = if progressing && verb_at.is_none() && enumerated.is_none() {
            progress_chain_start(rules, s, words, covered, start, head_start)
        } else if head.place_led && verb_at.is_none() && enumerated.is_none() && !place_led(rules, s, words, start) {
            place_chain_start(rules, s, words, covered, start, head_start).unwrap_or(start)
        } else {
            start
        };
        let mut start = skip_year(rules, s, start, head_start);
        // 全省河湖长制: an instrument named by its head alone drops a generic word before it.
        if head.names_alone && verb_at.is_none() {
            if let Some(len) = generic_lead(rules, &f.text(start, head_start)) {
                if start + len + least <= head_start && words.binary_search_by_key(&(start + len), |x| x.start).is_ok()
                {
                    start += len;
                }
            }
        }
        let modifier = f.text(start, head_start);
        let mc = modifier.chars().count();
        // A generic area (财政政策, 防范措施) is no name: policies, measures and systems need a
        // modifier of three or more characters; a counted phrase (1000多项改革举措) is none.
        // A place or a noun that opens with a numeral character is no count (四川省乡村振兴行动计划,
        // 零基预算改革试点); a numeral word is (十大/j 工程, 三项/m 改革).
        let word_at_start = words.binary_search_by_key(&start, |x| x.start).ok().map(|i| &words[i]);
        // 千亿斤粮食产能提升行动: a numeral with a unit of quantity is the target the name states.
        let target = target_at(rules, s, start).is_some_and(|end| end < head_start);
        let counted = modifier.chars().next().is_some_and(numeral_char)
            && !target
            && !word_at_start.is_some_and(|w| w.end - w.start >= 2 && (w.tag.starts_with("ns") || w.tag == "n"));
        if !(least..=30).contains(&mc)
            || mc < head.min_unquoted
            || rules.generic.contains(&modifier)
            || generic_run(rules, &modifier)
            // 发布行动方案, 改革试点: a modifier that is a head itself names nothing.
            || rules.heads.holds(&s[start..head_start])
            || counted
            || (generic_kind && mc < 3)
            // 省级科技专项资金: a level of government and a field is no fund's name; nor are
            // levels joined (中央和省级补助资金).
            || (head.place_led && (generic_led(rules, &modifier) || joined_generics(rules, &modifier)))
            || (head.place_only && !place_led(rules, s, words, start))
            // 海峡论坛等平台: examples of a kind, no name; nor is the kind after them (G105、G319
            // 等国省道干线公路瓶颈路段改造项目).
            || modifier.ends_with('等')
            || (start > 0 && s[start - 1] == '等')
        {
            continue;
        }
        let full = f.text(start, hend);
        let head_text = f.text(head_start, hend);
        let mut evidence = vec!["initiative.unquoted_head".to_string(), format!("head:{head_text}")];
        let verb = verb_at.and_then(|at| {
            let frame = || rules.frame_open.ending_at(s, at).filter(|_| framed);
            rules.launch.ending_at(s, at).or_else(frame).map(|(l, _)| (l, at))
        });
        if let Some((vlen, verb_end)) = verb {
            evidence.push(format!("verb:{}", f.text(verb_end - vlen, verb_end)));
        }
        let mut cand = Candidate {
            name: full.clone(),
            full_name: full,
            kind: head.kind,
            span: [start, hend],
            evidence,
            head: Some(head_text),
            quoted: false,
        };
        if !head.unquoted {
            // A work named without quotes: only a building verb after it names it, or a list
            // of its kind (长江存储二期项目、武汉华星光电t5项目等); no generic (重大产业项目).
            if mc < 4 || generic_led(rules, &modifier) {
                continue;
            }
            if built {
                cand.evidence.push("built".into());
                out.push(cand);
            } else if verb.is_some_and(|(_, at)| rules.clause_verbs.ending_at(s, at).is_some())
                && mc >= 6
                && !s.get(hend).is_some_and(|c| numeral_char(*c))
                && words[..words.partition_point(|x| x.start < head_start)]
                    .last()
                    .is_some_and(|x| x.end == head_start && matches!(x.tag, "v" | "vn"))
            {
                // 实施困难重度残疾人家庭无障碍改造项目: a programme of work a clause verb carries
                // out; not a class of works counted after it (实施挥发性有机物综合治理项目1520个),
                // nor a plant named by its owner (实施长江存储二期项目).
                out.push(cand);
            } else {
                pending.push(cand);
            }
        } else if verb.is_some()
            || built
            || (progressing && !generic_kind)
            // A policy said to run since a date is one (离岛免税政策自2011年…实施以来), where
            // one merely under way may be generic (减税降费政策持续推进).
            || (since && mc >= 4)
        {
            if progressing && verb.is_none() && !built {
                cand.evidence.push("progress".into());
            }
            if built {
                cand.evidence.push("built".into());
            }
            out.push(cand);
        } else if enumerated.is_some() {
            cand.evidence.push("enumerated".into());
            out.push(cand);
        } else if head.kind == InitiativeKind::Document && mc >= 4 {
            // 项目收益债券试点管理办法: a document's compound head names it.
            cand.evidence.push("named_document".into());
            out.push(cand);
        } else if head.names_alone {
            cand.evidence.push("named_instrument".into());
            out.push(cand);
        } else if head.place_led && mc >= 4 && place_led(rules, s, words, start) {
            cand.evidence.push("named_by_place".into());
            out.push(cand);
        } else if !generic_kind {
            pending.push(cand);
        }
    }
    // 科教兴国战略、人才强国战略、乡村振兴战略: names of one head listed together.
    let listed: Vec<bool> = (0..pending.len())
        .map(|i| {
            let same = |j: usize| pending[j].head == pending[i].head;
            let next = i + 1 < pending.len() && same(i + 1) && pending[i].span[1] + 1 == pending[i + 1].span[0];
            let prev = i > 0 && same(i - 1) && pending[i - 1].span[1] + 1 == pending[i].span[0];
            let sep = |at: usize| s.get(at).is_some_and(|c| matches!(c, '、' | '和' | '及' | '与'));
            (next && sep(pending[i].span[1])) || (prev && sep(pending[i - 1].span[1]))
        })
        .collect();
    for (mut c, keep) in pending.into_iter().zip(listed) {
        if keep {
            c.evidence.push("list:same_head".into());
            out.push(c);
        }
    }
}

/// The clause after a programme's name at `at` says it is under way: a progress verb
/// (职业伤害保障试点稳步推进, 营养改善计划惠及…) or a since frame (长期护理保险制度试点自2016年
/// 启动以来: `since_open`, a `since_verbs` verb, `since_close`).
fn under_way(rules: &InitiativeRules, s: &[char], at: usize) -> bool {
    rules.progress_verbs.at(s, at).is_some() || running_since(rules, s, at)
}

/// 离岛免税政策自2011年4月20日实施以来: the clause after the name at `at` says since when it
/// runs (`since_open`, a `since_verbs` verb, `since_close`).
fn running_since(rules: &InitiativeRules, s: &[char], at: usize) -> bool {
    let Some((open, ())) = rules.since_open.at(s, at) else {
        return false;
    };
    (at + open + 1..s.len().min(at + rules.since_span))
        .take_while(|&i| !matches!(s[i], '，' | '。' | '；' | '、'))
        .any(|i| rules.since_verbs.at(s, i).is_some_and(|(len, ())| rules.since_close.at(s, i + len).is_some()))
}

/// 姚家林水利枢纽工程正式开工: a building verb right after `at` (past an adverb, and past a
/// short aside in brackets: 航道提升工程（三期）完工).
fn built_after(rules: &InitiativeRules, s: &[char], at: usize) -> bool {
    let at = aside_end(s, at);
    let at = at + rules.built_adverbs.at(s, at).map_or(0, |(len, ())| len);
    rules.built_verbs.at(s, at).is_some()
}

/// Past a short aside in brackets at `at` (（三期）, （江西段）), or `at` itself.
fn aside_end(s: &[char], at: usize) -> usize {
    if !matches!(s.get(at), Some('（' | '(')) {
        return at;
    }
    (at + 1..(at + 10).min(s.len()))
        .take_while(|&k| !matches!(s[k], '，' | '。' | '；' | '（' | '('))
        .find(|&k| matches!(s[k], '）' | ')'))
        .map_or(at, |k| k + 1)
}

/// 赣州港国际陆港扩能工程等12个项目实现提前开工: a name right before 等 and a count (a numeral
/// and a word of `example_measures`, or a word of `example_counts`: 一批) of works (`example_heads`: 项目, 工程) is one of them.
fn example_of_works(rules: &InitiativeRules, s: &[char], at: usize) -> bool {
    let at = aside_end(s, at);
    if s.get(at) != Some(&'等') {
        return false;
    }
    let mut k = at + 1;
    if let Some((len, ())) = rules.example_counts.at(s, k) {
        k += len;
    } else {
        let digits = s[k..].iter().take_while(|c| c.is_ascii_digit() || numeral_char(**c)).count();
        let measure = rules.example_measures.at(s, k + digits).map(|(len, ())| len);
        let Some(measure) = measure.filter(|_| digits > 0) else { return false };
        k += digits + measure;
    }
    (k..(k + 10).min(s.len()))
        .take_while(|&i| !matches!(s[i], '，' | '。' | '；' | '、' | '（' | '('))
        .any(|i| rules.example_heads.at(s, i).is_some())
}

/// Upper-case abbreviations right before a head (AEO制度, 经认证的经营者（AEO）制度, PPP模式).
fn acronym_candidates(rules: &InitiativeRules, f: &Folded, covered: &[bool], out: &mut Vec<Candidate>) {
    let s = &f.chars;
    let mut i = 0;
    while i < s.len() {
        if !s[i].is_ascii_uppercase() || (i > 0 && s[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let j = i + s[i..].iter().take_while(|c| c.is_ascii_uppercase()).count();
        let bracketed = i > 0 && matches!(s[i - 1], '（' | '(') && matches!(s.get(j), Some('）' | ')'));
        let k = if bracketed { j + 1 } else { j };
        let head = rules.acronym_heads.at(s, k);
        if let (2..=8, Some((len, ()))) = (j - i, head) {
            if !covered[i..k + len].iter().any(|x| *x) && !s.get(j).is_some_and(char::is_ascii_alphanumeric) {
                // One record per abbreviation: AEO制度 and AEO认证 are mentions of AEO.
                let full_name = format!("{}{}", f.text(i, j), f.text(k, k + len));
                let kind = rules.heads.ending_at(s, k + len).map_or(InitiativeKind::Other, |(_, h)| h.kind);
                out.push(Candidate {
                    full_name,
                    name: f.text(i, j),
                    kind,
                    span: [i, k + len],
                    evidence: vec!["initiative.acronym".into(), format!("head:{}", f.text(k, k + len))],
                    head: None,
                    quoted: false,
                });
            }
        }
        i = j;
    }
}

/// Past a leading year or round, the edition of a recurring list or plan (2021年度绿色制造名单,
/// 第三轮…补助奖励政策, `edition_markers`), or past a sum it holds (3000亿元保障性住房再贷款).
fn skip_year(rules: &InitiativeRules, s: &[char], start: usize, head_start: usize) -> usize {
    if start >= head_start {
        return start;
    }
    // 新一轮新能源汽车下乡活动, 首批…试点: an edition written as a word (`edition_words`); not
    // before a bare span in Chinese numerals, which then names the programme (新一轮三年行动计划;
    // 新一轮千亿斤粮食产能提升行动 drops it).
    if let Some((len, ())) = rules.edition_words.at(s, start) {
        let spanned = s.get(start + len).is_some_and(|c| numeral_char(*c) && !c.is_ascii_digit())
            && head_start <= start + len + 3;
        if head_start >= start + len + 2 && !spanned {
            return start + len;
        }
    }
    // 第三轮草原生态保护补助奖励政策, 第二批…试点, 三期学前教育行动计划: the round, batch or
    // phase is no part of the name. Not 一批 (一批城市更新项目: some, a generic quantity).
    if s[start] != '一' {
        let ordinal = usize::from(s[start] == '第');
        let n = s[start + ordinal..head_start].iter().take_while(|c| numeral_char(**c)).count();
        let end = start + ordinal + n;
        if let (1.., Some((len, ()))) = (n, rules.edition_markers.at(s, end)) {
            if head_start >= end + len + 2 {
                return end + len;
            }
        }
    }
    let digits = s[start..head_start].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits != 4 || s.get(start + 4) != Some(&'年') {
        return skip_amount(s, start, head_start);
    }
    let end = if s.get(start + 5) == Some(&'度') { start + 6 } else { start + 5 };
    if head_start >= end + 2 {
        end
    } else {
        start
    }
}

/// Where a list item ending at `head_start` starts: right after a 、 a few Han characters
/// before it (…、乡村振兴战略, whose 振兴 the noun chain stops at), else `start`.
fn item_start(s: &[char], start: usize, head_start: usize) -> usize {
    const MAX: usize = 12;
    let lo = head_start.saturating_sub(MAX);
    match (lo..start).rev().find(|&i| !is_han(s[i]) || s[i] == '的') {
        Some(i) if s[i] == '、' && i + 1 < start => i + 1,
        _ => start,
    }
}

/// The start of the name when `head_start..hend` ends an enumerated item that holds nothing
/// else (一是强链补链工程，, （二）智能制造提升工程；): the char after the item's marker, when two to
/// twelve Han characters stand between it and the head.
fn enumerated_item(s: &[char], head_start: usize, hend: usize) -> Option<usize> {
    const MAX: usize = 12;
    if !matches!(s.get(hend), None | Some('，' | '；' | '。' | ':' | '\n')) {
        return None;
    }
    let lo = head_start.saturating_sub(MAX + 3);
    let open = (lo..head_start).rev().find(|&i| !is_han(s[i])).map_or(lo, |i| i + 1);
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let start = if numeral(s[open]) && s.get(open + 1) == Some(&'是') {
        open + 2
    } else if open >= 2 && matches!(s[open - 1], '）' | ')' | '．' | '.' | '、') {
        // （一）, 1．, 一、: numerals back to a boundary.
        let mut j = open - 1;
        while j > 0 && numeral(s[j - 1]) {
            j -= 1;
        }
        let bounded = j == 0 || matches!(s[j - 1], '（' | '(' | '\n' | '，' | '；' | ':' | '。');
        if j + 1 < open && bounded {
            open
        } else {
            return None;
        }
    } else {
        return None;
    };
    (head_start >= start + 2 && head_start - start <= MAX).then_some(start)
}

/// 千亿斤粮食…: where a numeral at `at` followed by a `target_units` unit ends, if one is there.
fn target_at(rules: &InitiativeRules, s: &[char], at: usize) -> Option<usize> {
    let n = s[at..].iter().take_while(|c| numeral_char(**c) || super::numbers::big_unit(**c).is_some()).count();
    rules.target_units.at(s, at + n).filter(|_| n > 0).map(|(len, ())| at + n + len)
}

/// Whether `c` is a digit, a Chinese digit or a small unit (十, 百, 千): a character numerals
/// are written with.
fn numeral_char(c: char) -> bool {
    c.is_ascii_digit() || super::numbers::chinese_digit(c).is_some() || super::numbers::small_unit(c).is_some()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A modifier that opens with a generic word of two or more characters (具体…, 相关…).
/// A level word (国家) opening a longer modifier is no generic one (国家生态文明试验区).
fn generic_led(rules: &InitiativeRules, modifier: &str) -> bool {
    generic_lead(rules, modifier).is_some()
}

/// Whether `modifier` is generic words only, joined by 和, 及, 与 or 、 (中央和省级).
fn joined_generics(rules: &InitiativeRules, modifier: &str) -> bool {
    let parts: Vec<&str> = modifier.split(['和', '及', '与', '、']).collect();
    parts.len() >= 2 && parts.iter().all(|p| rules.generic.iter().any(|g| g == p))
}

/// Whether `modifier` is two or more generic words run together (重点专项行动, 相关配套政策).
fn generic_run(rules: &InitiativeRules, modifier: &str) -> bool {
    fn split(rules: &InitiativeRules, rest: &str, parts: usize) -> bool {
        if rest.is_empty() {
            return parts >= 2;
        }
        rules
            .generic
            .iter()
            .any(|g| !g.is_empty() && rest.starts_with(g.as_str()) && split(rules, &rest[g.len()..], parts + 1))
    }
    split(rules, modifier, 0)
}

/// The length in chars of the generic word opening `modifier`, as [`generic_led`] finds it
/// (the longest).
fn generic_lead(rules: &InitiativeRules, modifier: &str) -> Option<usize> {
    rules
        .generic
        .iter()
        .filter(|g| {
            g.chars().count() >= 2
                && modifier.starts_with(g.as_str())
                && !(rules.level_words.contains(*g) && modifier.chars().count() >= g.chars().count() + 3)
        })
        .map(|g| g.chars().count())
        .max()
}

/// Start of the modifier chain before the head word `wi`: nouns, numerals, 和/与 between nouns
/// (not after a head: 安全攻坚行动和安全生产专项整治行动 are two names), a route between two
/// places (景德镇至鹰潭) and, before the head of a work (`works`), the verb of what it does
/// (航道提升工程).
fn noun_chain_start(
    rules: &InitiativeRules,
    s: &[char],
    words: &[Word],
    covered: &[bool],
    wi: usize,
    works: bool,
) -> usize {
    let mut k = wi;
    while k > 0 {
        let p = &words[k - 1];
        let joins = matches!(&s[p.start..p.end], ['和'] | ['与'] | ['及'])
            && k >= 2
            && is_nounish(words[k - 2].tag)
            && rules.heads.ending_at(s, p.start).is_none();
        if covered[p.start..p.end].iter().any(|x| *x) {
            break;
        }
        // 中国（苏州）跨境电子商务综合试验区: a place in brackets after 中国 names a national zone.
        let bracketed = s[p.start..p.end] == ['）']
            && k >= 4
            && s[words[k - 3].start..words[k - 3].end] == ['（']
            && words[k - 2].tag == "ns"
            && s[words[k - 4].start..words[k - 4].end] == ['中', '国'];
        // 景德镇至鹰潭高速公路改扩建工程, 王家坝至临淮岗段行洪区: a route between two places
        // names the work; 段 after its second place is its section.
        // The tagger may glue 至 to the next place's first character (至临/v 淮岗段/ns).
        let route = s[p.start] == '至'
            && p.end - p.start <= 2
            && k >= 2
            && k < words.len()
            && is_nounish(words[k - 2].tag)
            && is_nounish(words[k].tag);
        let section = s[p.start..p.end] == ['段'] && k >= 2 && k < words.len() && is_nounish(words[k - 2].tag);
        // 航道提升工程, 城乡供水改造工程: a verb right before the head of a work (`works`), after
        // a noun, says what the work does to it.
        let work_verb =
            works && k == wi && p.tag == "v" && p.end - p.start == 2 && k >= 2 && is_nounish(words[k - 2].tag);
        if bracketed {
            k -= 4;
        } else if route
            || section
            || work_verb
            || is_nounish(p.tag)
            || matches!(p.tag, "m" | "mq" | "b")
            || joins
            || (p.tag == "t" && rules.season_words.holds(&s[p.start..p.end]))
        {
            k -= 1;
        } else {
            break;
        }
    }
    // A join left at the front (the name before it is a quoted one) is no part of the name.
    if k < wi && matches!(&s[words[k].start..words[k].end], ['和'] | ['与'] | ['及'] | ['、']) {
        k += 1;
    }
    words[k].start
}

/// The words of the clause before `start` a name may reach back over when a verb stopped its
/// noun chain (the first word before `start` is one of `stoppers`): those of the `content` tags,
/// nearest first, at most 18 characters before the head, never across a launching verb or a
/// word of `slogan_before` (作为, 是).
fn back_over_verbs<'w>(
    rules: &InitiativeRules,
    s: &[char],
    words: &'w [Word],
    covered: &[bool],
    (start, head_start): (usize, usize),
    stoppers: &[&str],
    content: impl Fn(&str) -> bool,
) -> Vec<(usize, &'w Word)> {
    const MAX: usize = 18;
    let k = words.partition_point(|w| w.start < start);
    if k == 0 || !stoppers.contains(&words[k - 1].tag) {
        return Vec::new();
    }
    words[..k]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, p)| {
            content(p.tag)
                && head_start - p.start <= MAX
                && !covered[p.start..p.end].iter().any(|x| *x)
                && rules.launch.ending_at(s, p.end).is_none()
                // 西安市作为…试点城市: never across a copula.
                && !rules.slogan_before.holds(&s[p.start..p.end])
        })
        .collect()
}

/// The start of a name said to be under way (…试点稳步推进), reaching back from `start` over
/// nouns, verbs and adjectives of the same clause when a verb stopped its noun chain, at most
/// 18 characters before the head; it never crosses a launching verb and opens with a noun or
/// adjective.
fn progress_chain_start(
    rules: &InitiativeRules,
    s: &[char],
    words: &[Word],
    covered: &[bool],
    start: usize,
    head_start: usize,
) -> usize {
    // Only a verb stopped the noun chain (保障/v 试点); an adjective before the head
    // describes it (标志性重大/a 工程).
    let content = |t: &str| is_nounish(t) || matches!(t, "v" | "a" | "b");
    let walked = back_over_verbs(rules, s, words, covered, (start, head_start), &["v"], content);
    // …成本保险和种植/v 收入/v 保险试点稳步扩大: verbs right after a join or a clause's start
    // open the name as a noun would.
    if let Some((_, first)) = walked.last() {
        let opens = first
            .start
            .checked_sub(1)
            .map_or(true, |j| matches!(s[j], '和' | '与' | '及' | '、' | '，' | '。' | '；' | '：'));
        if opens {
            return first.start;
        }
    }
    walked
        .into_iter()
        .rev()
        .find(|(_, p)| is_nounish(p.tag) || matches!(p.tag, "a" | "b"))
        .map_or(start, |(_, p)| p.start)
}

/// The start of a name that opens with verbs of its own right after a join that follows
/// another name (…专项执法行动和打击/v 危险废物…专项行动, “蓝色海湾”整治行动和海岸带/n 保护/v 修复/v
/// 工程): the first word after the join, when the noun chain at `start` was stopped by a verb and
/// the words back to the join are nouns and verbs that launch nothing, at most 16 characters.
fn verb_led_item(
    rules: &InitiativeRules,
    s: &[char],
    words: &[Word],
    covered: &[bool],
    out: &[Candidate],
    start: usize,
) -> Option<usize> {
    const MAX: usize = 16;
    let mut k = words.partition_point(|w| w.start < start);
    let mut at = start;
    while let Some(w) = k.checked_sub(1).map(|i| &words[i]) {
        if w.end != at || start - w.start > MAX || covered[w.start..w.end].iter().any(|x| *x) {
            return None;
        }
        if matches!(&s[w.start..w.end], ['和'] | ['与'] | ['及'] | ['、']) {
            break;
        }
        let is_verb = w.tag == "v";
        if !(is_verb || is_nounish(w.tag)) || (is_verb && rules.launch.ending_at(s, w.end).is_some()) {
            return None;
        }
        // The word right before the chain is the verb that stopped it.
        if at == start && !is_verb {
            return None;
        }
        at = w.start;
        k -= 1;
    }
    // Some word was walked over, so the one before `start` was a verb.
    (at < start && listed_after(rules, s, covered, out, at).is_some()).then_some(at)
}

/// The start of the name listed right after another (实施“万企升级”行动和制造业…行动计划):
/// the start of the earlier name when `start` follows it across 和/与/及/、.
fn listed_after(
    rules: &InitiativeRules,
    s: &[char],
    covered: &[bool],
    out: &[Candidate],
    start: usize,
) -> Option<usize> {
    let j = start.checked_sub(1).filter(|&j| matches!(s[j], '和' | '与' | '及' | '、'))?;
    if let Some(prev) = out.iter().rev().find(|c| c.span[1] == j && !c.quoted) {
        // 实施三期学前教育行动计划和…提升工程: the verb of the first stands before the phase or
        // year its name dropped.
        let first = prev.span[0];
        let verb_end = (first.saturating_sub(8)..first)
            .rev()
            .find(|&i| rules.launch.ending_at(s, i).is_some() && skip_year(rules, s, i, prev.span[1]) == first)
            .unwrap_or(first);
        // The third of 蓝天保卫战、碧水保卫战、净土保卫战 is listed after the first.
        return listed_after(rules, s, covered, out, first).or(Some(verb_end));
    }
    let mut a = j;
    while a > 0 && covered[a - 1] {
        a -= 1;
    }
    (a < j).then_some(a)
}

/// Where the name starts when a launching verb stands a few words before the head in the
/// same clause (大力实施就业优先战略, 深入推进以人为核心的新型城镇化战略: from the last 的;
/// 设立总规模100亿元的…引导基金: past a figure before 的): (the end of that verb, or the char
/// after the last 的 between verb and head, past a generic word opening the rest; the verb's
/// end). A launching verb that leaves no name, or only a generic one, is inside the name
/// (专利转化运用专项行动), and the search goes on before it; a name never opens with one.
/// Nouns joined by 和/与/及 stay in the name (居家和社区基本养老服务提升行动), unless a head
/// ends before the join (two names listed). `None` when the stretch holds punctuation,
/// particles, pronouns or prepositions.
fn verb_span_start(
    rules: &InitiativeRules,
    s: &[char],
    words: &[Word],
    head_start: usize,
    framed: bool,
) -> Option<(usize, usize)> {
    const MAX: usize = 18;
    const REACH: usize = 24;
    let hi = words.partition_point(|w| w.start < head_start);
    let mut k = hi;
    // Where the name starts when a theme in quotes stands between the verb and it (see below).
    let mut after_theme: Option<usize> = None;
    let mut reach = REACH;
    while k > 0 && head_start.saturating_sub(words[k - 1].end) <= reach {
        let w = &words[k - 1];
        // The verb ends this word and starts at a word's start (实施, 深入/实施) or two
        // characters into it, where the tagger fused a manner adverb with it (深入开展/i,
        // 全面推行/n, 积极开展/l).
        let launches = rules.launch.ending_at(s, w.end).is_some_and(|(len, _)| {
            w.end - len == w.start + 2 || words[..k].binary_search_by_key(&(w.end - len), |x| x.start).is_ok()
        }) || (framed && rules.frame_open.holds(&s[w.start..w.end]));
        if launches && k < hi {
            let mut start = after_theme.unwrap_or(w.end);
            // 设立了国家生态文明试验区: an aspect particle after the verb.
            if words.get(k).is_some_and(|n| n.start == start && s[n.start..n.end] == ['了']) {
                start += 1;
            }
            // 纳入我市…计划, 发布2021年度…名单: the owner and the edition are no part of the name.
            if let Some((len, ())) = rules.owner_words.at(s, start).filter(|(len, _)| start + len < head_start) {
                start += len;
            }
            start = skip_year(rules, s, start, head_start);
            if let Some(de) = (start..head_start).rev().find(|&i| s[i] == '的') {
                start = de + 1;
            }
            // 开展重点用能设备能效提升城市试点: a generic word opening a long name is no part of it.
            let modifier: String = s[start..head_start].iter().collect();
            let generic = generic_lead(rules, &modifier);
            // Only a noun (重点/n), not a determiner (各项/r 防控技术方案 is no name).
            let noun_at = |a: usize, len: usize| {
                words
                    .binary_search_by_key(&a, |x| x.start)
                    .is_ok_and(|i| words[i].end == a + len && is_nounish(words[i].tag))
            };
            if let Some(len) = generic.filter(|&len| head_start - start >= len + 4 && noun_at(start, len)) {
                start += len;
            }
            let inner = &words[k..hi];
            // A time word may stand inside the name (根治欠薪冬季专项行动), not open it.
            let clean = inner.iter().enumerate().filter(|(_, x)| x.start >= start).enumerate().all(|(i, (j, x))| {
                // 义务教育薄弱环节改善与能力提升工程: a join (tagged c or p) between two words of
                // content, the first a noun or a verb.
                let joins = matches!(x.tag, "c" | "p")
                    && matches!(&s[x.start..x.end], ['和'] | ['与'] | ['及'])
                    && i > 0
                    && (is_nounish(inner[j - 1].tag) || matches!(inner[j - 1].tag, "v" | "vn"))
                    && inner.get(j + 1).is_some_and(|n| is_nounish(n.tag))
                    && rules.heads.ending_at(s, x.start).is_none();
                // 暑期安全百日攻坚行动: a span written in Chinese numerals inside the name; 千亿斤…
                // 提升行动: a target opening it.
                let span_word = x.tag == "m"
                    && (i > 0 || target_at(rules, s, x.start).is_some())
                    && !s[x.start..x.end].iter().any(char::is_ascii_digit);
                joins
                    || span_word
                    || latin_plus(s, inner, j)
                    || (!matches!(x.tag, "x" | "w" | "u" | "uj" | "ul" | "uz" | "r" | "p" | "c" | "m" | "f")
                        && (x.tag != "t" || i > 0 || rules.season_words.holds(&s[x.start..x.end])))
            });
            let span = head_start - start;
            let named = span >= 3 && !generic_led(rules, &s[start..head_start].iter().collect::<String>());
            // 运用/vn 专项/n 行动, 深化/v 提升/v 行动: the verb leaves only nouns or verbs that
            // name nothing; it is inside the name.
            let inside = !named
                && inner.iter().filter(|x| x.start >= start).all(|x| is_nounish(x.tag) || matches!(x.tag, "v" | "vn"));
            if !inside || !clean || span > MAX {
                return (clean && (2..=MAX).contains(&span) && rules.launch.at(s, start).is_none())
                    .then_some((start, w.end));
            }
        }
        // 深入开展“惠民公积金、服务暖人心”全省住房公积金系统服务提升三年行动: a theme in quotes
        // right after the launching verb says what the campaign is for; the name follows it.
        if after_theme.is_none() {
            if let Some(open) = theme_before(rules, s, words, k - 1) {
                after_theme = Some(w.end);
                reach += w.end - words[open].start;
                k = open;
                continue;
            }
        }
        let plus = latin_plus(s, &words[..k], k - 1);
        if !plus && (matches!(w.tag, "x" | "w") || s[w.start..w.end].iter().any(|c| "，。；：！？、,;:!?".contains(*c)))
        {
            return None;
        }
        k -= 1;
    }
    None
}

/// The word opening a quoted theme whose closing mark is `words[close]`, when a launching verb
/// ends right before the opening mark and the theme is one short phrase (parts joined by 、 at
/// most, no clause).
fn theme_before(rules: &InitiativeRules, s: &[char], words: &[Word], close: usize) -> Option<usize> {
    const THEME: usize = 16;
    if s[words[close].start..words[close].end] != ['”'] {
        return None;
    }
    let open = (0..close)
        .rev()
        .take_while(|&j| words[close].start - words[j].start <= THEME + 1)
        .find(|&j| s[words[j].start..words[j].end] == ['“'])?;
    let inside = &s[words[open].end..words[close].start];
    let phrase = inside.len() >= 2 && !inside.iter().any(|c| "，。；：！？,;:!?“”".contains(*c));
    (phrase && rules.launch.ending_at(s, words[open].start).is_some()).then_some(open)
}

/// Past an amount of money right after a launching verb (设立3000亿元保障性住房再贷款): the sum is
/// what the named thing holds, no part of its name. Past a count in digits too (设立21个民用无人驾驶
/// 航空试验区, 建设10个左右…示范区): how many there are of the named kind.
fn skip_amount(s: &[char], start: usize, head_start: usize) -> usize {
    let digits = s[start..head_start].iter().take_while(|c| c.is_ascii_digit() || **c == '.').count();
    let scale = s[start + digits..head_start].iter().take_while(|c| matches!(c, '万' | '亿')).count();
    let end = start + digits + scale;
    if digits > 0 && s.get(end) == Some(&'元') && end + 3 <= head_start {
        return end + 1;
    }
    if digits > 0 && scale == 0 && matches!(s.get(end), Some('个' | '家' | '批' | '处')) {
        let about = ['左', '右'];
        let end = if s.get(end + 1..head_start).is_some_and(|r| r.starts_with(&about)) { end + 3 } else { end + 1 };
        if end + 4 <= head_start {
            return end;
        }
    }
    start
}

/// The start of a name opening with a place or a level of government whose noun chain a verb
/// stopped (江西省现代产业引导/v 基金, 国家融资担保/v 基金): reaching back from `start` over
/// nouns, verbs, adjectives and times of the same clause, at most 18 characters before the head,
/// to the nearest place or level word; never across a launching verb.
fn place_chain_start(
    rules: &InitiativeRules,
    s: &[char],
    words: &[Word],
    covered: &[bool],
    start: usize,
    head_start: usize,
) -> Option<usize> {
    let content = |t: &str| is_nounish(t) || matches!(t, "v" | "vn" | "a" | "b" | "t");
    let walked = back_over_verbs(rules, s, words, covered, (start, head_start), &["v", "vn"], content);
    let (mut k, _) = walked.into_iter().find(|(_, p)| place_led(rules, s, words, p.start))?;
    // 兰州/ns 新区/ns: the place's own words before it.
    while k > 0 && words[k - 1].tag == "ns" && !covered[words[k - 1].start..words[k - 1].end].iter().any(|x| *x) {
        k -= 1;
    }
    Some(words[k].start)
}

/// The name at `start` opens with a place (山西省/ns) or a level of government (国家).
fn place_led(rules: &InitiativeRules, s: &[char], words: &[Word], start: usize) -> bool {
    words.binary_search_by_key(&start, |w| w.start).is_ok_and(|i| {
        let w = &words[i];
        w.tag == "ns" || is_level_word(rules, s, w)
    })
}

/// Whether the word `w` is a level of government (`level_words`: 国家, 省级, 中央).
fn is_level_word(rules: &InitiativeRules, s: &[char], w: &Word) -> bool {
    rules.level_words.iter().any(|l| s[w.start..w.end].iter().copied().eq(l.chars()))
}

/// `words[j]` is the plus of a Latin name (AI+, 5G+) that opens an initiative's name
/// (中央企业AI+专项行动).
fn latin_plus(s: &[char], words: &[Word], j: usize) -> bool {
    let w = &words[j];
    s[w.start..w.end] == ['+']
        && j > 0
        && words[j - 1].end == w.start
        && s[words[j - 1].start..words[j - 1].end].iter().all(char::is_ascii_alphanumeric)
}

/// `short` is an abbreviation of `long`: its characters appear in order.
fn abbreviates(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().count() >= 2
        && short.chars().count() < long.chars().count()
        && short.chars().all(|c| it.any(|x| x == c))
}

fn merge(f: &Folded, mut cands: Vec<Candidate>) -> Vec<Initiative> {
    cands.sort_by_key(|c| c.span);
    // 国家级工业互联网试点示范项目: of two unquoted names from one start, the longer holds the
    // shorter's head inside it (试点示范); the shorter is no name of its own there.
    let nested: Vec<bool> = (0..cands.len())
        .map(|i| {
            let c = &cands[i];
            !c.quoted && cands[i + 1..].iter().take_while(|d| d.span[0] == c.span[0]).any(|d| !d.quoted)
        })
        .collect();
    let mut keep = nested.into_iter().map(|n| !n);
    cands.retain(|_| keep.next().unwrap_or(true));
    let mut out: Vec<(Initiative, Option<String>, bool)> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for c in cands {
        // Same name: one initiative; a kind found from a head noun beats "other".
        // One name is one initiative, whatever kinds its sightings suggest.
        if let Some((init, head, _)) = by_name.get(&c.name).map(|&k| &mut out[k]) {
            if init.kind == InitiativeKind::Other && c.kind != InitiativeKind::Other {
                init.kind = c.kind;
                init.full_name = c.full_name.clone();
                *head = c.head.clone();
            }
            init.mentions.push(c.span);
            if init.full_name == init.name && c.full_name != c.name {
                init.full_name = c.full_name.clone();
            }
            for e in c.evidence {
                if !init.evidence.contains(&e) {
                    init.evidence.push(e);
                }
            }
            continue;
        }
        by_name.insert(c.name.clone(), out.len());
        out.push((
            Initiative {
                name: c.name,
                full_name: c.full_name,
                kind: c.kind,
                aliases: Vec::new(),
                mentions: vec![c.span],
                mention_speakers: Vec::new(),
                mention_turns: Vec::new(),
                evidence: c.evidence,
            },
            c.head,
            c.quoted,
        ));
    }
    // Tie spelled-out names to quoted abbreviations with the same head
    // (智改数转 ~ 制造业智能化改造和数字化转型三年行动计划).
    let mut k = 0;
    while k < out.len() {
        let (long, long_head, long_quoted) = (&out[k].0, out[k].1.clone(), out[k].2);
        let target = (!long_quoted)
            .then(|| {
                out.iter().position(|(i, h, q)| {
                    let (Some(h), Some(lh)) = (h.as_deref(), long_head.as_deref()) else { return false };
                    // Heads agree when one ends the other (三年行动计划 / 行动计划).
                    let head = if h.ends_with(lh) {
                        h
                    } else if lh.ends_with(h) {
                        lh
                    } else {
                        return false;
                    };
                    let stem = long.full_name.strip_suffix(head).unwrap_or(&long.full_name);
                    *q && i.kind == long.kind && abbreviates(&i.name, stem)
                })
            })
            .flatten();
        match target {
            Some(t) if t != k => {
                let (long, ..) = out.remove(k);
                let t = if t > k { t - 1 } else { t };
                let short = &mut out[t].0;
                short.aliases.push(long.full_name);
                short.mentions.extend(long.mentions);
                short.evidence.push("alias:abbreviation".into());
            }
            _ => k += 1,
        }
    }
    // Further mentions of each short quoted name elsewhere in the text.
    let s = &f.chars;
    let mut inits: Vec<Initiative> = out.into_iter().map(|(i, _, _)| i).collect();
    for init in &mut inits {
        let name: Vec<char> = init.name.chars().collect();
        if name.len() < 2 || init.kind == InitiativeKind::Document {
            continue;
        }
        let mut i = 0;
        while i + name.len() <= s.len() {
            // The first character decides most positions without comparing the whole name.
            if s[i] == name[0] && s[i..i + name.len()] == *name.as_slice() {
                let span = [i, i + name.len()];
                if !init.mentions.iter().any(|m| m[0] < span[1] && span[0] < m[1]) {
                    init.mentions.push(span);
                }
                i += name.len();
            } else {
                i += 1;
            }
        }
        init.mentions.sort();
    }
    inits.sort_by_key(|i| i.mentions.first().copied());
    inits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;
    use std::sync::LazyLock;

    static PIPE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::embedded().unwrap());

    /// `(name, full_name)` of every initiative in `text`.
    fn found(text: &str) -> Vec<(String, String)> {
        let seg = PIPE.segmenter().segment(text);
        PIPE.extractor()
            .extract(text, &seg, None, None)
            .initiatives
            .into_iter()
            .map(|i| (i.name, i.full_name))
            .collect()
    }

    #[test]
    fn a_theme_in_quotes_between_the_verb_and_the_name() {
        let got = names("深入开展“惠民公积金、服务暖人心”全省住房公积金系统服务提升三年行动，推出便民举措。");
        assert_eq!(got, ["住房公积金系统服务提升三年行动"]);
        // A quotation the head follows at once is the name's own.
        assert_eq!(names("开展“清朗”专项行动。"), ["清朗"]);
        // Not a clause in quotes.
        assert!(names("开展“群众说，干部做”全省服务提升三年行动。").is_empty());
    }

    #[test]
    fn words_the_tagger_takes_for_times_places_or_adverbs_may_stand_before_the_head() {
        // 线上/f, 青年/t: between a quotation and its head.
        assert_eq!(names("依托“青湘汇”线上服务平台实现驿站预约。"), ["青湘汇"]);
        assert_eq!(names("团省委设立“青春湘伴”青年返乡创业帮扶基金。"), ["青春湘伴"]);
        // A 规划 without quotation marks needs three characters before it.
        assert!(names("开展职业规划、简历诊断等活动。").is_empty());
        assert_eq!(names("全面实施国土空间规划。"), ["国土空间规划"]);
    }

    #[test]
    fn single_character_heads_only_as_words_of_their_own() {
        let got = found("全省实施“链长制”。我省出台了“苏政40条”。不能“粘贴复制”。坚持“全民所有制”。");
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["链长制", "苏政40条"]);
    }

    #[test]
    fn a_launching_verb_is_no_part_of_the_full_name() {
        let got = found("各地积极开展“企业服务月”活动，启动“数字江苏”建设工程。");
        let full: Vec<&str> = got.iter().map(|(_, f)| f.as_str()).collect();
        assert_eq!(full, ["“企业服务月”活动", "“数字江苏”建设工程"]);
    }

    #[test]
    fn edition_in_brackets_does_not_hide_the_document_head() {
        assert_eq!(strip_trailing_aside("制造业数字化转型三年行动计划（2024—2026年）"), "制造业数字化转型三年行动计划");
        assert_eq!(strip_trailing_aside("行动方案"), "行动方案");
        assert_eq!(strip_trailing_aside("（试行）"), "（试行）");
    }

    #[test]
    fn enumerated_items_that_are_names() {
        let names = |t: &str| found(t).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(
            names("部署六大工程：一是强链补链工程，围绕短板环节；二是创新平台建设工程；三是绿色低碳转型工程。"),
            ["强链补链工程", "创新平台建设工程", "绿色低碳转型工程"]
        );
        assert_eq!(names("（一）智能工厂培育行动；（二）加强组织领导。"), ["智能工厂培育行动"]);
        // Not an item led by an adverb or by a verb before no noun, nor a heading of a list.
        assert!(names("一是坚决防范化解重大风险攻坚战。").is_empty());
        // An item led by an adverb still names what its launching verb carries out.
        assert_eq!(names("一是坚决打好污染防治攻坚战。"), ["污染防治攻坚战"]);
        assert!(names("（三）倡导共同行动，践行大国担当。").is_empty());
        assert!(names("统一、智能工厂培育行动").is_empty());
    }

    #[test]
    fn names_listed_after_a_launched_one_and_time_words_before_a_head() {
        let got = found("深入实施“万企升级”行动和制造业数字化转型三年行动计划。");
        assert!(got.iter().any(|(n, _)| n == "制造业数字化转型三年行动计划"), "{got:?}");
        let got = found("实施“51020”现代产业集群建设工程。");
        assert!(got.iter().any(|(_, full)| full == "“51020”现代产业集群建设工程"), "{got:?}");
        assert!(found("全省累计建成5G基站12万个和数据中心30个。").is_empty());
    }

    #[test]
    fn names_a_few_words_after_their_verb_and_listed_with_the_same_head() {
        let names = |t: &str| found(t).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(names("河南大力实施种业振兴行动，成效明显。"), ["种业振兴行动"]);
        assert_eq!(names("深入推进以人为核心的新型城镇化战略。"), ["新型城镇化战略"]);
        let listed = names("科教兴国战略、人才强国战略、乡村振兴战略等一系列重大战略深入实施。");
        assert_eq!(listed, ["科教兴国战略", "人才强国战略", "乡村振兴战略"]);
        // A launching verb of two words (深入/实施), and a third name listed after a second.
        assert_eq!(names("深入实施种业振兴行动，成效明显。"), ["种业振兴行动"]);
        assert_eq!(names("深入打好蓝天保卫战、碧水保卫战、净土保卫战。"), ["蓝天保卫战", "碧水保卫战", "净土保卫战"]);
        // Central-bank instruments are named by their head, without a launching verb; a
        // campaign season in quotes by its head a few words on.
        assert_eq!(names("累计发放支农再贷款86.4亿元、支小再贷款152.3亿元。"), ["支农再贷款", "支小再贷款"]);
        assert!(names("发放再贷款30亿元。").is_empty());
        assert_eq!(names("推出“粤式新潮流”秋冬文旅消费季。"), ["粤式新潮流"]);
        // Generic policies and measures need their verb right before them.
        assert!(names("各地落实各项惠企防范措施。").is_empty(), "{:?}", names("各地落实各项惠企防范措施。"));
        assert!(names("把要求落实到具体行动上。").is_empty());
    }

    #[test]
    fn data_publications_are_no_policy_documents_and_one_name_is_one_record() {
        let got = found("据《2023年国民经济和社会发展统计公报》，按照《关于促进民营经济发展的若干措施》执行。");
        assert_eq!(got.len(), 1, "{got:?}");
        let seg_text = "实施“强链”行动。“强链”工程全面铺开，“强链”行动成效明显。";
        let seg = PIPE.segmenter().segment(seg_text);
        let inits = PIPE.extractor().extract(seg_text, &seg, None, None).initiatives;
        let strong: Vec<_> = inits.iter().filter(|i| i.name == "强链").collect();
        assert_eq!(strong.len(), 1, "{inits:?}");
        assert_eq!(strong[0].mentions.len(), 3);
    }

    fn names(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn nouns_joined_by_a_conjunction_between_a_quotation_and_its_head() {
        let full = |t: &str| found(t).into_iter().map(|(_, f)| f).collect::<Vec<_>>();
        assert_eq!(names("实施“百城百区”文化和旅游消费行动计划。"), ["百城百区"]);
        assert!(full("实施“百城百区”文化和旅游消费行动计划。")[0].ends_with("行动计划"));
        // Not after a head (two things joined), nor before a head of its own.
        assert_eq!(names("推进“气象+”赋能行动和智慧气象建设。"), ["气象+"]);
        assert!(names("开发推广“小快轻准”数字化产品和解决方案。").is_empty());
        let kinds = |t: &str| {
            let seg = PIPE.segmenter().segment(t);
            PIPE.extractor().extract(t, &seg, None, None).initiatives.into_iter().map(|i| i.kind).collect::<Vec<_>>()
        };
        assert_eq!(kinds("落实“阳光家园计划”中央和省级补助资金5460万元。"), [InitiativeKind::Plan]);
    }

    #[test]
    fn a_numeral_and_counter_after_a_quotation_count_it() {
        assert!(names("全年计划打通“断头路”8条。").is_empty());
        assert_eq!(names("省政府出台“苏政40条”。"), ["苏政40条"]);
    }

    #[test]
    fn numeral_led_quotations_on_a_clause_verb_but_no_counted_sets_or_slogans() {
        assert_eq!(names("要持续推进长江“十年禁渔”，加强联合执法。"), ["十年禁渔"]);
        assert_eq!(names("十一、推进“医育结合”。依托医疗卫生机构。"), ["医育结合"]);
        assert!(names("中国共产党坚持“两个结合”，推进“两个结合”，推动文化发展。").is_empty());
        assert!(names("推动外贸“质升量稳”，为经济回升作出贡献。").is_empty());
        assert!(names("创造性地提出“中国式的现代化”。").is_empty());
    }

    #[test]
    fn construction_heads_classifiers_and_refused_quotations() {
        assert_eq!(names("重点支持既促消费惠民生又调结构增后劲的“两新一重”建设。"), ["两新一重"]);
        assert!(names("为把“好地方”扬州建设得好上加好。").is_empty());
        // Nouns saying what is built may stand between the quotation and 建设; a place may not,
        // nor may nouns before a classifier (“小而美”民生项目).
        let got = found("加快推进“沙戈荒”大型风电光伏基地建设。加快“蜀邮通”智慧监管平台建设。");
        let full: Vec<&str> = got.iter().map(|(_, f)| f.as_str()).collect();
        assert_eq!(full, ["“沙戈荒”大型风电光伏基地建设", "“蜀邮通”智慧监管平台建设"]);
        assert!(names("为“好地方”扬州城市建设出力。形成惠民生的“小而美”民生项目。").is_empty());
        assert!(names("今年为何提出“防止产能过剩和低水平重复建设”。").is_empty());
        assert!(names("形成惠民生的“小而美”项目。打破“唯选票”模式。").is_empty());
        assert!(names("全国打击“套路贷”犯罪。对用户进行“套路贷”。").is_empty());
        assert!(names("多党合作制度被称为“新型政党制度”。").is_empty());
        assert_eq!(names("以扎实开展“数字突破年”为突破。"), ["数字突破年"]);
    }

    #[test]
    fn routes_works_named_by_what_they_do_and_examples_of_counted_works() {
        // A route between two places, and the verb of what the work does, are in its name.
        assert_eq!(names("推进景德镇至鹰潭高速公路改扩建工程。"), ["景德镇至鹰潭高速公路改扩建工程"]);
        // Past a bracketed phase to its building verb.
        assert_eq!(names("赣江井冈山至峡江段航道提升工程（三期）完工。"), ["赣江井冈山至峡江段航道提升工程"]);
        // A work right before 等 and a count of works is one of them; the class after 等 is none.
        assert_eq!(names("赣州港国际陆港扩能工程等12个项目实现提前开工。"), ["赣州港国际陆港扩能工程"]);
        assert!(names("G105、G319等国省道干线公路瓶颈路段改造项目建成投用。").is_empty());
    }

    #[test]
    fn works_being_built_fused_verbs_and_time_words_inside_names() {
        assert_eq!(names("姚家林水利枢纽工程正式开工，总投资约98亿元。"), ["姚家林水利枢纽工程"]);
        let got = names("长江存储二期项目、武汉华星光电t5项目等重大产业项目加快建设。");
        assert_eq!(got, ["长江存储二期项目", "武汉华星光电t5项目"]);
        assert!(names("全省重大项目集中开工。").is_empty());
        assert!(names("100个产业项目签约落地。").is_empty());
        assert!(names("实施长江存储二期项目。").is_empty(), "a work needs its building verb or a list");
        let got = names("深入开展电动自行车安全隐患全链条整治行动，清理违规停放。");
        assert_eq!(got, ["电动自行车安全隐患全链条整治行动"]);
        assert_eq!(names("在全国部署开展根治欠薪冬季专项行动。"), ["根治欠薪冬季专项行动"]);
        assert_eq!(names("运用碳减排支持工具，支持清洁能源。"), ["碳减排支持工具"]);
        let got = names("城镇燃气安全专项整治持续深化，累计排查燃气用户。");
        assert_eq!(got, ["城镇燃气安全专项整治"], "a programme said to be under way");
        assert!(names("重点项目建设稳步推进。").is_empty());
    }

    #[test]
    fn verbs_joins_figures_and_generic_words_inside_a_launched_name() {
        assert_eq!(names("深入实施专利转化运用专项行动，盘点专利。"), ["专利转化运用专项行动"]);
        assert_eq!(names("深入实施国企改革深化提升行动。"), ["国企改革深化提升行动"]);
        let got = names("深入实施居家和社区基本养老服务提升行动。");
        assert_eq!(got, ["居家和社区基本养老服务提升行动"]);
        assert_eq!(names("设立总规模100亿元的浙江省科技成果转化引导基金。"), ["浙江省科技成果转化引导基金"]);
        assert_eq!(names("开展重点用能设备能效提升城市试点。"), ["用能设备能效提升城市试点"]);
        // A determiner makes the phrase generic; a verb in front of a generic word names nothing.
        assert!(names("落实各项防控技术方案。").is_empty());
        assert!(names("将新发展理念落实到具体行动中。").is_empty());
        assert!(names("推动实施专项行动。").is_empty());
    }

    #[test]
    fn verbs_inside_names_after_quotes_under_way_and_named_by_place() {
        // A verb after a noun modifies the head after a quotation; not one right after it.
        let got = names("深入开展“迎峰度冬”能源保供专项行动，电煤库存充足。");
        assert_eq!(got, ["迎峰度冬"]);
        assert_eq!(found("深入开展“迎峰度冬”能源保供专项行动。")[0].1, "“迎峰度冬”能源保供专项行动");
        assert!(names("把“三农”作为实施乡村振兴战略的重点。").iter().all(|n| n != "三农"));
        // A programme under way keeps the verbs inside its name; an adjective only describes.
        let got = names("新就业形态就业人员职业伤害保障试点稳步推进，已覆盖7个省份。");
        assert_eq!(got, ["新就业形态就业人员职业伤害保障试点"]);
        assert!(names("标志性重大工程加快推进。").is_empty());
        // Widened to more places; verbs right after a join open the name.
        assert_eq!(names("养老金融方面，商业养老金业务试点已扩大至全国范围。"), ["商业养老金业务试点"]);
        assert_eq!(names("完全成本保险和种植收入保险试点扩大到6市。"), ["种植收入保险试点"]);
        assert!(names("消费规模扩大到3万亿元。").is_empty());
        // A Latin name with a plus.
        assert_eq!(names("我们将开展中央企业AI+专项行动。"), ["中央企业AI+专项行动"]);
        // A fund named by its place or level needs no verb; a generic one does.
        assert_eq!(names("山西省能源转型发展基金规模达到100亿元。"), ["山西省能源转型发展基金"]);
        assert!(names("全省政府引导基金规模达到100亿元。").is_empty());
        assert!(names("职工基本医疗保险统筹基金收入增长5%。").is_empty());
    }

    #[test]
    fn rounds_long_policies_campaign_years_and_programmes_running_since() {
        assert_eq!(names("落实第三轮草原生态保护补助奖励政策，禁牧4亿亩。"), ["草原生态保护补助奖励政策"]);
        assert!(names("认真落实国家出台的相关支持政策。").is_empty());
        assert_eq!(names("今年是商务部确定的“消费促进年”。"), ["消费促进年"]);
        assert_eq!(names("四川省开展“蜀里安逸·焕新消费”系列活动。"), ["蜀里安逸·焕新消费"]);
        let got = names("组织开展以旧换新领域骗补套补问题专项整治行动，查处违法行为。");
        assert_eq!(got, ["以旧换新领域骗补套补问题专项整治行动"]);
        let got = names("长期护理保险制度试点自2016年启动以来，试点城市扩大到49个。");
        assert_eq!(got, ["长期护理保险制度试点"]);
        let got = names("农村义务教育学生营养改善计划惠及学生312.46万人。");
        assert_eq!(got, ["农村义务教育学生营养改善计划"]);
        assert!(names("这项计划自提出以来备受关注。").is_empty());
    }

    #[test]
    fn joined_quotations_heads_past_nouns_aspect_particles_and_packaged_reforms() {
        assert_eq!(names("浙江在全省启动“千村示范、万村整治”工程。"), ["千村示范、万村整治"]);
        assert!(names("总体呈现“申请量增、销售额升、结构优化”的良好态势。").is_empty());
        assert_eq!(names("深入开展“一链一策一批”中小微企业融资促进行动。"), ["一链一策一批"]);
        assert_eq!(names("我们还开展了“AI赋能万企”专项服务活动。"), ["AI赋能万企"]);
        assert_eq!(names("举办第九届“创客中国”中小企业创新创业大赛。"), ["创客中国"]);
        assert!(names("中国提出了“三新一高”发展逻辑。").is_empty());
        let got = found("出台66条“万事好通”南通营商环境优化提升举措。");
        assert_eq!(got[0].1, "“万事好通”南通营商环境优化提升举措");
        assert_eq!(names("推进国家重点研发计划和“科技创新2030—重大项目”等科技计划。").len(), 2);
        assert_eq!(names("深入实施强村富民乡村集成改革。"), ["强村富民乡村集成改革"]);
        assert!(names("深化供给侧结构性改革。").is_empty());
        assert_eq!(names("市科委持续实施人工智能市级科技重大专项。"), ["人工智能市级科技重大专项"]);
    }

    #[test]
    fn quotations_run_together_share_a_head_and_place_products_are_brands() {
        assert_eq!(names("全面推行“首违不罚”“轻微免罚”清单制度。"), ["首违不罚", "轻微免罚"]);
        assert!(names("“宾川柑橘”“宾川葡萄”品牌影响力持续提升。").is_empty());
    }

    #[test]
    fn unquoted_names_with_followers_owners_editions_and_levels() {
        let got = names("为做好吉林省嫩江干流补充治理工程建设，确保工程顺利进行。");
        assert!(got.iter().any(|n| n.contains("嫩江干流补充治理工程")), "{got:?}");
        assert_eq!(names("纳入我市职业技能提升培训计划，给予补贴。"), ["职业技能提升培训计划"]);
        assert_eq!(names("人民银行近期设立3000亿元保障性住房再贷款，利率1.75%。"), ["保障性住房再贷款"]);
        assert_eq!(names("同时，设立总规模50亿元的现代种业发展基金二期，重点支持种业企业。"), ["现代种业发展基金"]);
        assert_eq!(names("近日，工信部发布2021年度绿色制造名单，我省多家企业入选。"), ["绿色制造名单"]);
        assert_eq!(names("福建、海南设立了国家生态文明试验区等。"), ["国家生态文明试验区"]);
        let got = names("大力实施自由贸易试验区提升战略，推进上海自由贸易试验区临港新片区更高水平对外开放。");
        assert_eq!(got, ["自由贸易试验区提升战略"]);
    }

    #[test]
    fn zones_named_by_a_place_or_a_level_of_government() {
        let got = names("中国（江苏）自由贸易试验区以不到全省0.2%的面积实现进出口5320.6亿元。");
        assert_eq!(got, ["中国（江苏）自由贸易试验区"]);
        assert_eq!(names("全区已建成库布其沙漠光伏治沙示范区。"), ["库布其沙漠光伏治沙示范区"]);
        assert!(names("示范区内企业增长较快。").is_empty(), "a zone named by nothing");
    }

    #[test]
    fn funds_allocated_by_a_level_of_government() {
        let got = names("今年已下达中央财政城镇保障性安居工程补助资金712亿元。");
        assert_eq!(got, ["中央财政城镇保障性安居工程补助资金"]);
        assert_eq!(names("省级现代服务业发展专项资金安排4800万元。"), ["省级现代服务业发展专项资金"]);
        assert_eq!(names("财政部下拨我省中央自然灾害救灾资金1.26亿元。"), ["中央自然灾害救灾资金"]);
        assert!(names("今年安排省级科技专项资金约120亿元。").is_empty(), "a level and a field");
        assert!(names("安排省级专项资金2亿元。").is_empty(), "a level alone");
        assert!(names("统筹安排专项资金5亿元。").is_empty());
        assert!(names("下达中央和省级补助资金5亿元。").is_empty(), "levels joined");
    }

    #[test]
    fn places_opening_with_a_numeral_and_acts_named_after_a_quotation() {
        assert_eq!(names("设立了总规模50亿元的四川省数字经济产业投资基金。"), ["四川省数字经济产业投资基金"]);
        assert_eq!(names("实施四川省乡村振兴行动计划。"), ["四川省乡村振兴行动计划"]);
        assert!(names("出台1000多项改革举措。").is_empty(), "a counted phrase");
        assert_eq!(names("持续深化“放心消费”创建行动。"), ["放心消费"]);
        assert_eq!(names("深入实施“三品”提升行动。"), ["三品"]);
        assert!(names("以“十四五”作为规划期。").is_empty(), "a verb that makes the quotation a slogan");
    }

    #[test]
    fn editions_in_tens_nouns_led_by_a_numeral_projects_of_a_work_and_nested_heads() {
        assert_eq!(names("组织实施第十一批电信普遍服务试点。"), ["电信普遍服务试点"]);
        assert_eq!(names("稳步推进零基预算改革试点。"), ["零基预算改革试点"]);
        assert!(names("实施十大工程。").is_empty(), "a counted set");
        assert_eq!(names("全年实施耕地质量提升工程项目417个。"), ["耕地质量提升工程"]);
        assert_eq!(names("1家企业入选国家级工业互联网试点示范项目。"), ["国家级工业互联网试点示范"]);
        assert_eq!(names("深入实施新一轮三年行动计划。"), ["新一轮三年行动计划"]);
        assert_eq!(
            names("全省继续实施困难重度残疾人家庭无障碍改造项目，按照标准改造。"),
            ["困难重度残疾人家庭无障碍改造项目"]
        );
        assert!(names("实施挥发性有机物综合治理项目1520个。").is_empty(), "a class of works, counted");
        assert!(names("重点支持普惠型养老机构和智慧养老项目。").is_empty(), "no clause verb");
    }

    #[test]
    fn policies_running_since_targets_provincial_funds_and_phases_before_a_listed_name() {
        assert_eq!(names("离岛免税政策自2011年4月20日实施以来，累计销售100亿元。"), ["离岛免税政策"]);
        assert!(names("该政策自2011年实施以来，成效明显。").is_empty(), "no modifier");
        assert_eq!(names("今年将开展高标准农田建设整区域推进试点。"), ["高标准农田建设整区域推进试点"]);
        assert!(names("深入推进试点。").is_empty(), "nothing names it");
        assert_eq!(names("深入实施新一轮千亿斤粮食产能提升行动。"), ["千亿斤粮食产能提升行动"]);
        assert!(names("实施十大工程。").is_empty(), "a count of works");
        assert_eq!(names("省海洋产业投资基金规模扩大至50亿元。"), ["省海洋产业投资基金"]);
        assert_eq!(names("连续实施三期学前教育行动计划和学前教育提升工程。"), ["学前教育行动计划", "学前教育提升工程"]);
    }

    #[test]
    fn joint_campaigns_apps_zones_and_manners_of_working() {
        assert_eq!(
            names("深入开展高层建筑消防安全综合治理和电动自行车消防安全综合治理。"),
            ["高层建筑消防安全综合治理", "电动自行车消防安全综合治理"]
        );
        assert_eq!(names("“爱山东”APP实名注册用户突破1.12亿。"), ["爱山东"]);
        assert_eq!(names("吴江区入选江苏省城市更新试点区。"), ["江苏省城市更新试点区"]);
        assert!(names("对全市高层建筑逐栋开展“体检式”排查。").is_empty(), "a manner of working");
    }

    #[test]
    fn chains_per_unit_methods_blends_and_generic_words_name_nothing() {
        assert!(names("建立“省—市—县—乡—村”五级防汛责任体系。").is_empty(), "a chain of levels");
        assert!(names("对入库企业实行“一企一档”动态跟踪服务，高峰日实行“一日一图”。").is_empty());
        assert!(names("各地坚持“一小区一方案”。").is_empty(), "a way of handling each unit");
        assert_eq!(names("深入实施“一村一品”。"), ["一村一品"]);
        assert!(names("深化“电影+文旅”“电影+商圈”融合发展。").is_empty(), "a blend");
        assert_eq!(names("推进“产教融合”。"), ["产教融合"]);
        assert!(names("辖区已有67家公司发布行动方案。").is_empty(), "a head alone");
        assert!(names("开展重点专项行动。").is_empty(), "generic words run together");
        assert_eq!(names("开展城镇燃气安全专项行动。"), ["城镇燃气安全专项行动"]);
    }

    #[test]
    fn quotations_before_verbs_place_words_and_measure_words_that_lead_to_a_head() {
        assert_eq!(names("实施“不断线”就业服务专项行动。"), ["不断线"]);
        assert_eq!(names("深入开展“碧海护航”水上交通安全专项整治。"), ["碧海护航"]);
        assert_eq!(names("持续开展“徽动消费”系列促消费活动。"), ["徽动消费"]);
        assert_eq!(names("组织开展“新业态·新工会·新服务”集中入会行动。"), ["新业态·新工会·新服务"]);
        assert_eq!(names("深入开展“防风险、除隐患、保平安”森林草原防灭火专项整治行动。"), ["防风险、除隐患、保平安"]);
        assert_eq!(names("培育省级“5G+工业互联网”应用示范项目26个。"), ["5G+工业互联网"]);
        assert!(names("设立“甜兔网”等24个“动物系”网贷平台。").iter().all(|n| n != "动物系"));
    }

    #[test]
    fn pilot_cities_mass_campaigns_and_counts_before_a_name() {
        assert_eq!(names("长沙市、株洲市先后入选国家体育消费试点城市。"), ["国家体育消费试点城市"]);
        assert!(names("西安市作为全国第一批城市更新试点城市，进展顺利。").iter().all(|n| !n.contains("作为")));
        assert_eq!(names("五是深入开展爱国卫生运动，力争达标。"), ["爱国卫生运动"]);
        assert!(names("积极开展体育运动。").is_empty(), "a modifier of two characters");
        assert_eq!(names("目前已在全国批复设立21个民用无人驾驶航空试验区。"), ["民用无人驾驶航空试验区"]);
        assert!(names("出台1000多项改革举措。").is_empty());
    }

    #[test]
    fn platforms_named_by_a_place_not_by_a_verb_alone() {
        assert_eq!(names("上海市算力调度平台已接入算力中心11个。"), ["上海市算力调度平台"]);
        assert_eq!(names("依托“赣企通”惠企服务平台推行惠企资金直达。"), ["赣企通"]);
        assert!(names("新建国家级创新平台5个以上。").is_empty(), "新建 builds; a level and a field");
        assert!(names("打造一流创新合作平台。").is_empty(), "a launching verb alone");
        assert!(names("借助投洽会、海峡论坛等平台开展招商。").is_empty(), "examples of a kind");
    }

    #[test]
    fn campaigns_to_the_countryside_and_editions_written_as_words() {
        assert_eq!(names("开展新一轮新能源汽车下乡活动，推动充电设施向乡镇延伸。"), ["新能源汽车下乡活动"]);
        assert_eq!(names("推动科技下乡。"), ["科技下乡"]);
        assert!(names("干部下乡调研。").is_empty());
        // A span in Chinese numerals after the edition word names the programme.
        assert_eq!(names("研究制定新一轮三年行动计划。"), ["新一轮三年行动计划"]);
        assert!(names("出台首批56条措施。").is_empty(), "a counted set is no name");
        // Phases counted without 第 are editions too; 一批 is a quantity.
        assert_eq!(names("甘肃连续实施三期学前教育行动计划。"), ["学前教育行动计划"]);
        assert!(names("一批城市更新项目建成开放。").is_empty());
    }

    #[test]
    fn documents_without_book_marks_listed_ones_and_abbreviations() {
        let got = names("目前已出台了4个专项债发行指引和项目收益债券试点管理办法。");
        assert_eq!(got, ["项目收益债券试点管理办法"]);
        let got = names("两国合作促成《巴黎协定》、“昆明—蒙特利尔全球生物多样性框架”。");
        assert_eq!(got, ["巴黎协定", "昆明—蒙特利尔全球生物多样性框架"]);
        let text = "将经认证的经营者（AEO）制度拓展到跨境电商。公司通过AEO认证，通关效率提高。";
        let seg = PIPE.segmenter().segment(text);
        let inits = PIPE.extractor().extract(text, &seg, None, None).initiatives;
        assert_eq!(inits.len(), 1, "{inits:?}");
        assert_eq!((inits[0].name.as_str(), inits[0].mentions.len()), ("AEO", 2));
    }

    #[test]
    fn abbreviation() {
        assert!(abbreviates("智改数转", "制造业智能化改造和数字化转型"));
        assert!(!abbreviates("数智转改", "制造业智能化改造和数字化转型"));
    }

    #[test]
    fn names_through_verbs_joins_frames_and_offices() {
        // A place-led fund or zone whose noun chain a verb stopped.
        assert_eq!(names("总规模200亿元的江西省现代产业引导基金加快运作。"), ["江西省现代产业引导基金"]);
        assert_eq!(names("兰州新区绿色金融改革创新试验区建设稳步推进。"), ["兰州新区绿色金融改革创新试验区"]);
        assert!(names("产业引导基金加快运作。").is_empty(), "no place, no verb: no name");
        // A join tagged as a preposition between a verb and a noun.
        assert_eq!(
            names("支持实施义务教育薄弱环节改善与能力提升工程，新建学校。"),
            ["义务教育薄弱环节改善与能力提升工程"]
        );
        // A frame noun after the head.
        assert_eq!(names("请问在打好蓝天保卫战方面，采取了哪些措施？"), ["蓝天保卫战"]);
        // Offices of responsibility, without a generic word before them.
        assert_eq!(names("全省河湖长制深入实施。全面推行林长制。"), ["河湖长制", "林长制"]);
        // A one-character verb with its object between a quotation and its head.
        assert_eq!(names("持续开展“湘当有味·消费焕新”促消费活动。"), ["湘当有味·消费焕新"]);
        assert!(names("把“湘当有味”作为促消费活动的主题。以“湘当有味”促消费增长。").is_empty());
    }

    #[test]
    fn names_in_frames_as_objects_led_by_a_season_or_a_verb_in_a_list_and_demonstration_counties() {
        // 以…为抓手 launches the name as a verb does; a season may open it.
        assert_eq!(
            names("我们以秋冬季大气污染综合治理攻坚行动为抓手，聚焦结构调整。"),
            ["秋冬季大气污染综合治理攻坚行动"]
        );
        assert!(names("以数字化改造为抓手，推进工作。今年大气污染综合治理攻坚行动为重点。").is_empty());
        // The object of 把…作为.
        assert_eq!(names("甘肃把实施县域普通高中振兴计划作为补齐短板的关键举措。"), ["县域普通高中振兴计划"]);
        // A verb opening a name listed after another.
        assert_eq!(
            names("开展“铁拳护蓝”专项执法行动和打击危险废物环境违法犯罪专项行动。"),
            ["铁拳护蓝", "打击危险废物环境违法犯罪专项行动"]
        );
        assert!(names("开展专项执法行动和打击违法犯罪。").is_empty());
        // Nouns between the join and the verb that stopped the chain open it too.
        assert_eq!(names("深入实施“碧水清岸”整治行动和河湖生态保护修复工程。"), ["碧水清岸", "河湖生态保护修复工程"]);
        // 集中整治 heads a campaign as 专项整治 does.
        assert_eq!(names("统筹推进农村人居环境和乱占耕地问题集中整治。"), ["农村人居环境和乱占耕地问题集中整治"]);
        // Demonstration counties and parks.
        assert_eq!(names("创建美丽乡村示范县70个。"), ["美丽乡村示范县"]);
    }

    #[test]
    fn names_listed_after_a_head_are_two_and_may_open_with_a_season_and_hold_a_span() {
        assert_eq!(names("集团公司开展安全攻坚行动和安全生产专项整治行动。"), ["安全攻坚行动", "安全生产专项整治行动"]);
        assert_eq!(
            names("集团公司开展暑期安全百日攻坚行动和汛期安全专项整治行动。"),
            ["暑期安全百日攻坚行动", "汛期安全专项整治行动"]
        );
        // Nouns joined inside one name stay one.
        assert_eq!(names("实施居家和社区基本养老服务提升行动。"), ["居家和社区基本养老服务提升行动"]);
    }
    #[test]
    fn titles_of_works_listed_or_after_a_work_noun_are_no_documents() {
        let names = |t: &str| found(t).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert!(names("《封神第二部：战火西岐》《唐探1900》《蛟龙行动》票房分别为1.37亿元、9800万元、8600万元。")
            .is_empty());
        // One title of another kind does not make a list of documents works.
        assert_eq!(names("依据《中华人民共和国民法典》《物业管理条例》。"), ["物业管理条例"]);
        assert!(names("军事题材影片《蛟龙行动》在广州组织专场放映。").is_empty());
        // Documents listed together stay documents; 规程 and 先导区 are heads.
        assert_eq!(
            names("印发《数字经济发展实施方案》《制造业提升行动计划》。"),
            ["数字经济发展实施方案", "制造业提升行动计划"]
        );
        assert_eq!(names("修订《政府信息公开申请办理工作规程》。"), ["政府信息公开申请办理工作规程"]);
        assert_eq!(names("入选国家人工智能创新应用先导区。"), ["国家人工智能创新应用先导区"]);
    }
}
