//! Every document pressmine writes validates against schema/pressmine-1.schema.json, and
//! every claim's and initiative's spans point at the text they claim to.

#[path = "common/invariants.rs"]
mod invariants;

use pressmine::pipeline::Pipeline;
use pressmine::source::RawDoc;
use std::path::PathBuf;

#[test]
fn corpus_documents_validate_against_schema() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("schema/pressmine-1.schema.json")).unwrap()).unwrap();
    compiler.add_resource("pressmine-1.schema.json", schema).unwrap();
    let index = compiler.compile("pressmine-1.schema.json", &mut schemas).unwrap();
    let pipeline = Pipeline::load(&root.join("patterns")).unwrap();
    let mut n = 0;
    for e in walk(&root.join("corpus")) {
        let doc = pipeline.process(&RawDoc::from_bytes(e.display().to_string(), std::fs::read(&e).unwrap()));
        let value = serde_json::to_value(&doc).unwrap();
        if let Err(err) = schemas.validate(&value, index) {
            panic!("{}: {err:#}", e.display());
        }
        invariants::document(&doc);
        n += 1;
    }
    assert_eq!(n, 232, "documents of corpus/: 52 real pages, 179 own pages, 1 seed release");
}

fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if pressmine::source::is_document_name(&p.file_name().unwrap().to_string_lossy()) {
            out.push(p);
        }
    }
    out.sort();
    out
}
