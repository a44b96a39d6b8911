//! `run --shard K/N` and `merge`: the N shard outputs are disjoint, their union is the whole
//! corpus, and merging them gives an output byte-identical to a single run (every file,
//! the run state included), over corpus/ and over a corpus holding WARC files and failures.

mod common;

use common::root;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn pressmine(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .env("PRESSMINE_PATTERNS", root().join("patterns"))
        .arg("-q")
        .args(args)
        .output()
        .unwrap()
}

/// Every file under `dir` (hidden ones included) by relative path.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

fn ids(out: &Path) -> Vec<String> {
    std::fs::read_to_string(out.join("documents.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect()
}

/// Runs the corpus whole and in `n` shards, merges the shards, and compares.
fn shards_merge_to_the_single_run(corpus: &Path, n: u64) {
    let tmp = tempfile::tempdir().unwrap();
    let single = tmp.path().join("single");
    let o = pressmine(&["run".as_ref(), corpus.as_os_str(), "-o".as_ref(), single.as_os_str()]);
    let status = o.status.code();
    assert!(matches!(status, Some(0 | 1)), "{}", String::from_utf8_lossy(&o.stderr));
    let mut outs = Vec::new();
    for k in 1..=n {
        let out = tmp.path().join(format!("shard{k}"));
        let shard = format!("{k}/{n}");
        let o = pressmine(&[
            "run".as_ref(),
            corpus.as_os_str(),
            "--shard".as_ref(),
            shard.as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&o.stderr));
        outs.push(out);
    }
    // Disjoint, and together the whole corpus; each id in the shard its hash names.
    let all = ids(&single);
    let mut union = BTreeSet::new();
    for (k, out) in outs.iter().enumerate() {
        let part = ids(out);
        assert!(!part.is_empty(), "shard {} of {n} is empty", k + 1);
        for id in part {
            assert_eq!(pressmine::shard::shard_of(&id, n), k as u64 + 1, "{id}");
            assert!(union.insert(id.clone()), "{id} is in two shards");
        }
    }
    assert_eq!(union, all.iter().cloned().collect::<BTreeSet<_>>());

    let merged = tmp.path().join("merged");
    let mut args: Vec<&std::ffi::OsStr> = vec!["merge".as_ref()];
    // Any order of the shard folders gives the same result.
    args.extend(outs.iter().rev().map(|p| p.as_os_str()));
    args.extend(["-o".as_ref(), merged.as_os_str()]);
    let o = pressmine(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (want, got) = (files(&single), files(&merged));
    let differ: Vec<String> = want
        .keys()
        .chain(got.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|p| want.get(*p) != got.get(*p))
        .map(|p| p.display().to_string())
        .collect();
    assert!(differ.is_empty(), "merged output differs from the single run in: {differ:?}");
    assert!(want.contains_key(Path::new(".pressmine-state.json")));
}

#[test]
fn three_shards_of_corpus_merge_to_the_single_run() {
    shards_merge_to_the_single_run(&root().join("corpus"), 3);
}

#[test]
fn shards_of_warc_files_and_failures_merge_to_the_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(corpus.join("sub")).unwrap();
    let mut warc = Vec::new();
    let mut gz = Vec::new();
    for n in 0..40 {
        let body = format!(
            "<html><body><h1>第{n}号公报</h1><p>2024年，全市地区生产总值增长{n}.5%，投资{n}亿元。</p></body></html>"
        );
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}");
        let record = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.gov.cn/{n}.html\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        );
        warc.extend_from_slice(record.as_bytes());
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(record.as_bytes()).unwrap();
        gz.extend(e.finish().unwrap());
        if n % 9 == 4 {
            warc.extend_from_slice(b"WARC/1.0\r\nContent-Length: oops\r\n\r\n");
        }
    }
    std::fs::write(corpus.join("a.warc"), &warc).unwrap();
    std::fs::write(corpus.join("sub/b.warc.gz"), &gz).unwrap();
    for f in ["own/bulletin.txt", "own/stats-release-gbk.html", "realpages/01-kepu-gov.html"] {
        std::fs::copy(root().join("corpus").join(f), corpus.join(f.replace('/', "-"))).unwrap();
    }
    std::fs::write(corpus.join("a-empty.html"), b"").unwrap();
    std::fs::write(corpus.join("sub/binary.html"), b"\x7fELF\0\0\0\0").unwrap();
    shards_merge_to_the_single_run(&corpus, 3);
}

#[test]
fn merge_refuses_what_is_no_split() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(root().join("corpus/own/bulletin.txt"), corpus.join("a.txt")).unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    for out in [&a, &b] {
        assert!(pressmine(&["run".as_ref(), corpus.as_os_str(), "-o".as_ref(), out.as_os_str()]).status.success());
    }
    let merged = tmp.path().join("m");
    let o = pressmine(&["merge".as_ref(), a.as_os_str(), b.as_os_str(), "-o".as_ref(), merged.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("in another shard too"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = pressmine(&["merge".as_ref(), a.as_os_str(), "-o".as_ref(), a.as_os_str()]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("is one of the shards"));
    let o = pressmine(&["merge".as_ref(), corpus.as_os_str(), "-o".as_ref(), merged.as_os_str()]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a finished pressmine output"));
    let o = pressmine(&[
        "run".as_ref(),
        corpus.as_os_str(),
        "--shard".as_ref(),
        "4/3".as_ref(),
        "-o".as_ref(),
        a.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("K must be between 1 and 3"));
}
