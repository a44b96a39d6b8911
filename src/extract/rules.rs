//! Loads `patterns/claims.toml` into the typed vocabulary the claim recognizer uses:
//! units, hedges, change words, baselines, rank cues, modality, scope, periods and
//! non-claim rules. Word lists are sorted longest first once, here.

use crate::error::PatternError;
use crate::model::{ClaimKind, Qualifier};
use crate::patterns::{Patterns, Rule, RuleSpec};
use regex::Regex;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitSpec {
    id: String,
    words: Vec<String>,
    code: String,
    kind: ClaimKind,
    #[serde(default)]
    factor: Option<String>,
    #[serde(default)]
    two_digit_factor: Option<String>,
    chinese_ok: bool,
    #[serde(default)]
    arabic_only: bool,
    #[serde(default)]
    fraction_only: bool,
    #[serde(default)]
    requires_after: Option<String>,
    #[serde(default)]
    subunits: BTreeMap<String, String>,
    #[serde(default)]
    tenths_after: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordFigureSpec {
    word: String,
    value: String,
    unit: String,
    #[serde(default)]
    after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Hedge {
    prefix: Vec<String>,
    suffix: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeSpec {
    sign: i8,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricSpec {
    drop_leading: Vec<String>,
    #[serde(default)]
    keep_leading: Vec<String>,
    #[serde(default)]
    clause_openers: Vec<String>,
    #[serde(default)]
    partner_markers: Vec<String>,
    #[serde(default)]
    levels: Vec<String>,
    #[serde(default)]
    counted_places: Vec<String>,
    #[serde(default)]
    drop_trailing: Vec<String>,
    #[serde(default)]
    averages: Vec<String>,
    never: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    inner_verbs: Vec<String>,
    #[serde(default)]
    measure_suffixes: Vec<String>,
    #[serde(default)]
    noun_suffixes: Vec<String>,
    #[serde(default)]
    bare_heads: Vec<String>,
    #[serde(default)]
    not_modifiers: Vec<String>,
    #[serde(default)]
    measures: Vec<String>,
    #[serde(default)]
    de_heads: Vec<String>,
    #[serde(default)]
    money_nouns: Vec<String>,
    #[serde(default)]
    agents: Vec<String>,
    #[serde(default)]
    surnames: Vec<String>,
    #[serde(default)]
    pairs: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    manner_verbs: Vec<String>,
    #[serde(default)]
    owner_verbs: Vec<String>,
    causative_verbs: Vec<String>,
    #[serde(default)]
    act_adverbs: Vec<String>,
    #[serde(default)]
    flow_leads: Vec<String>,
    #[serde(default)]
    superlatives: Vec<String>,
    #[serde(default)]
    named_changes: Vec<String>,
    #[serde(default)]
    time_breakdowns: Vec<String>,
    #[serde(default)]
    indicator_frame_open: Vec<String>,
    #[serde(default)]
    indicator_frame_close: Vec<String>,
    #[serde(default)]
    indicator_ends: Vec<String>,
    #[serde(default)]
    indicator_frame_themes: Vec<String>,
    #[serde(default)]
    place_links: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BreakdownSpec {
    openers: Vec<String>,
    closers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DurationBoundSpec {
    units: Vec<String>,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpanSpec {
    names: Vec<String>,
    anaphors: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PriorBaselineSpec {
    before: Vec<String>,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordList {
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TransitiveSpec {
    words: Vec<String>,
    #[serde(default)]
    rates_only: Vec<String>,
    stops: Vec<char>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HedgeLinkSpec {
    words: Vec<String>,
    across_verb: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StockSpec {
    words: Vec<String>,
    counts: Vec<String>,
    annual: Vec<String>,
    flows: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Bases {
    yoy: Vec<String>,
    mom: Vec<String>,
    vs_prior_period: Vec<String>,
    reference_prefix: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RankSpec {
    cues: Vec<String>,
    ordinal_after: Vec<String>,
    superlatives: Vec<String>,
    verbs: Vec<String>,
    nouns: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexSpec {
    cues: Vec<String>,
    links: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModalitySpec {
    target: Vec<String>,
    not_target: Vec<String>,
    disposal: Vec<String>,
    disposal_complements: Vec<String>,
    acquire: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScopeSpec {
    words: Vec<String>,
    own_province: Vec<String>,
    own_city: Vec<String>,
    provinces: Vec<String>,
    not_places: Vec<String>,
    reference_before: Vec<String>,
    #[serde(default)]
    hidden_in: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    unit: Vec<UnitSpec>,
    currency_prefix: BTreeMap<String, String>,
    qualifiers: BTreeMap<String, Hedge>,
    change: Vec<ChangeSpec>,
    change_exceptions: WordList,
    change_transitive: TransitiveSpec,
    counted_people: WordList,
    cap_verbs: WordList,
    duration_bounds: DurationBoundSpec,
    hedge_links: HedgeLinkSpec,
    period_stocks: StockSpec,
    period_records: WordList,
    period_report_frames: WordList,
    period_rule_titles: WordList,
    period_estimates: WordList,
    period_breakdowns: BreakdownSpec,
    period_spans: SpanSpec,
    #[serde(default = "no_prior_baselines")]
    period_prior_baselines: PriorBaselineSpec,
    metric_rate_words: WordList,
    table_change_headers: WordList,
    table_place_headers: WordList,
    table_plain_columns: WordList,
    table_total_rows: WordList,
    metric: MetricSpec,
    bases: Bases,
    rank: RankSpec,
    index: IndexSpec,
    modality: ModalitySpec,
    scope: ScopeSpec,
    period_fragments: BTreeMap<String, String>,
    period: Vec<RuleSpec>,
    fragments: BTreeMap<String, String>,
    non_claim: Vec<RuleSpec>,
    #[serde(default)]
    word_figure: Vec<WordFigureSpec>,
    small_counts: SmallCountSpec,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SmallCountSpec {
    classifiers: Vec<String>,
    not_after: Vec<String>,
    name_suffixes: Vec<String>,
    heads: Vec<String>,
}

/// A unit of measure.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Rule id.
    pub id: String,
    /// Unit code.
    pub code: String,
    /// Claim kind.
    pub kind: ClaimKind,
    /// Multiplier applied to the value.
    pub factor: rust_decimal::Decimal,
    /// Multiplier for a whole two-digit value instead (75折 is 75 %, 8折 is 80 %).
    pub two_digit_factor: Option<rust_decimal::Decimal>,
    /// Small Chinese numerals are figures before this unit.
    pub chinese_ok: bool,
    /// No Chinese numeral is a figure before this unit (十大, 三大原则).
    pub arabic_only: bool,
    /// The unit only follows a number with a decimal point (8.9日 is days; 9日 is a date).
    pub fraction_only: bool,
    /// What must follow the unit word.
    pub requires_after: Option<Regex>,
    /// Smaller units that may follow a whole amount (元 → 角 0.1, 分 0.01: 50元6角三分).
    pub subunits: Words<rust_decimal::Decimal>,
    /// A digit right after the unit word adds tenths of it (七成六 = 76 %, 三成半 = 35 %).
    pub tenths_after: bool,
}

/// A word list for longest-match lookups on char slices, indexed by first and last char so
/// a lookup only compares the few words that can match there (Fx-hashed: one lookup per
/// character of a text is the common case).
#[derive(Debug, Clone, Default)]
pub struct Words<T: Clone> {
    /// Words longest first (ties in text order), with payloads.
    items: Vec<(Vec<char>, T)>,
    /// First char → indices into `items`, in `items` order.
    by_first: FxHashMap<char, Vec<u32>>,
    /// Last char → indices into `items`, in `items` order.
    by_last: FxHashMap<char, Vec<u32>>,
}

impl<T: Clone> Words<T> {
    /// Builds the list (sorted longest first). Empty words are dropped.
    pub fn new(mut items: Vec<(String, T)>) -> Self {
        items.retain(|(w, _)| !w.is_empty());
        items.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(&b.0)));
        let items: Vec<(Vec<char>, T)> = items.into_iter().map(|(w, t)| (w.chars().collect(), t)).collect();
        let mut by_first: FxHashMap<char, Vec<u32>> = FxHashMap::default();
        let mut by_last: FxHashMap<char, Vec<u32>> = FxHashMap::default();
        for (i, (w, _)) in items.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            if let (Some(&first), Some(&last)) = (w.first(), w.last()) {
                by_first.entry(first).or_default().push(i);
                by_last.entry(last).or_default().push(i);
            }
        }
        Self { items, by_first, by_last }
    }

    /// The longest word starting at `i`: (length, payload).
    pub fn at(&self, s: &[char], i: usize) -> Option<(usize, T)> {
        let candidates = self.by_first.get(s.get(i)?)?;
        candidates
            .iter()
            .map(|&k| &self.items[k as usize])
            // The second char rejects most candidates before the whole word is compared.
            .find(|(w, _)| (w.len() < 2 || s.get(i + 1) == Some(&w[1])) && s.get(i..i + w.len()) == Some(w.as_slice()))
            .map(|(w, t)| (w.len(), t.clone()))
    }

    /// The longest word starting at `i` when inline spaces may stand between its characters
    /// (百 分 点, text taken from PDFs): (chars consumed, payload).
    pub fn at_spaced(&self, s: &[char], i: usize) -> Option<(usize, T)> {
        let candidates = self.by_first.get(s.get(i)?)?;
        let spaced = |w: &[char]| -> Option<usize> {
            let mut j = i;
            for (n, c) in w.iter().enumerate() {
                if n > 0 {
                    while s.get(j).is_some_and(|x| matches!(x, ' ' | '\u{3000}' | '\u{a0}' | '\t')) {
                        j += 1;
                    }
                }
                if s.get(j) != Some(c) {
                    return None;
                }
                j += 1;
            }
            Some(j - i)
        };
        candidates.iter().map(|&k| &self.items[k as usize]).find_map(|(w, t)| spaced(w).map(|n| (n, t.clone())))
    }

    /// The longest word ending exactly at `end`: (length, payload).
    pub fn ending_at(&self, s: &[char], end: usize) -> Option<(usize, T)> {
        let last = s.get(end.checked_sub(1)?)?;
        let candidates = self.by_last.get(last)?;
        candidates
            .iter()
            .map(|&k| &self.items[k as usize])
            .find(|(w, _)| {
                end >= w.len()
                    && (w.len() < 2 || s[end - 2] == w[w.len() - 2])
                    && s[end - w.len()..end] == *w.as_slice()
            })
            .map(|(w, t)| (w.len(), t.clone()))
    }

    /// The first (leftmost) occurrence of any word in `s[from..to]`: (position, length, payload).
    pub fn find_in(&self, s: &[char], from: usize, to: usize) -> Option<(usize, usize, T)> {
        (from..to).find_map(|i| self.at(s, i).filter(|(l, _)| i + l <= to).map(|(l, t)| (i, l, t)))
    }

    /// The characters words start with, sorted.
    pub fn first_chars(&self) -> Vec<char> {
        let mut v: Vec<char> = self.by_first.keys().copied().collect();
        v.sort_unstable();
        v
    }

    /// Whether the list has no words.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Whether `t` is exactly one of the words.
    pub fn holds(&self, t: &[char]) -> bool {
        self.at(t, 0).is_some_and(|(l, _)| l == t.len())
    }

    /// Whether any word occurs in `s[from..to]`.
    pub fn any_in(&self, s: &[char], from: usize, to: usize) -> bool {
        self.find_in(s, from, to).is_some()
    }

    /// Non-overlapping leftmost-longest occurrences in `s`, counted per payload.
    pub fn count_in(&self, s: &[char]) -> HashMap<T, usize>
    where
        T: std::hash::Hash + Eq,
    {
        let mut counts = HashMap::new();
        let mut i = 0;
        while i < s.len() {
            match self.at(s, i) {
                Some((len, t)) => {
                    *counts.entry(t).or_default() += 1;
                    i += len;
                }
                None => i += 1,
            }
        }
        counts
    }
}

fn words(v: &[String]) -> Words<()> {
    Words::new(v.iter().map(|w| (w.clone(), ())).collect())
}

/// Baseline classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseClass {
    /// 同比.
    Yoy,
    /// 环比.
    Mom,
    /// 比上年.
    Prior,
}

/// The compiled claim vocabulary.
#[derive(Debug, Clone)]
pub struct ClaimRules {
    /// Units by index.
    pub units: Vec<Unit>,
    /// Words that are figures by themselves (对折, 百分之百) → (value, unit index, the words
    /// one of which must come right before it; empty: none needed).
    pub word_figures: Words<(rust_decimal::Decimal, usize, Words<()>)>,
    /// The characters word figures start with (a cheap test before a lookup).
    pub word_figure_starts: Vec<char>,
    /// Unit words → unit index.
    pub unit_words: Words<usize>,
    /// Currency symbols before a number → unit index.
    pub currency_prefix: Words<usize>,
    /// Prefix hedges.
    pub qual_prefix: Words<Qualifier>,
    /// Suffix hedges.
    pub qual_suffix: Words<Qualifier>,
    /// Change words → sign.
    pub change: Words<i8>,
    /// Words ending like a change word that are not one (新增).
    pub change_exceptions: Words<()>,
    /// Change verbs that take their indicator as an object before the figure (压减一般性支出12.6%).
    /// Change verbs that take an object before the figure; `true` for those that change only
    /// a rate (a figure in % or pp) this way.
    pub change_transitive: Words<bool>,
    /// Characters that end such an object: the figure after them is a level (下调首付比例至15%).
    pub change_object_stops: Vec<char>,
    /// People counted without a classifier after a number in ten-thousands (1800多万新市民).
    pub counted_people: Words<()>,
    /// Verbs of granting between a superlative bound and its figure (最高补助500万元).
    pub cap_verbs: Words<()>,
    /// Unit codes of durations that a word right after them bounds from above (3个工作日内).
    pub duration_bound_units: Vec<String>,
    /// The words that bound a duration so (内).
    pub duration_bound_words: Words<()>,
    /// Linking verbs that may stand between a hedge and its figure (至少要达到5400GW).
    pub hedge_links: Words<()>,
    /// Hedges that hold across one two-character verb before the figure (至少打造1个).
    pub hedge_across_verb: Words<()>,
    /// Words naming an indicator read at a date (余额, 实有, 保有量): a figure of one stated for a
    /// run of months is its level at the run's last month.
    pub period_stocks: Words<()>,
    /// Counts of entities that are stocks when their sentence states no run of its own.
    pub period_stock_counts: Words<()>,
    /// Words that make a stock word the run's own flow (当期结余, 当年收支结余).
    pub period_stock_flows: Words<()>,
    /// Plans and targets for a whole year (年度计划, 全年目标): a level named by one is the
    /// year's, whatever run of months its sentence reports.
    pub period_annual: Words<()>,
    /// Words after X年以来 that make the year the start of a record (为1998年以来最多).
    pub period_records: Words<()>,
    /// Words a reporting clause ends with before a lead's period (获悉, 了解到).
    pub period_report_frames: Words<()>,
    /// Kinds of document that set rules rather than report (通告, 办法): a period their headline
    /// names is when the rules hold, not the period of the figures in them.
    pub period_rule_titles: Words<()>,
    /// Words of an estimate right before a period written without its year (预计全年).
    pub period_estimates: Words<()>,
    /// Words opening a paragraph's breakdown frame (从, 分) and closing its first clause (看，).
    pub period_breakdown_openers: Words<()>,
    /// See `period_breakdown_openers`.
    pub period_breakdown_closers: Words<()>,
    /// Words ending the name of a span of days whose dates follow in brackets (国庆中秋假期（10月1日
    /// 至8日）): the bracketed window frames the clauses after it.
    pub period_span_names: Words<()>,
    /// Words that name such a span again later (假期期间, 节日期间): they take its window.
    pub period_span_anaphors: Words<()>,
    /// Comparison words before a relative time of the year before (比, 较): with
    /// `period_prior_words` and 的 right before a figure, the figure is the baseline's own.
    pub period_prior_before: Words<()>,
    /// Relative times of the year before (去年同期, 上年): see `period_prior_before`.
    pub period_prior_words: Words<()>,
    /// Words naming a growth rate (增速, 增幅): a point change in a clause naming one is its change.
    pub metric_rate_words: Words<()>,
    /// Words in a table's column header that make the column a change (同比增长(%), 增减).
    pub table_change_headers: Words<()>,
    /// Words in a table's first header cell that make its rows places (市（区）, 地区).
    pub table_place_headers: Words<()>,
    /// Column names of a data table that name no indicator (数值, 本月, 累计).
    pub table_plain_columns: Words<()>,
    /// First cells of a data table's rows of totals (总计, 合计).
    pub table_total_rows: Words<()>,
    /// Words cut from the front of a metric.
    pub metric_drop_leading: Words<()>,
    /// Names that open with a word of `metric_drop_leading` and keep it (新建商品住宅).
    pub metric_keep_leading: Words<()>,
    /// Words that open a clause without being its subject (其中): a verb after them still
    /// opens the clause and modifies the name after it (其中脱贫人口740人).
    pub metric_clause_openers: Words<()>,
    /// Words right before a place that make it the other side of what is measured (对美国进出口):
    /// part of the metric, never the figure's scope.
    pub metric_partner_markers: Words<()>,
    /// Levels of government or grade (国家级, 省级): a figure named by one alone counts what the
    /// figure before it counted, at that level (省级园区2个、市级8个).
    pub metric_levels: Words<()>,
    /// Kinds of place a figure may count (县, 城市, 省份): right after the figure, what it counts.
    pub metric_counted_places: Words<()>,
    /// Words dropped from the end of a metric (名义, 实际: how a change is measured).
    pub metric_drop_trailing: Words<()>,
    /// Phrases that are never a metric on their own (价格因素, 同口径).
    /// Averages that lead the metric of a figure written right after them (日均, 场均).
    pub metric_averages: Words<()>,
    pub metric_never: Vec<String>,
    /// Words that are nouns inside a metric whatever the tagger says (收入, 支出).
    pub metric_nouns: Words<()>,
    /// Verbs that stand as attributes inside indicator names (国有控股企业, 连接设备数).
    pub metric_inner_verbs: Words<()>,
    /// Heads that need what they count before them (授信户数, 避险比率, 处置能力): a verb
    /// right before one is part of the name.
    pub metric_bare_heads: Words<()>,
    /// Measure words that make the verb before them part of an indicator name (回收量,
    /// 交易额, 普及率: 回收/v 量/n).
    pub metric_measure_suffixes: Words<()>,
    /// One-character nouns of a place, a post or a device that make the verb glued before them
    /// one noun with them (收集点, 救护员, 服务站: 收集/v 点/m).
    pub metric_noun_suffixes: Words<()>,
    /// Verbs that never modify the noun after them inside a name (占, 达到, 完成): where a
    /// clause's verbs end and its indicator begins.
    pub metric_not_modifiers: Words<()>,
    /// Nouns that name a measure (规模, 面积, 总投资): written right before a figure that
    /// modifies a noun (总规模200亿元的基金), they, not that noun, are what it measures.
    pub metric_measures: Words<()>,
    /// `[metric] de_heads`: heads named by what the words before their 的 say (的人口).
    pub metric_de_heads: Words<()>,
    /// Nouns of money: a 万/亿 number written without a unit before them (20万亿资产, 20多万的
    /// 存款) is an amount in yuan.
    pub money_nouns: Words<()>,
    /// Offices and roles that end the name of who acts, never of what is measured.
    pub metric_agents: Words<()>,
    /// Verbs that close a manner adjunct opened by 按/按照 (按年平均汇率折算): how a figure is
    /// reckoned, never part of its name.
    pub metric_manner_verbs: Words<()>,
    /// Verbs between a noun and a bare measure of it (生产性服务业完成投资, 工业企业实现利润):
    /// the measure is the noun's.
    pub metric_owner_verbs: Words<()>,
    /// Verbs that make people do or undergo something (造成, 带动): a count after one measures
    /// the verb that follows the count (造成98.7万人次受灾 → 受灾).
    pub metric_causative_verbs: Words<()>,
    /// Change words that name the act they change (降息, 加息): the metric of a figure after one.
    pub metric_named_changes: Words<()>,
    /// Adverbs of repetition that belong to the act a figure measures (再就业, 重新就业).
    pub metric_act_adverbs: Words<()>,
    /// Verbs that make a name a flow (新增耕地, 净增用户): opening the clause before the name,
    /// they lead it, though they link other names to their figures (耕地新增15.2万亩).
    pub metric_flow_leads: Words<()>,
    /// Superlatives that close a clause naming what a following bare figure measures
    /// (水资源总量最多的是丽水市，为158.42亿立方米).
    pub metric_superlatives: Words<()>,
    /// Frames opening a sentence that breaks the indicator before it down by time (分季度看,
    /// 分月看): its figures without a metric measure that indicator.
    pub metric_time_breakdowns: Words<()>,
    /// Frames opening a sentence that name the indicator of its figures (从出院人数看，…):
    /// opening words, closing words, and the ends an indicator named there has.
    pub metric_indicator_frame_open: Words<()>,
    /// See `metric_indicator_frame_open`.
    pub metric_indicator_frame_close: Words<()>,
    /// Ends of a name that make it an indicator (出院人数, 病床使用率, 抚养比).
    pub metric_indicator_ends: Words<()>,
    /// Ends of a frame's name that make it a theme (从运行效率看): no indicator.
    pub metric_indicator_frame_themes: Words<()>,
    /// Words linking a place to its figure (上海为4.46%, 曲靖市、玉溪市分别有…).
    pub metric_place_links: Words<()>,
    /// Common one-character surnames: a word tagged as a person's name is one only when it
    /// opens with one of them.
    pub metric_surnames: Words<()>,
    /// Words that name two parts at once (城乡 → 城镇, 农村), for 分别 lists of one item.
    pub metric_pairs: Words<Vec<String>>,
    /// Classifiers after which a small Chinese numeral (两, 三 … 九) counts concrete things
    /// (三座桥, 两家公司, 加息两次).
    pub small_count_classifiers: Words<()>,
    /// Words right before such a numeral that make it no count (第, 每, 这, 其).
    pub small_count_not_after: Words<()>,
    /// Heads of numbered slogans and enumerations (两个大局, 三个方面, 八个字): a small
    /// Chinese count of one of these is rhetoric, not a figure.
    pub small_count_heads: Words<()>,
    /// Last characters of place names that open with a numeral and classifier (五家子村).
    pub small_count_name_suffixes: Words<()>,
    /// Baselines.
    pub bases: Words<BaseClass>,
    /// 比 / 较 / 高于 …
    pub reference_prefix: Words<()>,
    /// Rank cues.
    pub rank_cues: Words<()>,
    /// Ordinal markers after 第N.
    pub ordinal_after: Words<()>,
    /// Words right after 第N that make it a rank without a cue (为1961年以来第2高).
    pub rank_superlatives: Words<()>,
    /// Verbs that rank what is named before them (居, 位居, 排名).
    pub rank_verbs: Words<()>,
    /// Ranking verbs that are also nouns: after a list (在全球创新指数中排名第12位) they name the
    /// ranking in it.
    pub rank_nouns: Words<()>,
    /// Index cues.
    pub index_cues: Words<()>,
    /// Index links.
    pub index_links: Words<()>,
    /// Target cues.
    pub target: Words<()>,
    /// False target cues.
    pub not_target: Words<()>,
    /// Target cues that, with a noun right after them, put an object before its verb (将热线工单
    /// 直派至…): no future.
    pub disposal: Words<()>,
    /// What a verb ends with, or is followed by, in a disposal (直派至, 提高到, 纳入, 用于, 列为).
    pub disposal_complements: Words<()>,
    /// Target cues that, with a noun right after them, say what was obtained (争取中央资金2.35亿元).
    pub acquire: Words<()>,
    /// Scope words.
    pub scope_words: Words<()>,
    /// 全省-like words.
    pub own_province: Words<()>,
    /// 全市-like words.
    pub own_city: Words<()>,
    /// Province names.
    pub provinces: Vec<String>,
    /// Indices of the non-claim rules whose matches hide the places in them from scopes.
    pub scope_hidden_in: Vec<usize>,
    /// The province names → index in `provinces`.
    pub province_words: Words<usize>,
    /// Words segmentation tags as places that are not regions (城镇, 农村).
    pub not_places: Words<()>,
    /// Words that make the following place a reference.
    pub reference_before: Words<()>,
    /// Period rules.
    pub periods: Vec<Rule>,
    /// Non-claim rules.
    pub non_claims: Vec<Rule>,
    /// Where each period rule can match.
    pub period_scanner: super::scan::Scanner,
    /// Where each non-claim rule can match.
    pub non_claim_scanner: super::scan::Scanner,
}

impl ClaimRules {
    /// Loads `claims.toml` from `dir`.
    ///
    /// # Errors
    /// Syntax, schema, regex and example failures, with file and line.
    pub fn load(patterns: &Patterns) -> Result<Self, PatternError> {
        let src = patterns.source("claims.toml")?;
        let f: File = src.parse()?;
        let mut units = Vec::new();
        let mut unit_words = Vec::new();
        for u in f.unit {
            let at = format!("\"{}\"", u.id);
            let factor = match &u.factor {
                Some(s) => {
                    s.parse().map_err(|_| src.error_at(&at, format!("unit {}: factor {s:?} is not a decimal", u.id)))?
                }
                None => rust_decimal::Decimal::ONE,
            };
            let two_digit_factor = match &u.two_digit_factor {
                Some(s) => Some(s.parse().map_err(|_| {
                    src.error_at(&at, format!("unit {}: two_digit_factor {s:?} is not a decimal", u.id))
                })?),
                None => None,
            };
            let requires_after = match &u.requires_after {
                Some(p) => Some(
                    Regex::new(p).map_err(|e| src.error_at(&at, format!("unit {}: bad requires_after: {e}", u.id)))?,
                ),
                None => None,
            };
            if u.words.is_empty() {
                return Err(src.error_at(&at, format!("unit {} has no words", u.id)));
            }
            let mut subunits = Vec::new();
            for (w, v) in &u.subunits {
                let v = v.parse().map_err(|_| {
                    src.error_at(&at, format!("unit {}: subunit {w} value {v:?} is not a decimal", u.id))
                })?;
                subunits.push((w.clone(), v));
            }
            for w in &u.words {
                unit_words.push((w.clone(), units.len()));
            }
            units.push(Unit {
                id: u.id,
                code: u.code,
                kind: u.kind,
                factor,
                two_digit_factor,
                chinese_ok: u.chinese_ok,
                arabic_only: u.arabic_only,
                fraction_only: u.fraction_only,
                requires_after,
                subunits: Words::new(subunits),
                tenths_after: u.tenths_after,
            });
        }
        let mut currency_prefix = Vec::new();
        for (symbol, id) in &f.currency_prefix {
            let idx = units.iter().position(|u: &Unit| u.id == *id).ok_or_else(|| {
                src.error_at(&format!("\"{symbol}\""), format!("currency_prefix {symbol}: no unit {id}"))
            })?;
            currency_prefix.push((symbol.clone(), idx));
        }
        let mut word_figures = Vec::new();
        for w in &f.word_figure {
            let at = format!("\"{}\"", w.word);
            let idx = units
                .iter()
                .position(|u: &Unit| u.id == w.unit)
                .ok_or_else(|| src.error_at(&at, format!("word_figure {}: no unit {}", w.word, w.unit)))?;
            let v = w.value.parse().map_err(|_| {
                src.error_at(&at, format!("word_figure {}: value {:?} is not a decimal", w.word, w.value))
            })?;
            word_figures.push((w.word.clone(), (v, idx, words(&w.after))));
        }
        let word_figures = Words::new(word_figures);
        let mut prefix = Vec::new();
        let mut suffix = Vec::new();
        for (name, h) in &f.qualifiers {
            let q: Qualifier = serde_json::from_value(serde_json::Value::String(name.clone()))
                .map_err(|_| src.error_at(name, format!("unknown qualifier {name:?}")))?;
            prefix.extend(h.prefix.iter().map(|w| (w.clone(), q)));
            suffix.extend(h.suffix.iter().map(|w| (w.clone(), q)));
        }
        let mut change = Vec::new();
        for c in &f.change {
            if c.sign != 1 && c.sign != -1 {
                return Err(src.error_at("sign", "change sign must be 1 or -1"));
            }
            change.extend(c.words.iter().map(|w| (w.clone(), c.sign)));
        }
        let mut bases = Vec::new();
        bases.extend(f.bases.yoy.iter().map(|w| (w.clone(), BaseClass::Yoy)));
        bases.extend(f.bases.mom.iter().map(|w| (w.clone(), BaseClass::Mom)));
        bases.extend(f.bases.vs_prior_period.iter().map(|w| (w.clone(), BaseClass::Prior)));
        let periods = src.compile_rules(&f.period, &f.period_fragments)?;
        let non_claims = src.compile_rules(&f.non_claim, &f.fragments)?;
        let mut scope_hidden_in = Vec::new();
        for id in &f.scope.hidden_in {
            let k = non_claims.iter().position(|r| r.id == *id).ok_or_else(|| {
                src.error_at(&format!("\"{id}\""), format!("scope hidden_in {id}: no non_claim rule with that id"))
            })?;
            scope_hidden_in.push(k);
        }
        Ok(Self {
            units,
            word_figure_starts: word_figures.first_chars(),
            word_figures,
            unit_words: Words::new(unit_words),
            currency_prefix: Words::new(currency_prefix),
            qual_prefix: Words::new(prefix),
            qual_suffix: Words::new(suffix),
            change: Words::new(change),
            change_exceptions: words(&f.change_exceptions.words),
            change_transitive: Words::new(
                f.change_transitive
                    .words
                    .iter()
                    .map(|w| (w.clone(), false))
                    .chain(f.change_transitive.rates_only.iter().map(|w| (w.clone(), true)))
                    .collect(),
            ),
            change_object_stops: f.change_transitive.stops.clone(),
            counted_people: words(&f.counted_people.words),
            cap_verbs: words(&f.cap_verbs.words),
            duration_bound_units: f.duration_bounds.units.clone(),
            duration_bound_words: words(&f.duration_bounds.words),
            hedge_links: words(&f.hedge_links.words),
            hedge_across_verb: words(&f.hedge_links.across_verb),
            period_stocks: words(&f.period_stocks.words),
            period_stock_counts: words(&f.period_stocks.counts),
            period_stock_flows: words(&f.period_stocks.flows),
            period_annual: words(&f.period_stocks.annual),
            period_records: words(&f.period_records.words),
            period_report_frames: words(&f.period_report_frames.words),
            period_rule_titles: words(&f.period_rule_titles.words),
            period_estimates: words(&f.period_estimates.words),
            period_breakdown_openers: words(&f.period_breakdowns.openers),
            period_breakdown_closers: words(&f.period_breakdowns.closers),
            period_span_names: words(&f.period_spans.names),
            period_span_anaphors: words(&f.period_spans.anaphors),
            period_prior_before: words(&f.period_prior_baselines.before),
            period_prior_words: words(&f.period_prior_baselines.words),
            metric_rate_words: words(&f.metric_rate_words.words),
            table_change_headers: words(&f.table_change_headers.words),
            table_place_headers: words(&f.table_place_headers.words),
            table_plain_columns: words(&f.table_plain_columns.words),
            table_total_rows: words(&f.table_total_rows.words),
            metric_drop_leading: words(&f.metric.drop_leading),
            metric_keep_leading: words(&f.metric.keep_leading),
            metric_clause_openers: words(&f.metric.clause_openers),
            metric_partner_markers: words(&f.metric.partner_markers),
            metric_levels: words(&f.metric.levels),
            metric_counted_places: words(&f.metric.counted_places),
            metric_drop_trailing: words(&f.metric.drop_trailing),
            metric_never: f.metric.never.clone(),
            metric_averages: words(&f.metric.averages),
            metric_nouns: words(&f.metric.nouns),
            metric_inner_verbs: words(&f.metric.inner_verbs),
            metric_measure_suffixes: words(&f.metric.measure_suffixes),
            metric_noun_suffixes: words(&f.metric.noun_suffixes),
            metric_bare_heads: words(&f.metric.bare_heads),
            metric_not_modifiers: words(&f.metric.not_modifiers),
            metric_measures: words(&f.metric.measures),
            metric_de_heads: words(&f.metric.de_heads),
            metric_manner_verbs: words(&f.metric.manner_verbs),
            metric_owner_verbs: words(&f.metric.owner_verbs),
            metric_causative_verbs: words(&f.metric.causative_verbs),
            metric_named_changes: words(&f.metric.named_changes),
            metric_act_adverbs: words(&f.metric.act_adverbs),
            metric_flow_leads: words(&f.metric.flow_leads),
            metric_superlatives: words(&f.metric.superlatives),
            metric_time_breakdowns: words(&f.metric.time_breakdowns),
            metric_indicator_frame_open: words(&f.metric.indicator_frame_open),
            metric_indicator_frame_close: words(&f.metric.indicator_frame_close),
            metric_indicator_ends: words(&f.metric.indicator_ends),
            metric_indicator_frame_themes: words(&f.metric.indicator_frame_themes),
            metric_place_links: words(&f.metric.place_links),
            money_nouns: words(&f.metric.money_nouns),
            small_count_classifiers: words(&f.small_counts.classifiers),
            small_count_not_after: words(&f.small_counts.not_after),
            small_count_heads: words(&f.small_counts.heads),
            small_count_name_suffixes: words(&f.small_counts.name_suffixes),
            metric_agents: words(&f.metric.agents),
            metric_surnames: words(&f.metric.surnames),
            metric_pairs: Words::new(f.metric.pairs.clone().into_iter().collect()),
            bases: Words::new(bases),
            reference_prefix: words(&f.bases.reference_prefix),
            rank_cues: words(&f.rank.cues),
            ordinal_after: words(&f.rank.ordinal_after),
            rank_superlatives: words(&f.rank.superlatives),
            rank_verbs: words(&f.rank.verbs),
            rank_nouns: words(&f.rank.nouns),
            index_cues: words(&f.index.cues),
            index_links: words(&f.index.links),
            target: words(&f.modality.target),
            not_target: words(&f.modality.not_target),
            disposal: words(&f.modality.disposal),
            disposal_complements: words(&f.modality.disposal_complements),
            acquire: words(&f.modality.acquire),
            scope_words: words(&f.scope.words),
            own_province: words(&f.scope.own_province),
            own_city: words(&f.scope.own_city),
            province_words: Words::new(f.scope.provinces.iter().cloned().enumerate().map(|(i, p)| (p, i)).collect()),
            provinces: f.scope.provinces,
            scope_hidden_in,
            not_places: words(&f.scope.not_places),
            reference_before: words(&f.scope.reference_before),
            period_scanner: super::scan::Scanner::new(periods.iter().map(|r| &r.regex)),
            non_claim_scanner: super::scan::Scanner::new(non_claims.iter().map(|r| &r.regex)),
            periods,
            non_claims,
        })
    }
}

fn no_prior_baselines() -> PriorBaselineSpec {
    PriorBaselineSpec { before: Vec::new(), words: Vec::new() }
}
