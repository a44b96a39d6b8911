//! The binary ends quietly when a reader closes its pipe early, and its error messages name
//! the path, say what was expected and what to do, once.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pressmine"));
    c.env("PRESSMINE_PATTERNS", root().join("patterns"));
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Spawns the command, reads one line of its output, closes the pipe and waits: the status
/// and what it printed on stderr.
fn first_line_then_close(args: &[&str]) -> (Option<i32>, String) {
    let mut child = bin().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("binary runs");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert!(!line.is_empty(), "{args:?} printed nothing");
    drop(out);
    let o = child.wait_with_output().unwrap();
    (o.status.code(), stderr(&o))
}

/// A documents.jsonl with every document of output/ ten times under other ids, so that every
/// report over it is larger than a pipe's buffer.
fn big_documents(dir: &Path) -> PathBuf {
    let docs = std::fs::read_to_string(root().join("output/documents.jsonl")).unwrap();
    let mut text = String::new();
    for n in 0..10 {
        for line in docs.lines() {
            text.push_str(&line.replacen("\"id\":\"", &format!("\"id\":\"copy{n}/"), 1));
            text.push('\n');
        }
    }
    let path = dir.join("documents.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn closed_pipe_ends_every_report_quietly_with_its_status() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = big_documents(tmp.path());
    let docs = docs.to_str().unwrap();
    let seed = root().join("corpus/seeds/000_072041860add9220.txt");
    let corpus = root().join("corpus");
    for format in ["table", "json", "csv"] {
        let (code, err) = first_line_then_close(&["series", docs, "--format", format]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "series --format {format}");
        let (code, err) = first_line_then_close(&["initiatives", docs, "--format", format]);
        assert_eq!((code, err.as_str()), (Some(0), ""), "initiatives --format {format}");
        // Differences: diff's documented status 1 survives the closed pipe.
        let (code, err) = first_line_then_close(&["diff", docs, seed.to_str().unwrap(), "--format", format]);
        assert_eq!((code, err.as_str()), (Some(1), ""), "diff --format {format}");
    }
    // extract stops reading its inputs: whether the rest would fail is unknown.
    let (code, err) = first_line_then_close(&["extract", corpus.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (Some(141), ""), "extract");
}

#[test]
fn missing_corpus_is_said_not_to_exist() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("o");
    let o = run(&["run", "/no/such/dir", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("/no/such/dir: no such folder") && err.contains("pressmine fetch"), "{err}");
    assert!(!err.contains("not a directory"), "{err}");
}

#[test]
fn output_path_that_is_a_file_is_named_once() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("f");
    std::fs::write(&file, "x").unwrap();
    let corpus = root().join("corpus/seeds");
    for out in [file.clone(), file.join("sub")] {
        let o = run(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(err.contains(&format!("{}: ", out.display())) && err.contains("is a file"), "{err}");
        assert!(err.contains("give -o a folder"), "{err}");
        assert!(!err.contains("os error"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn unwritable_output_says_so_once() {
    let tmp = tempfile::tempdir().unwrap();
    let locked = tmp.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o500)).unwrap();
    // Root may write anywhere; the check means nothing then.
    if std::fs::write(locked.join("probe"), "x").is_ok() {
        return;
    }
    let out = locked.join("out");
    let o = run(&["run", root().join("corpus/seeds").to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("permission denied") && err.contains("a folder you can write"), "{err}");
    assert_eq!(err.matches("ermission denied").count(), 1, "{err}");
}

#[test]
fn corpus_given_for_output_and_output_for_corpus() {
    let corpus = root().join("corpus");
    for cmd in ["initiatives", "series"] {
        let o = run(&[cmd, corpus.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(err.contains("not a pressmine output") && err.contains("pressmine run"), "{cmd}: {err}");
        assert!(!err.contains("No such file"), "{cmd}: {err}");
    }
    let tmp = tempfile::tempdir().unwrap();
    let o = run(&["run", root().join("output").to_str().unwrap(), "-o", tmp.path().join("o").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("a pressmine output folder") && err.contains("not a corpus"), "{err}");
}

#[test]
fn empty_patterns_folder_lists_the_files_it_needs() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(&["--patterns", tmp.path().to_str().unwrap(), "initiatives", root().join("output").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for f in
        ["claims.toml", "clean.toml", "initiatives.toml", "indicators.toml", "places.toml", "reports.toml", "dict.txt"]
    {
        assert!(err.contains(f), "{f}: {err}");
    }
    // One file missing: that one is named as missing.
    for f in std::fs::read_dir(root().join("patterns")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, tmp.path().join(f.file_name().unwrap())).unwrap();
    }
    std::fs::remove_file(tmp.path().join("places.toml")).unwrap();
    let o = run(&["--patterns", tmp.path().to_str().unwrap(), "initiatives", root().join("output").to_str().unwrap()]);
    let err = stderr(&o);
    assert!(err.contains("places.toml missing"), "{err}");
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn url_given_to_extract_points_to_fetch() {
    let o = run(&["extract", "https://www.gov.cn/zhengce/a.html"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("fetch --url https://www.gov.cn/zhengce/a.html"), "{err}");
    assert!(!err.contains("read failed"), "{err}");
}

#[test]
fn include_exclude_and_unknown_files() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(corpus.join("2024")).unwrap();
    let seed = root().join("corpus/seeds/000_072041860add9220.txt");
    std::fs::copy(&seed, corpus.join("2024/a.txt")).unwrap();
    std::fs::copy(&seed, corpus.join("2024/draft.txt")).unwrap();
    std::fs::copy(&seed, corpus.join("old.txt")).unwrap();
    // A page saved without an extension, and a file that is no page.
    std::fs::copy(root().join("corpus/realpages/21-people-gbk.html"), corpus.join("2024/index")).unwrap();
    std::fs::write(corpus.join("2024/notes.md"), "# notes").unwrap();
    std::fs::write(corpus.join("2024/empty.txt"), "").unwrap();
    let out = tmp.path().join("o");
    let o = run(&[
        "run",
        corpus.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--include",
        "2024/**",
        "--exclude",
        "draft*",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let docs = std::fs::read_to_string(out.join("documents.jsonl")).unwrap();
    let ids: Vec<String> = docs
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["2024/a.txt", "2024/index"]);
    let err = stderr(&o);
    assert!(err.contains("2 documents ok") && err.contains("1 file skipped"), "{err}");
    assert!(err.contains(&format!("failures are listed in {}", out.join("errors.jsonl").display())), "{err}");
}
