//! Integration tests that run the real `pressmine` binary in temporary directories.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pressmine"));
    c.env("PRESSMINE_PATTERNS", Path::new(env!("CARGO_MANIFEST_DIR")).join("patterns"));
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn seed() -> PathBuf {
    root().join("corpus/seeds/000_072041860add9220.txt")
}

/// A small corpus with good, odd and broken inputs.
fn messy_corpus(dir: &Path) {
    let sub = dir.join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(seed(), dir.join("seed.txt")).unwrap();
    std::fs::copy(root().join("corpus/realpages/21-people-gbk.html"), sub.join("gbk.html")).unwrap();
    std::fs::write(dir.join("empty.html"), b"").unwrap();
    std::fs::write(dir.join("binary.html"), b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0").unwrap();
    std::fs::write(dir.join("nobody.html"), b"<html><head><title>t</title></head></html>").unwrap();
    std::fs::write(dir.join("ignored.md"), b"# not a page").unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, std::fs::read(seed()).unwrap().as_slice()).unwrap();
    std::fs::write(dir.join("seed2.txt.gz"), gz.finish().unwrap()).unwrap();
}

#[test]
fn run_writes_outputs_and_reports_failures() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let out = tmp.path().join("out");
    messy_corpus(&corpus);
    let o = run(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "some inputs fail: {}", String::from_utf8_lossy(&o.stderr));
    let docs = std::fs::read_to_string(out.join("documents.jsonl")).unwrap();
    let ids: Vec<String> = docs
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a/b/gbk.html", "nobody.html", "seed.txt", "seed2.txt.gz"]);
    let errors = std::fs::read_to_string(out.join("errors.jsonl")).unwrap();
    assert!(errors.contains("binary.html") && errors.contains("binary content"), "{errors}");
    assert!(errors.contains("empty.html") && errors.contains("empty input"), "{errors}");
    assert!(out.join("docs/a/b/gbk.html.json").is_file());
    let csv = std::fs::read_to_string(out.join("claims.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}doc_id,"));
    assert!(csv.contains("4.66万亿元"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("4 documents ok") && stderr.contains("2 failed"), "{stderr}");
    // Second run over the unchanged corpus reuses every document.
    let o = run(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("(4 reused)"));
    assert_eq!(std::fs::read_to_string(out.join("documents.jsonl")).unwrap(), docs);
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = root().join("corpus");
    let mut outputs = Vec::new();
    for threads in ["1", "2", "3"] {
        let out = tmp.path().join(format!("out{threads}"));
        let o = run(&["--threads", threads, "-q", "run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        outputs.push((
            std::fs::read(out.join("documents.jsonl")).unwrap(),
            std::fs::read(out.join("claims.csv")).unwrap(),
        ));
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn extract_prints_one_line_per_input_in_order() {
    let gbk = root().join("corpus/realpages/22-cnr-gbk.html");
    let o = run(&["extract", seed().to_str().unwrap(), gbk.to_str().unwrap()]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first["schema"], "pressmine/1");
    assert_eq!(first["published"], "2024-08-28");
    let second: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(second["source"]["encoding"], "gb18030");
}

#[test]
fn extract_reads_stdin() {
    use std::io::Write;
    let mut child = bin()
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "<html><body><h1>标题</h1><p>今年1-7月，全省规上工业增加值同比增长8.2%。</p></body></html>".as_bytes(),
        )
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["claims"][0]["value"], serde_json::json!(8.2));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["run"]).status.code(), Some(2));
    assert_eq!(run(&["run", "/nonexistent/corpus", "-o", "/tmp/x"]).status.code(), Some(2));
}

#[test]
fn bad_pattern_file_names_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(root().join("patterns")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, tmp.path().join(f.file_name().unwrap())).unwrap();
    }
    let claims = tmp.path().join("claims.toml");
    let text = std::fs::read_to_string(&claims).unwrap();
    std::fs::write(&claims, text.replacen("id = \"nonclaim.date\"", "id = \"nonclaim.date\"\nbogus = 1", 1)).unwrap();
    let o = bin().env("PRESSMINE_PATTERNS", tmp.path()).args(["extract", seed().to_str().unwrap()]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("claims.toml:") && err.contains("bogus"), "{err}");
}

#[test]
fn initiatives_view_lists_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(seed(), corpus.join("seed.txt")).unwrap();
    let out = tmp.path().join("o");
    assert!(run(&["-q", "run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]).status.success());
    let o = run(&["initiatives", out.to_str().unwrap(), "--format", "csv"]);
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(csv.contains("智改数转,plan,"), "{csv}");
    let o = run(&["initiatives", out.to_str().unwrap(), "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(rows.as_array().unwrap().iter().any(|r| r["name"] == "1650" && r["first_published"] == "2024-08-28"));
}

#[test]
fn bad_inputs_never_stop_the_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(corpus.join("loop")).unwrap();
    std::fs::copy(seed(), corpus.join("good.txt")).unwrap();
    // 100,000 nested tags.
    let mut deep = "<div>".repeat(100_000);
    deep.push_str("<p>制造业是立国之本、强国之基。</p>");
    std::fs::write(corpus.join("deep.html"), deep).unwrap();
    // A GBK page cut in the middle of a two-byte character.
    let (gbk, _, _) =
        encoding_rs::GB18030.encode("<meta charset=gbk><p>全省规上工业增加值同比增长8.2%，位居东部大省前列。</p>");
    std::fs::write(corpus.join("truncated.html"), &gbk[..gbk.len() - 7]).unwrap();
    // An unknown charset label.
    std::fs::write(corpus.join("klingon.html"), "<meta charset=x-klingon><p>江苏制造业增加值达4.66万亿元。</p>")
        .unwrap();
    // A 50 MB page.
    let mut big = String::from("<html><body>");
    while big.len() < 50 * 1024 * 1024 {
        big.push_str("<div><p>今年1-7月，全省规上工业增加值同比增长8.2%。</p></div>\n");
    }
    std::fs::write(corpus.join("big.html"), big).unwrap();
    // A dangling symlink and a symlink loop.
    std::os::unix::fs::symlink(corpus.join("missing.html"), corpus.join("dangling.html")).unwrap();
    std::os::unix::fs::symlink(&corpus, corpus.join("loop/back")).unwrap();
    let out = tmp.path().join("o");
    let o = run(&["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let docs: Vec<serde_json::Value> = std::fs::read_to_string(out.join("documents.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let by_id = |id: &str| docs.iter().find(|d| d["id"] == id).unwrap_or_else(|| panic!("{id} missing"));
    let codes = |d: &serde_json::Value| -> Vec<String> {
        d["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap().to_string()).collect()
    };
    assert!(codes(by_id("deep.html")).contains(&"markup_flattened".to_string()));
    assert_eq!(by_id("deep.html")["text"], "制造业是立国之本、强国之基。");
    assert!(codes(by_id("truncated.html")).contains(&"decode_replaced".to_string()));
    assert!(by_id("truncated.html")["text"].as_str().unwrap().contains("同比增长8.2%"));
    assert!(by_id("klingon.html")["text"].as_str().unwrap().contains("4.66万亿元"));
    // The 50 MB page's body (17 million characters) is cut at the documented length.
    let big = by_id("big.html")["text"].as_str().unwrap().chars().count();
    assert!(big <= pressmine::pipeline::MAX_BODY_CHARS && big > pressmine::pipeline::MAX_BODY_CHARS - 100, "{big}");
    assert!(codes(by_id("big.html")).contains(&"body_truncated".to_string()));
    assert_eq!(by_id("good.txt")["claims"].as_array().unwrap().len(), 22, "the seed release's 22 figures");
    let errors = std::fs::read_to_string(out.join("errors.jsonl")).unwrap();
    assert!(errors.contains("dangling.html"), "{errors}");
    assert!(errors.contains("loop"), "{errors}");
}

#[test]
fn gzip_bomb_in_a_corpus_is_one_error_in_bounded_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(seed(), corpus.join("good.txt")).unwrap();
    // 1 GiB of zeros in about 1 MB, streamed to disk as it is compressed.
    let file = std::fs::File::create(corpus.join("bomb.html.gz")).unwrap();
    let file = common::gzip_zeros(std::io::BufWriter::new(file), 1 << 30);
    drop(file.into_inner().unwrap());
    let limit = 20_000_000;
    let out = tmp.path().join("o");
    let (c, o) = (corpus.to_str().unwrap(), out.to_str().unwrap());
    let (code, peak_mib) =
        common::exit_and_peak_rss(bin().args(["run", c, "-o", o, "--max-bytes", &limit.to_string()]));
    assert_eq!(code, Some(1), "one input failed");
    // Inflating the whole bomb would take 1 GiB; the cap keeps it to 20 MB.
    eprintln!("peak RSS {peak_mib} MiB");
    assert!(peak_mib < 400, "peak RSS {peak_mib} MiB for a 20 MB limit");
    let errors = std::fs::read_to_string(out.join("errors.jsonl")).unwrap();
    assert_eq!(errors.lines().count(), 1, "{errors}");
    assert!(errors.contains("bomb.html.gz") && errors.contains("inflates to more than 20000000 bytes"), "{errors}");
    let docs = std::fs::read_to_string(out.join("documents.jsonl")).unwrap();
    assert_eq!(docs.lines().count(), 1, "the batch went on");
    assert!(docs.contains("\"id\":\"good.txt\""));
    // extract applies the same cap.
    let x = run(&["extract", "--max-bytes", &limit.to_string(), corpus.join("bomb.html.gz").to_str().unwrap()]);
    assert_eq!(x.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&x.stderr).contains("inflates to more than"), "{x:?}");
}

#[test]
fn diff_exit_codes_and_formats() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a.txt"), tmp.path().join("b.txt"));
    std::fs::write(&a, "统计局数据发布\n2024-08-15\n今年1-7月，全省规上工业增加值同比增长8.2%。\n").unwrap();
    std::fs::write(&b, "统计局数据发布\n2024-08-15\n今年1-7月，全省规上工业增加值同比增长8.4%。\n").unwrap();
    assert_eq!(run(&["diff", a.to_str().unwrap(), a.to_str().unwrap()]).status.code(), Some(0));
    let o = run(&["diff", a.to_str().unwrap(), b.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["schema"], "pressmine-diff/2");
    assert_eq!(r["changed"][0]["new"]["value"], serde_json::json!(8.4));
    let o = run(&["diff", a.to_str().unwrap(), b.to_str().unwrap(), "--format", "csv"]);
    assert!(String::from_utf8(o.stdout).unwrap().contains("changed,规上工业增加值"));
    assert_eq!(run(&["diff", "/nonexistent", b.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn series_over_an_output_dir() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("06.txt"), "统计局数据发布\n2024-07-15\n今年1-6月，全省规上工业增加值同比增长7.9%。\n")
        .unwrap();
    std::fs::write(corpus.join("07.txt"), "统计局数据发布\n2024-08-15\n今年1-7月，全省规上工业增加值同比增长8.2%。\n")
        .unwrap();
    let out = tmp.path().join("o");
    assert!(run(&["-q", "run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]).status.success());
    let o = run(&["series", out.to_str().unwrap(), "--metric", "工业增加值", "--format", "csv"]);
    let csv = String::from_utf8(o.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(rows[0].contains(",2024-01/2024-06,2024-01-01,2024-06-30,half,7.9,true,false,false,06.txt,"), "{csv}");
    assert!(rows[1].contains(",2024-01/2024-07,2024-01-01,2024-07-31,ytd,8.2,true,false,false,07.txt,"), "{csv}");
}
