//! Columnar output of `run --parquet`: `documents.parquet`, `claims.parquet` and
//! `initiatives.parquet` (Apache Parquet, snappy-compressed), which DuckDB,
//! polars, pandas and Spark read without options. One row per document, per claim and per
//! initiative, in the order of documents.jsonl. Written with the `parquet` crate's column
//! writers (no Arrow in-memory layer: it would triple the build time for nothing used here).
//!
//! Exact values stay exact: a claim's `value` (and `range_low`, `range_high`) is the decimal
//! as text, exactly as in the JSON, with `value_f64` beside it for arithmetic; periods and
//! dates are Parquet dates (`period_start`, `period_end`, `published_date`, `signed`) beside
//! the text they come from. Serialization only, like [`crate::sink`]: nothing here decides
//! anything about content. Files are written atomically (temporary name, then rename).

use crate::error::RunError;
use crate::model::{Document, Initiative, KeyedClaim};
use crate::sink;
use parquet::basic::Compression;
use parquet::column::writer::ColumnWriter;
use parquet::data_type::ByteArray;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type as ParquetType;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    /// UTF-8 text.
    Str,
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// Boolean.
    Bool,
    /// Calendar date (days since 1970-01-01).
    Date,
    /// List of texts.
    StrList,
}

/// One column: name, type, whether it may be null.
type Column = (&'static str, Type, bool);

use Type::{Bool, Date, Float, Int, Str, StrList};

const DOCUMENTS: &[Column] = &[
    ("id", Str, false),
    ("path", Str, true),
    ("url", Str, true),
    ("sha256", Str, false),
    ("encoding", Str, false),
    ("bytes", Int, false),
    ("title", Str, true),
    ("published", Str, true),
    ("published_date", Date, true),
    ("publisher", Str, true),
    ("doc_number", Str, true),
    ("issuer", Str, true),
    ("signed", Date, true),
    ("text", Str, false),
    ("claims", Int, false),
    ("initiatives", Int, false),
    ("keywords", StrList, false),
    ("warnings", StrList, false),
];

const CLAIMS: &[Column] = &[
    ("doc_id", Str, false),
    ("title", Str, true),
    ("published", Str, true),
    ("publisher", Str, true),
    ("url", Str, true),
    ("text", Str, false),
    ("start", Int, false),
    ("end", Int, false),
    ("sentence_start", Int, false),
    ("sentence_end", Int, false),
    ("sentence", Str, false),
    ("value", Str, false),
    ("value_f64", Float, false),
    ("unit", Str, true),
    ("surface_unit", Str, true),
    ("kind", Str, false),
    ("basis", Str, true),
    ("reference", Str, true),
    ("qualifier", Str, true),
    ("range_low", Str, true),
    ("range_high", Str, true),
    ("metric", Str, true),
    ("indicator", Str, true),
    ("scope", Str, true),
    ("place", Str, true),
    ("place_code", Str, true),
    ("period", Str, true),
    ("period_start", Date, true),
    ("period_end", Date, true),
    ("period_kind", Str, true),
    ("modality", Str, false),
    ("rule", Str, false),
    ("speaker", Str, true),
    ("turn", Int, true),
    ("in_question", Bool, false),
];

const INITIATIVES: &[Column] = &[
    ("doc_id", Str, false),
    ("name", Str, false),
    ("full_name", Str, false),
    ("kind", Str, false),
    ("aliases", StrList, false),
    ("mentions", Int, false),
    ("first_start", Int, true),
    ("first_end", Int, true),
    ("evidence", StrList, false),
];

/// One value of a row, typed as its column.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Str(Option<String>),
    Int(Option<i64>),
    Float(f64),
    Bool(bool),
    Date(Option<i32>),
    StrList(Vec<String>),
}

fn s(v: &str) -> Cell {
    Cell::Str(Some(v.to_string()))
}

fn opt(v: &Option<String>) -> Cell {
    Cell::Str(v.clone())
}

fn int(v: usize) -> Cell {
    Cell::Int(Some(i64::try_from(v).unwrap_or(i64::MAX)))
}

/// An enum's snake_case name, as the JSON writes it.
fn name<T: Serialize>(v: &T) -> String {
    sink::json_line(v).trim_matches('"').to_string()
}

fn decimal(d: &rust_decimal::Decimal) -> String {
    d.normalize().to_string()
}

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (the first ten characters of a
/// date-time); `None` for anything else or an impossible date.
pub fn date32(text: &str) -> Option<i32> {
    let t = text.get(..10)?;
    let b = t.as_bytes();
    if b[4] != b'-' || b[7] != b'-' || (text.len() > 10 && !matches!(text.as_bytes()[10], b'T' | b' ')) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = t.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month[(m - 1) as usize] {
        return None;
    }
    // Days from civil (H. Hinnant's algorithm), proleptic Gregorian.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

fn date(v: &Option<String>) -> Cell {
    Cell::Date(v.as_deref().and_then(date32))
}

fn document_row(doc: &Document) -> Vec<Cell> {
    vec![
        s(&doc.id),
        opt(&doc.source.path),
        opt(&doc.source.url),
        s(&doc.source.sha256),
        s(&doc.source.encoding),
        Cell::Int(Some(i64::try_from(doc.source.bytes).unwrap_or(i64::MAX))),
        opt(&doc.title),
        opt(&doc.published),
        date(&doc.published),
        opt(&doc.publisher),
        opt(&doc.doc_number),
        opt(&doc.issuer),
        date(&doc.signed),
        s(&doc.text),
        int(doc.claims.len()),
        int(doc.initiatives.len()),
        Cell::StrList(doc.keywords.iter().map(|k| k.word.clone()).collect()),
        Cell::StrList(doc.warnings.iter().map(|w| name(&w.code)).collect()),
    ]
}

fn claim_row(doc: &Document, chars: &[char], c: &KeyedClaim) -> Vec<Cell> {
    let sentence: String =
        chars.get(c.sentence[0]..c.sentence[1].min(chars.len())).map(|s| s.iter().collect()).unwrap_or_default();
    let value = decimal(&c.value);
    // Parsing the exact text gives the nearest double, as a JSON reader does.
    let value_f64 = value.parse::<f64>().unwrap_or(f64::NAN);
    let change = c.change.as_ref();
    vec![
        s(&doc.id),
        opt(&doc.title),
        opt(&doc.published),
        opt(&doc.publisher),
        opt(&doc.source.url),
        s(&c.text),
        int(c.span[0]),
        int(c.span[1]),
        int(c.sentence[0]),
        int(c.sentence[1]),
        Cell::Str(Some(sentence)),
        Cell::Str(Some(value)),
        Cell::Float(value_f64),
        opt(&c.unit),
        opt(&c.surface_unit),
        s(&name(&c.kind)),
        Cell::Str(change.and_then(|ch| ch.basis).map(|b| name(&b))),
        Cell::Str(change.and_then(|ch| ch.reference.clone())),
        Cell::Str(c.qualifier.map(|q| name(&q))),
        Cell::Str(c.range.map(|[a, _]| decimal(&a))),
        Cell::Str(c.range.map(|[_, b]| decimal(&b))),
        opt(&c.metric),
        opt(&c.keys.indicator),
        opt(&c.scope),
        opt(&c.keys.place),
        opt(&c.keys.place_code),
        opt(&c.period),
        date(&c.keys.period_start),
        date(&c.keys.period_end),
        Cell::Str(c.keys.period_kind.map(|k| name(&k))),
        s(&name(&c.modality)),
        s(&c.rule),
        opt(&c.said.speaker),
        Cell::Int(c.said.turn.map(|t| i64::try_from(t).unwrap_or(i64::MAX))),
        Cell::Bool(c.said.in_question),
    ]
}

fn initiative_row(doc: &Document, i: &Initiative) -> Vec<Cell> {
    let first = i.mentions.first();
    vec![
        s(&doc.id),
        s(&i.name),
        s(&i.full_name),
        s(&name(&i.kind)),
        Cell::StrList(i.aliases.clone()),
        int(i.mentions.len()),
        Cell::Int(first.map(|m| i64::try_from(m[0]).unwrap_or(i64::MAX))),
        Cell::Int(first.map(|m| i64::try_from(m[1]).unwrap_or(i64::MAX))),
        Cell::StrList(i.evidence.clone()),
    ]
}

/// The Parquet message type of a table: texts are `binary (STRING)`, dates `int32 (DATE)`,
/// lists the standard three-level `LIST` of required texts.
fn schema(name: &str, columns: &[Column]) -> String {
    let mut msg = format!("message {name} {{\n");
    for &(n, ty, nullable) in columns {
        let rep = if nullable { "optional" } else { "required" };
        let line = match ty {
            Str => format!("{rep} binary {n} (STRING);"),
            Int => format!("{rep} int64 {n};"),
            Float => format!("{rep} double {n};"),
            Bool => format!("{rep} boolean {n};"),
            Date => format!("{rep} int32 {n} (DATE);"),
            StrList => {
                format!("required group {n} (LIST) {{ repeated group list {{ required binary element (STRING); }} }}")
            }
        };
        msg.push_str(&line);
        msg.push('\n');
    }
    msg.push('}');
    msg
}

/// The values of one column of a row group, with definition levels for optional columns
/// and repetition levels for lists.
struct Buffer<T> {
    values: Vec<T>,
    def: Vec<i16>,
    rep: Vec<i16>,
}

impl<T> Default for Buffer<T> {
    fn default() -> Self {
        Self { values: Vec::new(), def: Vec::new(), rep: Vec::new() }
    }
}

impl<T> Buffer<T> {
    fn push(&mut self, v: Option<T>) {
        self.def.push(i16::from(v.is_some()));
        self.values.extend(v);
    }

    fn clear(&mut self) {
        self.values.clear();
        self.def.clear();
        self.rep.clear();
    }
}

/// A column being filled.
enum Values {
    Str(Buffer<ByteArray>),
    Int(Buffer<i64>),
    Float(Buffer<f64>),
    Bool(Buffer<bool>),
    Date(Buffer<i32>),
    StrList(Buffer<ByteArray>),
}

impl Values {
    fn new(ty: Type) -> Self {
        match ty {
            Str => Self::Str(Buffer::default()),
            Int => Self::Int(Buffer::default()),
            Float => Self::Float(Buffer::default()),
            Bool => Self::Bool(Buffer::default()),
            Date => Self::Date(Buffer::default()),
            StrList => Self::StrList(Buffer::default()),
        }
    }

    /// Appends a cell; a cell of another type than the column (a bug the tests catch)
    /// becomes a null, which a required column then refuses when the row group is written.
    fn push(&mut self, cell: Cell) {
        let bytes = |s: String| ByteArray::from(s.into_bytes());
        match (self, cell) {
            (Self::Str(b), Cell::Str(v)) => b.push(v.map(bytes)),
            (Self::Int(b), Cell::Int(v)) => b.push(v),
            (Self::Float(b), Cell::Float(v)) => b.push(Some(v)),
            (Self::Bool(b), Cell::Bool(v)) => b.push(Some(v)),
            (Self::Date(b), Cell::Date(v)) => b.push(v),
            (Self::StrList(b), Cell::StrList(v)) => {
                // Definition level 0: an empty list; 1: an element. Repetition level 0 starts
                // a row, 1 continues its list.
                if v.is_empty() {
                    b.def.push(0);
                    b.rep.push(0);
                }
                for (i, item) in v.into_iter().enumerate() {
                    b.def.push(1);
                    b.rep.push(i16::from(i > 0));
                    b.values.push(bytes(item));
                }
            }
            (Self::Str(b), _) => b.push(None),
            (Self::StrList(b), _) => {
                b.def.push(0);
                b.rep.push(0);
            }
            (Self::Int(b), _) => b.push(None),
            (Self::Float(b), _) => b.push(None),
            (Self::Bool(b), _) => b.push(None),
            (Self::Date(b), _) => b.push(None),
        }
    }

    /// Writes the buffered values into a column chunk and empties the buffer.
    fn write(&mut self, w: &mut ColumnWriter<'_>, nullable: bool) -> parquet::errors::Result<()> {
        fn levels(b: &[i16], used: bool) -> Option<&[i16]> {
            used.then_some(b)
        }
        match (self, w) {
            (Self::Str(b), ColumnWriter::ByteArrayColumnWriter(w)) => {
                w.write_batch(&b.values, levels(&b.def, nullable), None).map(|_| b.clear())
            }
            (Self::StrList(b), ColumnWriter::ByteArrayColumnWriter(w)) => {
                w.write_batch(&b.values, Some(&b.def), Some(&b.rep)).map(|_| b.clear())
            }
            (Self::Int(b), ColumnWriter::Int64ColumnWriter(w)) => {
                w.write_batch(&b.values, levels(&b.def, nullable), None).map(|_| b.clear())
            }
            (Self::Float(b), ColumnWriter::DoubleColumnWriter(w)) => {
                w.write_batch(&b.values, levels(&b.def, nullable), None).map(|_| b.clear())
            }
            (Self::Bool(b), ColumnWriter::BoolColumnWriter(w)) => {
                w.write_batch(&b.values, levels(&b.def, nullable), None).map(|_| b.clear())
            }
            (Self::Date(b), ColumnWriter::Int32ColumnWriter(w)) => {
                w.write_batch(&b.values, levels(&b.def, nullable), None).map(|_| b.clear())
            }
            _ => Err(parquet::errors::ParquetError::General("column of another type than its values".into())),
        }
    }
}

/// One Parquet file being written: rows are buffered, and written as a row group of at most
/// `row_group` rows whenever that many are buffered, and at the end.
struct Table {
    path: PathBuf,
    tmp: PathBuf,
    columns: &'static [Column],
    values: Vec<Values>,
    rows: usize,
    row_group: usize,
    /// `None` once finished.
    writer: Option<SerializedFileWriter<std::io::BufWriter<std::fs::File>>>,
}

impl Table {
    fn create(path: PathBuf, name: &str, columns: &'static [Column], row_group: usize) -> Result<Self, RunError> {
        let tmp = sink::temp_path(&path);
        let file = std::fs::File::create(&tmp).map_err(|source| RunError::Output { path: tmp.clone(), source })?;
        let message = schema(name, columns);
        let schema: ParquetType =
            parquet::schema::parser::parse_message_type(&message).map_err(|e| parquet_err(&path, e))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("pressmine {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = SerializedFileWriter::new(std::io::BufWriter::new(file), Arc::new(schema), Arc::new(props))
            .map_err(|e| parquet_err(&path, e))?;
        let values = columns.iter().map(|c| Values::new(c.1)).collect();
        Ok(Self { path, tmp, columns, values, rows: 0, row_group, writer: Some(writer) })
    }

    fn push(&mut self, row: Vec<Cell>) -> Result<(), RunError> {
        for (b, cell) in self.values.iter_mut().zip(row) {
            b.push(cell);
        }
        self.rows += 1;
        if self.rows >= self.row_group {
            self.write_row_group()?;
        }
        Ok(())
    }

    /// Writes the buffered rows as one row group.
    fn write_row_group(&mut self) -> Result<(), RunError> {
        let Some(writer) = &mut self.writer else { return Ok(()) };
        if self.rows == 0 {
            return Ok(());
        }
        let path = &self.path;
        let mut group = writer.next_row_group().map_err(|e| parquet_err(path, e))?;
        for (values, column) in self.values.iter_mut().zip(self.columns) {
            let Some(mut col) = group.next_column().map_err(|e| parquet_err(path, e))? else {
                return Err(parquet_err(path, "fewer columns than the schema"));
            };
            values.write(col.untyped(), column.2).map_err(|e| parquet_err(path, format!("{}: {e}", column.0)))?;
            col.close().map_err(|e| parquet_err(path, e))?;
        }
        group.close().map_err(|e| parquet_err(path, e))?;
        self.rows = 0;
        Ok(())
    }

    fn finish(mut self) -> Result<(), RunError> {
        self.write_row_group()?;
        let path = self.path.clone();
        let Some(writer) = self.writer.take() else { return Ok(()) };
        let out = writer.into_inner().map_err(|e| parquet_err(&path, e))?;
        let file = out.into_inner().map_err(|e| RunError::Output { path: path.clone(), source: e.into_error() })?;
        file.sync_all().map_err(|source| RunError::Output { path: path.clone(), source })?;
        std::fs::rename(&self.tmp, &path).map_err(|source| RunError::Output { path, source })
    }
}

impl Drop for Table {
    /// A table dropped before [`Table::finish`] moved it into place (an error stopped the
    /// run) leaves no temporary file.
    fn drop(&mut self) {
        if self.writer.is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

fn parquet_err(path: &Path, e: impl std::fmt::Display) -> RunError {
    RunError::Output { path: path.to_path_buf(), source: std::io::Error::other(format!("parquet: {e}")) }
}

/// The three Parquet files of an output folder, filled document by document.
pub struct ParquetTables {
    documents: Table,
    claims: Table,
    initiatives: Table,
}

impl ParquetTables {
    /// Creates `documents.parquet`, `claims.parquet` and `initiatives.parquet` in `out`
    /// (under temporary names until [`ParquetTables::finish`]).
    ///
    /// # Errors
    /// I/O failure, with the path.
    pub fn create(out: &Path) -> Result<Self, RunError> {
        // Row groups of about 1,000 documents keep the buffered bodies to tens of MB.
        let documents = Table::create(out.join("documents.parquet"), "documents", DOCUMENTS, 1024)?;
        let claims = Table::create(out.join("claims.parquet"), "claims", CLAIMS, 64 * 1024)?;
        let initiatives = Table::create(out.join("initiatives.parquet"), "initiatives", INITIATIVES, 64 * 1024)?;
        Ok(Self { documents, claims, initiatives })
    }

    /// Adds one document's rows (a row group is written whenever one is full).
    ///
    /// # Errors
    /// Encoding or I/O failure, with the path.
    pub fn push(&mut self, doc: &Document) -> Result<(), RunError> {
        self.documents.push(document_row(doc))?;
        let chars: Vec<char> = doc.text.chars().collect();
        for c in &doc.claims {
            self.claims.push(claim_row(doc, &chars, c))?;
        }
        for i in &doc.initiatives {
            self.initiatives.push(initiative_row(doc, i))?;
        }
        Ok(())
    }

    /// Writes the footers and moves the files into place.
    ///
    /// # Errors
    /// Encoding or I/O failure, with the path.
    pub fn finish(self) -> Result<(), RunError> {
        self.documents.finish()?;
        self.claims.finish()?;
        self.initiatives.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_become_days_since_1970() {
        assert_eq!(date32("1970-01-01"), Some(0));
        assert_eq!(date32("2024-03-01"), Some(19_783));
        assert_eq!(date32("2024-02-29"), Some(19_782));
        assert_eq!(date32("2023-02-29"), None);
        assert_eq!(date32("1969-12-31"), Some(-1));
        assert_eq!(date32("2024-05-06T10:30"), Some(19_849));
        assert_eq!(date32("2024-13-01"), None);
        assert_eq!(date32("2024"), None);
        assert_eq!(date32("2024-05-06x"), None);
        assert_eq!(date32("２０２４-05-06"), None);
    }

    #[test]
    fn rows_match_their_columns() {
        let doc: Document = serde_json::from_str(
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/output/documents.jsonl"))
                .unwrap()
                .lines()
                .find(|l| l.contains("\"claims\":[{") && l.contains("\"initiatives\":[{"))
                .unwrap(),
        )
        .unwrap();
        let type_of = |c: &Cell| match c {
            Cell::Str(_) => Str,
            Cell::Int(_) => Int,
            Cell::Float(_) => Float,
            Cell::Bool(_) => Bool,
            Cell::Date(_) => Date,
            Cell::StrList(_) => StrList,
        };
        let check = |row: Vec<Cell>, cols: &[Column]| {
            assert_eq!(row.len(), cols.len());
            for (cell, col) in row.iter().zip(cols) {
                assert_eq!(type_of(cell), col.1, "{}", col.0);
            }
        };
        check(document_row(&doc), DOCUMENTS);
        let chars: Vec<char> = doc.text.chars().collect();
        check(claim_row(&doc, &chars, &doc.claims[0]), CLAIMS);
        check(initiative_row(&doc, &doc.initiatives[0]), INITIATIVES);
    }
}
