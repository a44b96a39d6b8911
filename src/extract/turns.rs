//! Turns: the speakers of a transcript (press conference, interview, 答记者问) and who
//! states each figure.
//!
//! Reads the body text paragraph by paragraph and recognizes, at the start of a paragraph,
//! speaker lines (国家统计局新闻发言人 付凌晖：, 主持人 寿小丽：, 中央电视台记者：, 【付凌晖】)
//! and Q/A markers (问：, 答：) with the rules of `patterns/turns.toml`. A document is a
//! transcript only with at least `min_turns` such paragraphs and a transcript cue (发布会,
//! 答记者问 … in the title or opening) or both a question and an answer among them; any other
//! document has no turns, so an article's "国家统计局：" or "注：" never starts one. Turns run
//! from one speaker paragraph to the next and together cover the body from the first one on.
//!
//! [`attribute`] then gives every claim and initiative mention the turn it lies in. This
//! module never changes the text, a figure or a name: it only says who speaks.

use super::scan::Scanner;
use crate::error::PatternError;
use crate::model::{Attribution, Initiative, KeyedClaim, Role, Span, Turn};
use crate::patterns::{Patterns, Rule, RuleSpec};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleWords {
    host: Vec<String>,
    spokesperson: Vec<String>,
    journalist: Vec<String>,
    official: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkerWords {
    question: Vec<String>,
    answer: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    min_turns: usize,
    cues: Vec<String>,
    roles: RoleWords,
    markers: MarkerWords,
    name_stop: Vec<String>,
    not_names: Vec<String>,
    org_suffixes: Vec<String>,
    fragments: BTreeMap<String, String>,
    speaker: Vec<RuleSpec>,
    introduced: Vec<RuleSpec>,
}

/// Compiled transcript rules (`patterns/turns.toml`).
#[derive(Debug, Clone)]
pub struct TurnRules {
    /// Fewest speaker paragraphs a transcript has.
    pub min_turns: usize,
    /// Words that say a page is a transcript.
    pub cues: Vec<String>,
    /// Role words and the role each names, longest first.
    pub roles: Vec<(String, Role)>,
    /// Marker words, `true` for a question.
    pub markers: Vec<(String, bool)>,
    /// Words a speaker's name never ends with (表示, 介绍).
    pub name_stop: Vec<String>,
    /// Labels that are never a bare name (注, 附件).
    pub not_names: Vec<String>,
    /// Endings of an office's name (局, 厅), never a bare name.
    pub org_suffixes: Vec<String>,
    /// Speaker-line rules, in order.
    pub speaker: Vec<Rule>,
    /// Where the speaker rules can match: most paragraphs hold none of the characters a
    /// label ends with, and are not searched.
    speaker_scan: Scanner,
    /// Introductions of the answering side before the first turn.
    pub introduced: Vec<Rule>,
}

impl TurnRules {
    /// Loads and validates `turns.toml` in `dir`; `{role}` in a pattern is any role word.
    ///
    /// # Errors
    /// File, syntax, regex or example failures, and rules without the groups they need,
    /// with file and line.
    pub fn load(patterns: &Patterns) -> Result<Self, PatternError> {
        let src = patterns.source("turns.toml")?;
        let mut f: File = src.parse()?;
        let mut roles: Vec<(String, Role)> = Vec::new();
        for (words, role) in [
            (&f.roles.host, Role::Host),
            (&f.roles.spokesperson, Role::Spokesperson),
            (&f.roles.journalist, Role::Journalist),
            (&f.roles.official, Role::Official),
        ] {
            roles.extend(words.iter().map(|w| (w.clone(), role)));
        }
        if roles.iter().any(|(w, _)| w.is_empty()) || roles.is_empty() {
            return Err(src.error_at("[roles]", "role words must be non-empty"));
        }
        roles.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(&b.0)));
        let alternation: Vec<String> = roles.iter().map(|(w, _)| regex::escape(w)).collect();
        f.fragments.insert("role".into(), alternation.join("|"));
        let speaker = src.compile_rules(&f.speaker, &f.fragments)?;
        for r in &speaker {
            let groups: Vec<&str> = r.regex.capture_names().flatten().collect();
            if !["marker", "role", "name"].iter().any(|g| groups.contains(g)) {
                return Err(src.error_at(&format!("\"{}\"", r.id), "a speaker rule needs a group marker, role or name"));
            }
        }
        let introduced = src.compile_rules(&f.introduced, &f.fragments)?;
        for r in &introduced {
            let groups: Vec<&str> = r.regex.capture_names().flatten().collect();
            if !groups.contains(&"role") || !groups.contains(&"name") {
                return Err(src.error_at(&format!("\"{}\"", r.id), "an introduction rule needs groups role and name"));
            }
        }
        let mut markers: Vec<(String, bool)> = f.markers.question.into_iter().map(|w| (w, true)).collect();
        markers.extend(f.markers.answer.into_iter().map(|w| (w, false)));
        Ok(Self {
            min_turns: f.min_turns.max(2),
            cues: f.cues,
            roles,
            markers,
            name_stop: f.name_stop,
            not_names: f.not_names,
            org_suffixes: f.org_suffixes,
            speaker_scan: Scanner::new(speaker.iter().map(|r| &r.regex)),
            speaker,
            introduced,
        })
    }

    fn role_of(&self, word: &str) -> Option<Role> {
        self.roles.iter().find(|(w, _)| w == word).map(|(_, r)| *r)
    }

    fn is_name(&self, name: &str) -> bool {
        !self.name_stop.iter().any(|w| name.ends_with(w.as_str()))
    }

    fn is_bare_name(&self, name: &str) -> bool {
        self.is_name(name)
            && !self.not_names.iter().any(|w| w == name)
            && !self.org_suffixes.iter().any(|w| name.ends_with(w.as_str()))
    }
}

/// What opens a speaker paragraph.
#[derive(Debug, Clone, PartialEq)]
enum Label {
    /// 问： (`true`) or 答： (`false`).
    Marker(bool),
    /// A role with an optional organisation and name.
    Role { org: Option<String>, role: Role, name: Option<String> },
    /// A bare name.
    Name(String),
}

/// Who a name or an answer belongs to: role and organisation.
type Known = BTreeMap<String, (Option<Role>, Option<String>)>;

fn non_empty(s: Option<regex::Match<'_>>) -> Option<String> {
    s.map(|m| m.as_str().trim().to_string()).filter(|s| !s.is_empty())
}

/// The speaker label a paragraph opens with, if any.
fn label_of(rules: &TurnRules, para: &str) -> Option<Label> {
    let mask = rules.speaker_scan.mask(para);
    for (k, r) in rules.speaker.iter().enumerate() {
        if !rules.speaker_scan.may_match(k, mask) {
            continue;
        }
        let Some(c) = r.regex.captures(para) else { continue };
        if let Some(m) = c.name("marker") {
            let question = !rules.markers.iter().any(|(w, q)| w == m.as_str() && !*q);
            return Some(Label::Marker(question));
        }
        if let Some(role) = c.name("role").and_then(|m| rules.role_of(m.as_str())) {
            let name = non_empty(c.name("name"));
            if name.as_deref().is_some_and(|n| !rules.is_name(n)) {
                return None;
            }
            return Some(Label::Role { org: non_empty(c.name("org")), role, name });
        }
        if let Some(name) = non_empty(c.name("name")) {
            return rules.is_bare_name(&name).then_some(Label::Name(name));
        }
    }
    None
}

/// Paragraphs of `text` with their char offsets.
fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        out.push((at, line));
        at += line.chars().count() + 1;
    }
    out
}

/// Named speakers introduced in `s` (the title and the opening before the first turn).
fn introductions(rules: &TurnRules, s: &str, known: &mut Known) -> Option<(String, Role, Option<String>)> {
    let mut first = None;
    for r in &rules.introduced {
        for c in r.regex.captures_iter(s) {
            let (Some(name), Some(role)) =
                (non_empty(c.name("name")), c.name("role").and_then(|m| rules.role_of(m.as_str())))
            else {
                continue;
            };
            if !rules.is_name(&name) || matches!(role, Role::Journalist | Role::Host) {
                continue;
            }
            let org = non_empty(c.name("org"));
            known.entry(name.clone()).or_insert((Some(role), org.clone()));
            first.get_or_insert((name, role, org));
        }
    }
    first
}

/// The turns of a transcript, or none for any other document.
pub fn detect(rules: &TurnRules, text: &str, title: Option<&str>) -> Vec<Turn> {
    let paras = paragraphs(text);
    let labels: Vec<(usize, Label)> = paras.iter().filter_map(|(at, p)| label_of(rules, p).map(|l| (*at, l))).collect();
    let strong = labels.iter().filter(|(_, l)| !matches!(l, Label::Name(_))).count();
    if strong == 0 {
        return Vec::new();
    }
    let mut known = Known::new();
    for (_, l) in &labels {
        if let Label::Role { name: Some(n), role, org } = l {
            known.entry(n.clone()).or_insert((Some(*role), org.clone()));
        }
    }
    let first_at = labels.first().map_or(0, |(at, _)| *at);
    let opening: String = text.chars().take(first_at).collect();
    let opening = if opening.is_empty() { paras.first().map_or("", |p| p.1).to_string() } else { opening };
    let context = format!("{}\n{opening}", title.unwrap_or(""));
    let answerer = introductions(rules, &context, &mut known);
    let repeated = |n: &str| labels.iter().filter(|(_, l)| matches!(l, Label::Name(m) if m == n)).count() >= 2;
    let kept: Vec<&(usize, Label)> = labels
        .iter()
        .filter(|(_, l)| match l {
            Label::Name(n) => known.contains_key(n) || repeated(n),
            _ => true,
        })
        .collect();
    if kept.len() < rules.min_turns || !is_transcript(rules, &context, &kept) {
        return Vec::new();
    }
    let default_answer = if context.contains("发言人") { Role::Spokesperson } else { Role::Official };
    let total = text.chars().count();
    kept.iter()
        .enumerate()
        .map(|(i, (at, label))| {
            let end = kept.get(i + 1).map_or(total, |(next, _)| *next);
            let (speaker, role, organization) = match label {
                Label::Marker(true) => (None, Some(Role::Journalist), None),
                Label::Marker(false) => match &answerer {
                    Some((n, r, o)) => (Some(n.clone()), Some(*r), o.clone()),
                    None => (None, Some(default_answer), None),
                },
                Label::Role { org, role, name } => (name.clone(), Some(*role), org.clone()),
                Label::Name(n) => {
                    let (role, org) = known.get(n).cloned().unwrap_or((None, None));
                    (Some(n.clone()), role, org)
                }
            };
            Turn { speaker, role, organization, span: [*at, end] }
        })
        .collect()
}

/// A transcript cue in the title or opening, or both a question and an answer among the turns.
fn is_transcript(rules: &TurnRules, context: &str, labels: &[&(usize, Label)]) -> bool {
    if rules.cues.iter().any(|c| context.contains(c.as_str())) {
        return true;
    }
    let asks = |l: &Label| matches!(l, Label::Marker(true) | Label::Role { role: Role::Journalist, .. });
    labels.iter().any(|(_, l)| asks(l)) && labels.iter().any(|(_, l)| !asks(l))
}

/// The turn holding char offset `at`, if any.
fn turn_at(turns: &[Turn], at: usize) -> Option<usize> {
    let i = turns.partition_point(|t| t.span[0] <= at).checked_sub(1)?;
    (at < turns[i].span[1]).then_some(i)
}

fn said(turns: &[Turn], span: Span) -> Attribution {
    match turn_at(turns, span[0]) {
        Some(i) => Attribution {
            speaker: turns[i].speaker.clone(),
            turn: Some(i),
            in_question: turns[i].role == Some(Role::Journalist),
        },
        None => Attribution::default(),
    }
}

/// Gives every claim and initiative mention the turn it lies in (nothing for a document
/// without turns).
pub fn attribute(turns: &[Turn], claims: &mut [KeyedClaim], initiatives: &mut [Initiative]) {
    if turns.is_empty() {
        return;
    }
    for c in claims {
        c.said = said(turns, c.span);
    }
    for init in initiatives {
        let who: Vec<Attribution> = init.mentions.iter().map(|m| said(turns, *m)).collect();
        init.mention_turns = who.iter().map(|a| a.turn).collect();
        init.mention_speakers = who.into_iter().map(|a| a.speaker).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> TurnRules {
        TurnRules::load(&crate::patterns::Patterns::embedded()).unwrap()
    }

    fn who(turns: &[Turn]) -> Vec<(Option<&str>, Option<Role>, Option<&str>)> {
        turns.iter().map(|t| (t.speaker.as_deref(), t.role, t.organization.as_deref())).collect()
    }

    #[test]
    fn speaker_lines_then_paragraphs() {
        let text = "国务院新闻办公室今天举行新闻发布会。\n主持人 寿小丽：\n女士们、先生们，上午好。\n\
            国家统计局新闻发言人 付凌晖：\n前三季度国内生产总值同比增长4.8%。\n中央电视台记者：\n请问消费情况如何？\n\
            付凌晖：\n社会消费品零售总额增长3.3%。";
        let turns = detect(&rules(), text, Some("国新办举行前三季度国民经济运行情况新闻发布会"));
        assert_eq!(
            who(&turns),
            [
                (Some("寿小丽"), Some(Role::Host), None),
                (Some("付凌晖"), Some(Role::Spokesperson), Some("国家统计局")),
                (None, Some(Role::Journalist), Some("中央电视台")),
                (Some("付凌晖"), Some(Role::Spokesperson), Some("国家统计局")),
            ]
        );
        assert_eq!(turns[0].span[0], 19);
        for w in turns.windows(2) {
            assert_eq!(w[0].span[1], w[1].span[0]);
        }
        assert_eq!(turns.last().unwrap().span[1], text.chars().count());
        assert_eq!(turn_at(&turns, 0), None);
        assert_eq!(turn_at(&turns, 19), Some(0));
    }

    #[test]
    fn unnamed_questions_and_answers_take_the_introduced_speaker() {
        let text = "商务部新闻发言人束珏婷就近期经贸热点答记者问。\n问：前10个月进出口情况如何？\n答：进出口增长5.2%。";
        let turns = detect(&rules(), text, None);
        assert_eq!(
            who(&turns),
            [(None, Some(Role::Journalist), None), (Some("束珏婷"), Some(Role::Spokesperson), Some("商务部"))]
        );
        let text = "问：前10个月进出口情况如何？\n答：进出口增长5.2%。";
        assert_eq!(
            who(&detect(&rules(), text, None)),
            [(None, Some(Role::Journalist), None), (None, Some(Role::Official), None)]
        );
    }

    #[test]
    fn articles_have_no_turns() {
        let r = rules();
        let article = "国家统计局：\n全国居民消费价格同比上涨0.2%。\n注：\n本表数据为初步统计。";
        assert!(detect(&r, article, Some("9月份居民消费价格同比上涨0.2%")).is_empty());
        let one = "记者：张三\n全省经济运行总体平稳。";
        assert!(detect(&r, one, None).is_empty());
        let reported = "付凌晖表示：\n经济运行总体平稳。\n王明表示：\n消费持续恢复。";
        assert!(detect(&r, reported, Some("新闻发布会")).is_empty());
    }

    #[test]
    fn bare_names_need_an_introduction_or_repetition() {
        let text =
            "记者：你怎样看待农业税补贴问题？\n李金泽：政府通过补贴提高种粮积极性。\n记者：你通过什么渠道获取信息？\n\
            李金泽：通过国家下发的有关文件。\n主要目标：\n全年增长5%。";
        let turns = detect(&rules(), text, None);
        assert_eq!(turns.len(), 4);
        assert_eq!(who(&turns)[1], (Some("李金泽"), None, None));
    }

    #[test]
    fn figures_take_their_turn() {
        let turns = vec![
            Turn { speaker: None, role: Some(Role::Journalist), organization: None, span: [5, 10] },
            Turn {
                speaker: Some("付凌晖".into()), role: Some(Role::Spokesperson), organization: None, span: [10, 20]
            },
        ];
        assert_eq!(said(&turns, [2, 3]), Attribution::default());
        assert_eq!(said(&turns, [6, 8]), Attribution { speaker: None, turn: Some(0), in_question: true });
        assert_eq!(said(&turns, [12, 14]).speaker.as_deref(), Some("付凌晖"));
        assert_eq!(said(&turns, [25, 26]), Attribution::default());
    }
}
