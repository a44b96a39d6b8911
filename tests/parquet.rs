//! `run --parquet`: claims.parquet, documents.parquet and initiatives.parquet hold exactly what
//! documents.jsonl holds (exact values as decimal text, floats beside them, periods as dates),
//! and the files are byte-identical for any thread count.

mod common;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use pressmine::columnar::date32;
use pressmine::model::Document;
use std::collections::BTreeMap;
use std::path::Path;

type Row = BTreeMap<String, Field>;

fn read(path: &Path) -> Vec<Row> {
    let reader = SerializedFileReader::new(std::fs::File::open(path).expect("parquet file written")).expect("footer");
    reader
        .get_row_iter(None)
        .expect("rows")
        .map(|r| r.expect("row").get_column_iter().map(|(n, f)| (n.clone(), f.clone())).collect())
        .collect()
}

fn text(row: &Row, name: &str) -> Option<String> {
    match &row[name] {
        Field::Str(s) => Some(s.clone()),
        Field::Null => None,
        other => panic!("{name}: {other:?} is no text"),
    }
}

fn int(row: &Row, name: &str) -> Option<i64> {
    match &row[name] {
        Field::Long(v) => Some(*v),
        Field::Null => None,
        other => panic!("{name}: {other:?} is no int64"),
    }
}

fn date(row: &Row, name: &str) -> Option<i32> {
    match &row[name] {
        Field::Date(v) => Some(*v),
        Field::Null => None,
        other => panic!("{name}: {other:?} is no date"),
    }
}

fn run(threads: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let corpus = common::root().join("corpus");
    let (c, o) = (corpus.to_str().unwrap(), out.path().to_str().unwrap());
    common::pressmine(&["--threads", threads, "-q", "run", c, "-o", o, "--parquet"]);
    out
}

#[test]
fn parquet_tables_hold_what_the_json_holds_for_any_thread_count() {
    let out = run("2");
    let docs: Vec<Document> = std::fs::read_to_string(out.path().join("documents.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(docs.len() > 50);

    let d = read(&out.path().join("documents.parquet"));
    assert_eq!(d.len(), docs.len());
    for (row, doc) in d.iter().zip(&docs) {
        assert_eq!(text(row, "id").as_deref(), Some(doc.id.as_str()));
        assert_eq!(text(row, "text").as_deref(), Some(doc.text.as_str()));
        assert_eq!(int(row, "claims"), Some(doc.claims.len() as i64));
        assert_eq!(date(row, "published_date"), doc.published.as_deref().and_then(date32), "{}", doc.id);
        let Field::ListInternal(keywords) = &row["keywords"] else { panic!("keywords is a list") };
        assert_eq!(keywords.len(), doc.keywords.len());
    }
    assert!(d.iter().filter(|r| date(r, "published_date").is_some()).count() > 40);

    let c = read(&out.path().join("claims.parquet"));
    let claims: Vec<(&Document, &pressmine::model::KeyedClaim)> =
        docs.iter().flat_map(|d| d.claims.iter().map(move |c| (d, c))).collect();
    assert!(claims.len() > 1000, "{} claims", claims.len());
    assert_eq!(c.len(), claims.len());
    for (row, (doc, claim)) in c.iter().zip(&claims) {
        let exact = claim.value.normalize().to_string();
        let json: serde_json::Value = serde_json::to_value(claim).unwrap();
        assert_eq!(text(row, "doc_id").as_deref(), Some(doc.id.as_str()));
        assert_eq!(text(row, "text").as_deref(), Some(claim.text.as_str()));
        assert_eq!((int(row, "start"), int(row, "end")), (Some(claim.span[0] as i64), Some(claim.span[1] as i64)));
        // The JSON number's text, exactly; the float is what a JSON reader makes of it.
        assert_eq!(json["value"].to_string(), exact);
        assert_eq!(text(row, "value"), Some(exact.clone()));
        assert_eq!(row["value_f64"], Field::Double(json["value"].as_f64().unwrap()), "{exact}");
        assert_eq!(text(row, "kind").as_deref(), json["kind"].as_str());
        assert_eq!(text(row, "indicator"), claim.keys.indicator);
        assert_eq!(text(row, "place_code"), claim.keys.place_code);
        assert_eq!(text(row, "period"), claim.period);
        assert_eq!(date(row, "period_start"), claim.keys.period_start.as_deref().and_then(date32));
        assert_eq!(date(row, "period_end"), claim.keys.period_end.as_deref().and_then(date32));
        assert_eq!(date(row, "period_end").is_some(), claim.keys.period_end.is_some(), "{}", doc.id);
        assert_eq!(row["in_question"], Field::Bool(claim.said.in_question));
    }

    let expected: Vec<(&str, &pressmine::model::Initiative)> =
        docs.iter().flat_map(|d| d.initiatives.iter().map(move |i| (d.id.as_str(), i))).collect();
    let i = read(&out.path().join("initiatives.parquet"));
    assert_eq!(i.len(), expected.len());
    for (row, (id, ini)) in i.iter().zip(&expected) {
        assert_eq!(text(row, "doc_id").as_deref(), Some(*id));
        assert_eq!(text(row, "name").as_deref(), Some(ini.name.as_str()));
        assert_eq!(int(row, "mentions"), Some(ini.mentions.len() as i64));
        let Field::ListInternal(aliases) = &row["aliases"] else { panic!("aliases is a list") };
        let aliases: Vec<Field> = aliases.elements().to_vec();
        assert_eq!(aliases, ini.aliases.iter().map(|a| Field::Str(a.clone())).collect::<Vec<_>>());
    }

    // Deterministic: one thread writes the same bytes.
    let one = run("1");
    for name in ["documents.parquet", "claims.parquet", "initiatives.parquet"] {
        let a = std::fs::read(out.path().join(name)).unwrap();
        let b = std::fs::read(one.path().join(name)).unwrap();
        assert!(a == b, "{name} differs between 1 and 2 threads");
    }
}

#[test]
fn without_the_flag_no_parquet_is_written() {
    let out = tempfile::tempdir().unwrap();
    let corpus = common::root().join("corpus/seeds");
    common::pressmine(&["-q", "run", corpus.to_str().unwrap(), "-o", out.path().to_str().unwrap()]);
    assert!(!out.path().join("claims.parquet").exists());
    assert!(out.path().join("claims.csv").exists());
}
