//! The JSON contract ("pressmine/1"): pure data types with serde, shared by every stage.
//!
//! Nothing here does work: no parsing, no I/O. Offsets are Unicode scalar (character)
//! offsets into [`Document::text`], end-exclusive.

use serde::{Deserialize, Serialize};

/// Schema tag written into every document.
pub const SCHEMA: &str = "pressmine/1";

/// A `[start, end)` character span into a document's `text`.
pub type Span = [usize; 2];

/// One processed press release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Stable id: path relative to the corpus root, or the URL.
    pub id: String,
    /// Where the bytes came from and how they were decoded.
    pub source: SourceInfo,
    /// Article headline.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`) or date-time (`YYYY-MM-DDTHH:MM[:SS]`).
    pub published: Option<String>,
    /// Publishing organisation (来源 / 信息来源 / 供稿).
    pub publisher: Option<String>,
    /// Document number of an official notice (苏政发〔2024〕7号, 2022年第1号).
    #[serde(default)]
    pub doc_number: Option<String>,
    /// Issuing body that signs an official notice (the line after 特此通告).
    #[serde(default)]
    pub issuer: Option<String>,
    /// Date the notice was signed (ISO `YYYY-MM-DD`), from the line under the signature.
    #[serde(default)]
    pub signed: Option<String>,
    /// Body paragraphs joined by `"\n"`.
    pub text: String,
    /// Sentence spans into `text`.
    pub sentences: Vec<Span>,
    /// Turns of a transcript (press conference, interview), in order, from the first
    /// speaker line to the end of the body; empty for any other document.
    #[serde(default)]
    pub turns: Vec<Turn>,
    /// Top keywords by TF-IDF.
    pub keywords: Vec<Keyword>,
    /// Numeric claims found in `text`, each with its canonical keys.
    pub claims: Vec<KeyedClaim>,
    /// Named initiatives found in `text`.
    pub initiatives: Vec<Initiative>,
    /// Everything odd noticed on the way; never fatal.
    pub warnings: Vec<Warning>,
}

/// Provenance of a document's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// Path relative to the corpus root (or as given), if read from a file.
    pub path: Option<String>,
    /// URL the page was fetched from, if known.
    pub url: Option<String>,
    /// SHA-256 of the raw bytes, lowercase hex.
    pub sha256: String,
    /// Encoding used to decode the bytes (WHATWG name).
    pub encoding: String,
    /// Size of the raw bytes.
    pub bytes: u64,
}

/// A keyword and its TF-IDF weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    /// The word.
    pub word: String,
    /// TF-IDF weight, rounded to 4 decimals.
    pub weight: f64,
}

/// A fixed list of warning codes (free text goes into `detail`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// Invalid byte sequences were replaced with U+FFFD.
    DecodeReplaced,
    /// The declared charset was missing, unknown or contradicted by the bytes.
    EncodingGuessed,
    /// No article body was found.
    EmptyBody,
    /// No title was found.
    NoTitle,
    /// No publication date was found.
    NoDate,
    /// A numeric literal could not be represented exactly and was skipped.
    NumberSkipped,
    /// A quoted span was too long or unbalanced and was not treated as a name.
    QuoteSkipped,
    /// The input was gzip-compressed and was inflated.
    Decompressed,
    /// Markup nested absurdly deep was flattened before parsing.
    MarkupFlattened,
    /// The body was longer than [`crate::pipeline::MAX_BODY_CHARS`] and was cut there.
    BodyTruncated,
}

/// Who speaks a turn of a transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Chairs the conference (主持人).
    Host,
    /// A spokesperson (新闻发言人, 发言人).
    Spokesperson,
    /// An official answering (局长, 司长, 副主任, 负责人, 答).
    Official,
    /// A journalist asking (记者, 问).
    Journalist,
}

/// One turn of a transcript: a speaker line (国家统计局新闻发言人 付凌晖：) or Q/A marker
/// (问：, 答：) and everything said up to the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// The speaker's name, when the transcript gives it (付凌晖); null for 问：/答： turns of
    /// an unnamed speaker.
    pub speaker: Option<String>,
    /// What the speaker does; null for a speaker named without a role (李金泽：).
    pub role: Option<Role>,
    /// The speaker's organisation (国家统计局, 中央电视台).
    pub organization: Option<String>,
    /// Character span of the turn in `text`, speaker line included; turns are consecutive.
    pub span: Span,
}

/// Who states a figure or names an initiative: the turn of a transcript it lies in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The turn's speaker; null outside turns or for an unnamed speaker.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Index of the turn in [`Document::turns`]; null outside turns.
    #[serde(default)]
    pub turn: Option<usize>,
    /// The figure is in a journalist's question (often a premise, not a statement).
    #[serde(default)]
    pub in_question: bool,
}

/// A non-fatal observation about a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Code from a fixed list.
    pub code: WarningCode,
    /// Free-text detail.
    pub detail: String,
}

impl Warning {
    /// Builds a warning.
    pub fn new(code: WarningCode, detail: impl Into<String>) -> Self {
        Self { code, detail: detail.into() }
    }
}

/// What a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Money.
    Amount,
    /// A physical quantity or duration.
    Quantity,
    /// Something counted with a classifier.
    Count,
    /// A percentage level or share.
    Percent,
    /// Percentage points.
    Pp,
    /// An index or bare figure.
    Index,
    /// A rank (第N).
    Rank,
    /// A change (增长, 下降, …).
    Change,
    /// A multiple (倍, 翻番).
    Multiple,
    /// A ratio (1.5:1).
    Ratio,
}

/// Baseline of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Year on year (同比).
    Yoy,
    /// Month on month / period on period (环比).
    Mom,
    /// Against the prior period (比上年, 较上月).
    VsPriorPeriod,
    /// Against a named reference (高于全国, 比一季度).
    VsReference,
}

/// Details of a change claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// What the change is measured against.
    pub basis: Option<Basis>,
    /// The named reference, e.g. 全国 or 一季度.
    pub reference: Option<String>,
}

/// Bounds a figure is hedged with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 超, 超过, 逾, 突破, 余, 多.
    Over,
    /// 以上, 不少于, 至少, 不低于.
    AtLeast,
    /// 近, 接近, 将近.
    Nearly,
    /// 约, 左右, 大约, 上下.
    About,
    /// 最高, 不超过, 以内, 以下, 最多.
    AtMost,
    /// 不到, 不足.
    Under,
}

/// Whether a figure is a fact or an aim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported outcome.
    Actual,
    /// Target, plan or forecast.
    Target,
}

/// Which way a target binds: how `pressmine targets` reads a target against the actual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// At least the figure (以上, 不低于, 不少于, 超过).
    Floor,
    /// At most the figure (以内, 控制在…以内, 不超过, 不高于).
    Ceiling,
    /// Near the figure (左右, 约).
    About,
    /// Between the two figures of `range` (A–B, 区间).
    Range,
    /// The figure itself, with no word saying which way.
    Point,
}

/// One figure stated in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Exact substring of `text` at `span`.
    pub text: String,
    /// Character span into `text`.
    pub span: Span,
    /// Span of the sentence holding the claim.
    pub sentence: Span,
    /// Normalized value as an exact decimal (serialized as a JSON number).
    #[serde(with = "crate::model::decimal_number")]
    pub value: rust_decimal::Decimal,
    /// Unit code (CNY, %, pp, count, t, …) or null for a bare figure.
    pub unit: Option<String>,
    /// The unit as written (万亿元, 家, 万千瓦).
    pub surface_unit: Option<String>,
    /// What kind of figure it is.
    pub kind: ClaimKind,
    /// Present for changes.
    pub change: Option<Change>,
    /// Hedge on the value.
    pub qualifier: Option<Qualifier>,
    /// `[low, high]` when the text gives a range. A range is two claims, one per end, with
    /// the same text, span and range; `value` is the end each one states.
    #[serde(with = "crate::model::decimal_range")]
    pub range: Option<[rust_decimal::Decimal; 2]>,
    /// The indicator measured.
    pub metric: Option<String>,
    /// Region or entity.
    pub scope: Option<String>,
    /// ISO period: `2023`, `2024-04`, `2024-01/2024-07`, `2021/2023`.
    pub period: Option<String>,
    /// Fact or aim.
    pub modality: Modality,
    /// Which way a target binds (`patterns/reports.toml`); null for an actual figure.
    #[serde(default)]
    pub bound: Option<Bound>,
    /// Id of the rule that produced the claim.
    pub rule: String,
}

impl Claim {
    /// Whether this claim is the upper end of a range (`8万元` of 6万至8万元), whose lower end
    /// is the claim before it. Comparisons over releases (diff, series, targets) count a range
    /// once, by its lower end, which carries the whole range.
    pub fn is_upper_end(&self) -> bool {
        self.range.is_some_and(|[low, high]| low != high && self.value == high)
    }
}

/// What span of time a claim's period covers (`period_kind`), read off `period`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// A calendar year (`2023`, or `2023-01/2023-12`).
    Year,
    /// A half year (`2024-01/2024-06`, `2024-07/2024-12`).
    Half,
    /// A calendar quarter (`2024-04/2024-06`; 一季度 and 1-3月 are the same span).
    Quarter,
    /// One month (`2024-04`).
    Month,
    /// From January to any month but March, June or December: 1-7月, 前10个月
    /// (`2024-01/2024-07`).
    Ytd,
    /// Up to a day, with no stated start (`../2024-09-30`): read from periods written so by
    /// other tools; pressmine dates a stock by its month or year.
    ToDate,
    /// Any other stretch: several years (`2021/2023`, 十四五) or months not from January.
    Span,
}

/// The canonical keys of a claim, beside its fields as written: what `diff` and `series`
/// line figures up by (filled by [`crate::canon`] from `metric`, `scope` and `period`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keys {
    /// Canonical indicator (`patterns/indicators.toml`); null when the claim has no metric.
    #[serde(default)]
    pub indicator: Option<String>,
    /// Canonical place: 江苏省, 苏州市, 全国; a scope naming no known place as written.
    #[serde(default)]
    pub place: Option<String>,
    /// GB/T 2260 code of the place (`320000`; `100000` for 全国); null when unknown.
    #[serde(default)]
    pub place_code: Option<String>,
    /// First day of the period (ISO date); null for an open start (`../2024-09-30`).
    #[serde(default)]
    pub period_start: Option<String>,
    /// Last day of the period (ISO date).
    #[serde(default)]
    pub period_end: Option<String>,
    /// What span the period is.
    #[serde(default)]
    pub period_kind: Option<PeriodKind>,
}

/// A claim as the contract writes it: the figure as extracted ([`Claim`]), its
/// canonical [`Keys`] and who states it ([`Attribution`]), in one JSON object (`indicator`
/// after `metric`, `place` and `place_code` after `scope`, `period_start`, `period_end` and
/// `period_kind` after `period`, `speaker`, `turn` and `in_question` last). Dereferences to
/// the [`Claim`].
#[derive(Debug, Clone, PartialEq)]
pub struct KeyedClaim {
    /// The figure as extracted.
    pub claim: Claim,
    /// Its canonical keys.
    pub keys: Keys,
    /// The transcript turn it is stated in.
    pub said: Attribution,
}

impl From<Claim> for KeyedClaim {
    fn from(claim: Claim) -> Self {
        Self { claim, keys: Keys::default(), said: Attribution::default() }
    }
}

impl std::ops::Deref for KeyedClaim {
    type Target = Claim;
    fn deref(&self) -> &Claim {
        &self.claim
    }
}

impl std::ops::DerefMut for KeyedClaim {
    fn deref_mut(&mut self) -> &mut Claim {
        &mut self.claim
    }
}

impl Serialize for KeyedClaim {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        #[derive(Serialize)]
        struct Num<'a>(#[serde(with = "decimal_number_ref")] &'a rust_decimal::Decimal);
        #[derive(Serialize)]
        struct Range<'a>(#[serde(with = "decimal_range_ref")] &'a Option<[rust_decimal::Decimal; 2]>);
        let (c, k, a) = (&self.claim, &self.keys, &self.said);
        let mut st = s.serialize_struct("Claim", 25)?;
        st.serialize_field("text", &c.text)?;
        st.serialize_field("span", &c.span)?;
        st.serialize_field("sentence", &c.sentence)?;
        st.serialize_field("value", &Num(&c.value))?;
        st.serialize_field("unit", &c.unit)?;
        st.serialize_field("surface_unit", &c.surface_unit)?;
        st.serialize_field("kind", &c.kind)?;
        st.serialize_field("change", &c.change)?;
        st.serialize_field("qualifier", &c.qualifier)?;
        st.serialize_field("range", &Range(&c.range))?;
        st.serialize_field("metric", &c.metric)?;
        st.serialize_field("indicator", &k.indicator)?;
        st.serialize_field("scope", &c.scope)?;
        st.serialize_field("place", &k.place)?;
        st.serialize_field("place_code", &k.place_code)?;
        st.serialize_field("period", &c.period)?;
        st.serialize_field("period_start", &k.period_start)?;
        st.serialize_field("period_end", &k.period_end)?;
        st.serialize_field("period_kind", &k.period_kind)?;
        st.serialize_field("modality", &c.modality)?;
        st.serialize_field("bound", &c.bound)?;
        st.serialize_field("rule", &c.rule)?;
        st.serialize_field("speaker", &a.speaker)?;
        st.serialize_field("turn", &a.turn)?;
        st.serialize_field("in_question", &a.in_question)?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for KeyedClaim {
    /// Reads one JSON object three times: as the claim, its keys and its attribution (absent
    /// keys and attribution are null, so documents written before they existed still read).
    /// JSON input only.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw: Box<serde_json::value::RawValue> = Deserialize::deserialize(d)?;
        let claim: Claim = serde_json::from_str(raw.get()).map_err(serde::de::Error::custom)?;
        let keys: Keys = serde_json::from_str(raw.get()).map_err(serde::de::Error::custom)?;
        let said: Attribution = serde_json::from_str(raw.get()).map_err(serde::de::Error::custom)?;
        Ok(Self { claim, keys, said })
    }
}

mod decimal_number_ref {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(d: &&Decimal, s: S) -> Result<S::Ok, S::Error> {
        super::decimal_number::serialize(d, s)
    }
}

mod decimal_range_ref {
    use rust_decimal::Decimal;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(r: &&Option<[Decimal; 2]>, s: S) -> Result<S::Ok, S::Error> {
        super::decimal_range::serialize(r, s)
    }
}

/// Kind of a named initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeKind {
    /// 行动.
    Action,
    /// 计划, 规划.
    Plan,
    /// 工程, 项目.
    Program,
    /// 政策.
    Policy,
    /// 举措, 措施.
    Measure,
    /// 体系.
    System,
    /// 战略.
    Strategy,
    /// 贷, 险, 基金 (financial products).
    Product,
    /// 试点, 示范.
    Pilot,
    /// 《…》 documents.
    Document,
    /// Anything else kept.
    Other,
}

/// A named programme, plan, policy or document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Initiative {
    /// Short canonical name (智改数转).
    pub name: String,
    /// Name as written with its head (制造业“智改数转”三年行动计划).
    pub full_name: String,
    /// What it is.
    pub kind: InitiativeKind,
    /// Other names tied to it in the document.
    pub aliases: Vec<String>,
    /// Every mention's span.
    pub mentions: Vec<Span>,
    /// The speaker of each mention, aligned with `mentions` (null outside turns or for an
    /// unnamed speaker); empty when the document has no turns.
    #[serde(default)]
    pub mention_speakers: Vec<Option<String>>,
    /// The turn index of each mention, aligned with `mentions` (null outside turns); empty
    /// when the document has no turns.
    #[serde(default)]
    pub mention_turns: Vec<Option<usize>>,
    /// Why it was kept (rule ids and cues).
    pub evidence: Vec<String>,
}

/// Serializes an exact decimal as a JSON number without going through f64.
pub mod decimal_number {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::str::FromStr;

    /// Writes the decimal's canonical text as a raw JSON number.
    ///
    /// # Errors
    /// Propagates serializer errors.
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        let text = d.normalize().to_string();
        let raw = serde_json::value::RawValue::from_string(text).map_err(serde::ser::Error::custom)?;
        serde::Serialize::serialize(&raw, s)
    }

    /// Reads a JSON number (kept exact) into a decimal.
    ///
    /// # Errors
    /// Fails when the number is not a representable decimal.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let raw: Box<serde_json::value::RawValue> = Deserialize::deserialize(d)?;
        let text = raw.get();
        Decimal::from_str(text).or_else(|_| Decimal::from_scientific(text)).map_err(serde::de::Error::custom)
    }
}

/// Serializes an optional decimal as a JSON number or null.
pub mod decimal_range_single {
    use rust_decimal::Decimal;
    use serde::{Serialize, Serializer};

    #[derive(Serialize)]
    struct Wrap(#[serde(with = "super::decimal_number")] Decimal);

    /// Writes `null` or the number.
    ///
    /// # Errors
    /// Propagates serializer errors.
    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(d) => Wrap(*d).serialize(s),
        }
    }
}

/// Serializes an optional `[low, high]` decimal pair as JSON numbers.
pub mod decimal_range {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Wrap(#[serde(with = "super::decimal_number")] Decimal);

    /// Writes `null` or a two-element array.
    ///
    /// # Errors
    /// Propagates serializer errors.
    pub fn serialize<S: Serializer>(r: &Option<[Decimal; 2]>, s: S) -> Result<S::Ok, S::Error> {
        match r {
            None => s.serialize_none(),
            Some([a, b]) => [Wrap(*a), Wrap(*b)].serialize(s),
        }
    }

    /// Reads `null` or a two-element array.
    ///
    /// # Errors
    /// Fails on anything else.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[Decimal; 2]>, D::Error> {
        let v: Option<[Wrap; 2]> = Deserialize::deserialize(d)?;
        Ok(v.map(|[a, b]| [a.0, b.0]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim() -> Claim {
        Claim {
            text: "8.2%".into(),
            span: [3, 7],
            sentence: [0, 8],
            value: rust_decimal::Decimal::new(82, 1),
            unit: Some("%".into()),
            surface_unit: Some("%".into()),
            kind: ClaimKind::Change,
            change: Some(Change { basis: Some(Basis::Yoy), reference: None }),
            qualifier: None,
            range: Some([rust_decimal::Decimal::ONE, rust_decimal::Decimal::TWO]),
            metric: Some("规上工业增加值".into()),
            scope: Some("江苏".into()),
            period: Some("2024-01/2024-07".into()),
            modality: Modality::Actual,
            bound: None,
            rule: "unit.percent".into(),
        }
    }

    #[test]
    fn keyed_claim_writes_every_claim_field_and_the_keys_and_reads_back() {
        let keyed = KeyedClaim {
            claim: claim(),
            keys: Keys {
                indicator: Some("规上工业增加值".into()),
                place: Some("江苏省".into()),
                place_code: Some("320000".into()),
                period_start: Some("2024-01-01".into()),
                period_end: Some("2024-07-31".into()),
                period_kind: Some(PeriodKind::Ytd),
            },
            said: Attribution { speaker: Some("付凌晖".into()), turn: Some(2), in_question: false },
        };
        let plain: serde_json::Value = serde_json::to_value(claim()).unwrap();
        let full: serde_json::Value = serde_json::to_value(&keyed).unwrap();
        for (k, v) in plain.as_object().unwrap() {
            assert_eq!(full.get(k), Some(v), "{k}");
        }
        assert_eq!(full.as_object().unwrap().len(), plain.as_object().unwrap().len() + 9);
        assert_eq!(full["speaker"], "付凌晖");
        let text = serde_json::to_string(&keyed).unwrap();
        assert!(text.contains("\"value\":8.2,"), "{text}");
        let back: KeyedClaim = serde_json::from_str(&text).unwrap();
        assert_eq!(back, keyed);
        // A claim written before the keys existed reads with empty keys.
        let old: KeyedClaim = serde_json::from_str(&serde_json::to_string(&claim()).unwrap()).unwrap();
        assert_eq!(old, KeyedClaim::from(claim()));
    }
}
