//! The pipeline tags only the stretches the recognizers read (`Extractor::spans_read`);
//! this checks, over every page of corpus/, that claims and initiatives come out exactly as
//! when every sentence is tagged, and keywords exactly as jieba's own extraction gives them.

use pressmine::pipeline::Pipeline;
use pressmine::source::{read, walk};
use std::path::PathBuf;

/// Every document of corpus/: 52 real pages, 179 own pages, 1 seed release.
const CORPUS_DOCUMENTS: usize = 232;

#[test]
fn tagging_only_what_is_read_changes_no_claim_or_initiative() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline = Pipeline::load(&root.join("patterns")).unwrap();
    let (inputs, errors) = walk(&root.join("corpus"));
    assert!(errors.is_empty(), "{errors:?}");
    let mut checked = 0;
    for input in &inputs {
        let raw = read(input, u64::MAX).unwrap_or_else(|e| panic!("{}: {e}", input.id));
        let doc = pipeline.process(&raw);
        let full = pipeline.segmenter().segment(&doc.text);
        assert_eq!(full.sentences, doc.sentences);
        let all = pipeline.extractor().extract(&doc.text, &full, doc.published.as_deref(), doc.title.as_deref());
        // The extractor's claims, without the canonical keys the pipeline adds after it.
        let extracted: Vec<_> = doc.claims.iter().map(|c| &c.claim).collect();
        assert_eq!(to_json(&all.claims), to_json(&extracted), "claims of {}", doc.id);
        // The extractor's initiatives, without the speakers the pipeline gives their mentions.
        let mut unattributed = doc.initiatives.clone();
        for i in &mut unattributed {
            i.mention_speakers.clear();
            i.mention_turns.clear();
        }
        assert_eq!(to_json(&all.initiatives), to_json(&unattributed), "initiatives of {}", doc.id);
        assert_eq!(all.turns, doc.turns, "turns of {}", doc.id);
        // Keywords ranked over the words tagging cut are jieba's own.
        assert_eq!(pipeline.segmenter().jieba_keywords(&doc.text), doc.keywords, "keywords of {}", doc.id);
        checked += 1;
    }
    assert_eq!(checked, CORPUS_DOCUMENTS, "pages of corpus/ read");
}

fn to_json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).unwrap()
}
