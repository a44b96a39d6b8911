//! Every document pressmine writes validates against schema/pressmine-1.schema.json, and
//! every claim's and initiative's spans point at the text they claim to.

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
        let chars: Vec<char> = doc.text.chars().collect();
        for c in &doc.claims {
            assert_eq!(chars[c.span[0]..c.span[1]].iter().collect::<String>(), c.text, "{}", e.display());
            assert!(c.sentence[0] <= c.span[0] && c.span[1] <= c.sentence[1]);
        }
        for i in &doc.initiatives {
            for m in &i.mentions {
                assert!(m[0] < m[1] && m[1] <= chars.len());
            }
        }
        n += 1;
    }
    assert!(n >= 50);
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
