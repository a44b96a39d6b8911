//! The fuzz targets' checks on stable, in every `cargo test`: the seed corpus (the pages in
//! `corpus/`, plus `fuzz/corpus/<target>/` when a fuzzing run has left one; for `diff`, the
//! documents in `output/docs/own`, for `patterns`, the files of `patterns/`) and deterministic
//! random mutations of it go through the same invariant checks as `fuzz/fuzz_targets`
//! (tests/common/invariants.rs). `PRESSMINE_FUZZ_ITERS=N` raises the number of mutants
//! (default 1000 per target); `PRESSMINE_FUZZ_SEED=N` changes the random stream.

#[path = "common/invariants.rs"]
mod invariants;

use pressmine::pipeline::Pipeline;
use pressmine::source::RawDoc;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

static PIPE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("patterns")).unwrap());

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under the seed folders (sorted, so runs are reproducible).
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["corpus/own", "corpus/seeds", "corpus/realpages", &format!("fuzz/corpus/{target}")] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else { continue };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            out.push((f.file_name().unwrap().to_string_lossy().into_owned(), bytes));
        }
    }
    assert!(out.len() >= 60, "seed corpus has {} files", out.len());
    out
}

/// xorshift64*: a small deterministic random stream.
struct Rng(u64);

impl Rng {
    fn new() -> Self {
        let seed =
            std::env::var("PRESSMINE_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
        Self(seed | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces releases are made of, spliced in by the mutator.
const TOKENS: &[&str] = &[
    "１２",
    "3.5",
    "万亿元",
    "亿",
    "%",
    "个百分点",
    "同比增长",
    "下降",
    "超过",
    "约",
    "以上",
    "《",
    "》",
    "“",
    "”",
    "三年行动计划",
    "分别为",
    "、",
    "。",
    "\n",
    "<p>",
    "</p>",
    "<table><tr><td>",
    "</td><td>",
    "负",
    "第",
    "二〇二四年",
    "1-6月",
    "百分之",
    "分之",
    "又",
    "e+",
    "-",
    "～",
    "\u{3000}",
    "\u{FFFD}",
    "\u{0}",
    "&#12345;",
    "&amp;",
];

fn mutate(rng: &mut Rng, pool: &[(String, Vec<u8>)], max_len: usize) -> Vec<u8> {
    let (_, base) = &pool[rng.below(pool.len())];
    let start = rng.below(base.len());
    let mut v = base[start..(start + 1 + rng.below(max_len)).min(base.len())].to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(v.len() + 1);
        match rng.below(5) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 if !v.is_empty() => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at.min(end)..end);
            }
            2 => {
                let (_, other) = &pool[rng.below(pool.len())];
                let s = rng.below(other.len());
                let piece = &other[s..(s + rng.below(256)).min(other.len())];
                v.splice(at..at, piece.iter().copied());
            }
            3 => {
                let bytes: Vec<u8> = (0..1 + rng.below(8)).map(|_| rng.next() as u8).collect();
                v.splice(at..at, bytes);
            }
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.splice(at..at, t.iter().copied());
            }
        }
    }
    v
}

fn iters() -> usize {
    std::env::var("PRESSMINE_FUZZ_ITERS").ok().and_then(|s| s.parse().ok()).unwrap_or(1000)
}

/// The `process` target: bytes → document.
#[test]
fn process_target_invariants_on_seeds_and_mutants() {
    let pool = seeds("process");
    let run = |name: &str, bytes: Vec<u8>| {
        let doc = PIPE.process(&RawDoc::from_bytes(name, bytes));
        invariants::document(&doc);
    };
    for (name, bytes) in &pool {
        run(name, bytes.clone());
    }
    let mut rng = Rng::new();
    for _ in 0..iters() {
        let v = mutate(&mut rng, &pool, 4000);
        let txt = v.first().is_some_and(|b| b & 1 == 1);
        run(if txt { "f.txt" } else { "f.html" }, v);
    }
}

/// The `recognize` target: arbitrary strings through every reader.
#[test]
fn recognize_target_invariants_on_seeds_and_mutants() {
    let pool = seeds("recognize");
    let mut rng = Rng::new();
    for _ in 0..iters() {
        let v = mutate(&mut rng, &pool, 600);
        invariants::recognize(&PIPE, &String::from_utf8_lossy(&v));
    }
    for text in [
        "",
        "\n",
        "负",
        "第",
        "１２３４５６７８９０１２３４５６７８９０１２３４５６７８９０万亿",
        "百分之百分之",
        "0.",
        "1e+99999",
    ] {
        invariants::recognize(&PIPE, text);
    }
}

/// The files of a folder, sorted (none when it does not exist).
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            (f.file_name().unwrap().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

/// The `diff` target: two sides (document JSON or `documents.jsonl` lines) read and compared.
#[test]
fn diff_target_invariants_on_seeds_and_mutants() {
    let mut pool = files(&root().join("fuzz/corpus/diff"));
    let docs: Vec<Vec<u8>> = files(&root().join("output/docs/own")).into_iter().map(|(_, b)| b).collect();
    for d in &docs {
        pool.push(("doc".into(), [&[0u8][..], d].concat()));
    }
    for w in docs.windows(2) {
        pool.push(("pair".into(), [&[0u8][..], &w[0], &[0xFF], &w[1]].concat()));
        let compact = |b: &[u8]| serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(b).unwrap()).unwrap();
        let lines = [compact(&w[0]), b"\n".to_vec(), compact(&w[1])].concat();
        pool.push(("lines".into(), [&[3u8][..], &lines, &[0xFF], &compact(&w[1])].concat()));
    }
    assert!(pool.len() >= 10, "diff seed pool has {} inputs", pool.len());
    for (_, bytes) in &pool {
        invariants::diff(PIPE.canon(), bytes);
    }
    let mut rng = Rng::new();
    for _ in 0..iters() {
        invariants::diff(PIPE.canon(), &mutate(&mut rng, &pool, 8192));
    }
    for data in [&b""[..], b"\x00", b"\x03\xff", b"\x00{}\xff{}", b"\x03\n\n\xff\xff"] {
        invariants::diff(PIPE.canon(), data);
    }
}

/// The `patterns` target: one file of a copy of `patterns/` replaced and its loader run.
/// Fewer mutants than the other targets (`PRESSMINE_FUZZ_ITERS` / 10): each load compiles
/// a file's rules, and `dict.txt`'s loads jieba's dictionary.
#[test]
fn patterns_target_invariants_on_seeds_and_mutants() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files(&root().join("patterns")) {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    // `dict.txt` inputs rebuild jieba's dictionary (seconds in a debug build): eight of the
    // corpus's are enough here; the fuzz target runs them all.
    let file_of = |b: &[u8]| {
        invariants::PATTERN_FILES[usize::from(b.first().copied().unwrap_or(0)) % invariants::PATTERN_FILES.len()]
    };
    let mut dicts = 0;
    let mut pool: Vec<(String, Vec<u8>)> = files(&root().join("fuzz/corpus/patterns"))
        .into_iter()
        .filter(|(_, b)| {
            file_of(b) != "dict.txt" || {
                dicts += 1;
                dicts <= 8
            }
        })
        .collect();
    for (i, name) in invariants::PATTERN_FILES.iter().enumerate() {
        let bytes = std::fs::read(root().join("patterns").join(name)).unwrap();
        pool.push((name.to_string(), [&[i as u8][..], &bytes].concat()));
    }
    for (_, bytes) in &pool {
        invariants::patterns(dir.path(), bytes);
    }
    let mut rng = Rng::new();
    for _ in 0..iters().div_ceil(10) {
        invariants::patterns(dir.path(), &mutate(&mut rng, &pool, 40_000));
    }
    for (i, name) in invariants::PATTERN_FILES.iter().enumerate() {
        for content in [&b""[..], b"\xFF", b"[[", b"\n#\n"] {
            invariants::patterns(dir.path(), &[&[i as u8][..], content].concat());
        }
        // Every file is put back: the folder still loads.
        invariants::load_one(dir.path(), name).unwrap_or_else(|e| panic!("{name} not restored: {e}"));
    }
}

/// The checks catch what they guard: a document broken in each way fails them.
#[test]
fn invariants_reject_broken_documents() {
    let text = "今年1-7月，全省规上工业增加值同比增长8.2%。\n实施“智改数转”三年行动计划。";
    let good = PIPE.process(&RawDoc::from_bytes("x.txt", text.as_bytes().to_vec()));
    invariants::document(&good);
    assert!(!good.claims.is_empty() && !good.initiatives.is_empty() && good.sentences.len() == 2);
    type Break = fn(&mut pressmine::model::Document);
    let breaks: [(&str, Break); 7] = [
        ("sentence dropped", |d| {
            d.sentences.remove(1);
        }),
        ("sentences overlap", |d| d.sentences[1][0] -= 2),
        ("sentence trimmed short", |d| d.sentences[0][1] -= 1),
        ("claim span moved", |d| d.claims[0].span[0] += 1),
        ("claim outside its sentence", |d| d.claims[0].sentence = d.sentences[1]),
        ("mention outside the text", |d| d.initiatives[0].mentions[0][1] = 10_000),
        ("keyword weight not finite", |d| d.keywords[0].weight = f64::NAN),
    ];
    for (what, broken) in breaks {
        let mut doc = good.clone();
        broken(&mut doc);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| invariants::document(&doc))).is_err();
        assert!(caught, "{what}: not caught");
    }
}
