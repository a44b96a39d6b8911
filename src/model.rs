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
    /// Body paragraphs joined by `"\n"`.
    pub text: String,
    /// Sentence spans into `text`.
    pub sentences: Vec<Span>,
    /// Top keywords by TF-IDF.
    pub keywords: Vec<Keyword>,
    /// Numeric claims found in `text`.
    pub claims: Vec<Claim>,
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
    /// `[low, high]` when the text gives a range.
    #[serde(with = "crate::model::decimal_range")]
    pub range: Option<[rust_decimal::Decimal; 2]>,
    /// The indicator measured.
    pub metric: Option<String>,
    /// Region or entity.
    pub scope: Option<String>,
    /// ISO period: `2023`, `2024-04`, `2024-01/2024-07`, `../2024-09-30`.
    pub period: Option<String>,
    /// Fact or aim.
    pub modality: Modality,
    /// Id of the rule that produced the claim.
    pub rule: String,
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
