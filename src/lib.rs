//! pressmine turns Chinese government and policy press releases into data.
//!
//! The pipeline, one module per stage: [`source`] finds inputs and reads bytes →
//! [`decode`] turns bytes into text (BOM, declarations, detection; GBK as GB18030) →
//! [`clean`] finds title, date, publisher and body paragraphs → [`segment`] splits
//! sentences and words (jieba-rs with `patterns/dict.txt`) → [`extract`] finds numeric
//! claims and named initiatives → [`canon`] gives each claim canonical keys (indicator,
//! place with its code, period start and end) → [`sink`] writes JSON, JSON Lines and CSV
//! ([`columnar`]: Parquet). [`run`] drives
//! batches; [`pipeline::Pipeline`] compiles `patterns/` once and processes one document;
//! [`report`] writes a static review site of a run's output; [`targets`] pairs each target
//! of a work report or plan with the actual stated later and says whether it was met.
//! [`warc`] reads web archives record by record; [`shard`] and [`merge`] split a run over
//! workers and join the outputs. The default rules are compiled in
//! ([`patterns::Patterns::embedded`]).
//!
//! ```
//! use pressmine::{pipeline::Pipeline, source::RawDoc};
//! let pipeline = Pipeline::embedded().unwrap();
//! let html = "<html><head><title>江苏新闻</title></head><body><h1>江苏新闻</h1>\
//!             <p>2023年，江苏制造业增加值达4.66万亿元，占全国14.1%。</p></body></html>";
//! let doc = pipeline.process(&RawDoc::from_bytes("a.html", html.as_bytes().to_vec()));
//! assert_eq!(doc.title.as_deref(), Some("江苏新闻"));
//! assert!(doc.text.starts_with("2023年"));
//! ```

pub mod canon;
pub mod clean;
pub mod columnar;
pub mod corpus;
pub mod decode;
pub mod diff;
pub mod error;
pub mod eval;
pub mod extract;
pub mod fetch;
pub mod hash;
pub mod merge;
pub mod model;
mod parallel;
pub mod patterns;
pub mod pipeline;
pub mod report;
pub mod run;
pub mod score;
pub mod segment;
pub mod shard;
pub mod sink;
pub mod source;
pub mod targets;
pub mod warc;
