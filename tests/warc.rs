//! WARC input: archives written in a temporary folder (plain, one gzip member per record as
//! Common Crawl writes them, and one member for the whole file) are read by `run` and
//! `extract`; truncated and malformed records go to errors.jsonl and the rest is read; random
//! bytes and mutated archives never panic the reader.

mod common;

#[path = "common/invariants.rs"]
mod invariants;

use common::root;
use proptest::prelude::*;
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// One WARC record with its block.
fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A `response` record of an HTTP 200 with this content type.
fn response(uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut block =
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len())
            .into_bytes();
    block.extend_from_slice(body);
    record("response", uri, &block)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// The records of a small crawl: warcinfo, a request, two pages (one GBK without a charset
/// in the page, named by the HTTP header), a redirect, an image, a plain-text page.
fn crawl() -> Vec<Vec<u8>> {
    let page = std::fs::read(root().join("corpus/own/press-briefing.html")).unwrap();
    let gbk_html = "<html><head><title>江苏统计</title></head><body><h1>江苏统计</h1>\
                    <p>2023年，全省地区生产总值达12.82万亿元，比上年增长5.8%。</p></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(gbk_html);
    let text = std::fs::read(root().join("corpus/own/bulletin.txt")).unwrap();
    vec![
        record("warcinfo", "", b"software: test\r\nformat: WARC File Format 1.0\r\n"),
        record("request", "http://www.example.gov.cn/a.html", b"GET /a.html HTTP/1.1\r\nHost: x\r\n\r\n"),
        response("http://www.example.gov.cn/a.html", "text/html", &page),
        response("http://tj.example.gov.cn/b.html", "text/html; charset=GBK", &gbk),
        record(
            "response",
            "http://www.example.gov.cn/old",
            b"HTTP/1.1 301 Moved Permanently\r\nLocation: /a.html\r\n\r\n",
        ),
        response("http://www.example.gov.cn/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        response("http://www.example.gov.cn/c.txt", "text/plain; charset=utf-8", &text),
    ]
}

fn run(corpus: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .env("PRESSMINE_PATTERNS", root().join("patterns"))
        .arg("run")
        .arg(corpus)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap()
}

fn lines(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn pages_of_plain_and_gzip_archives_are_documents() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    let records = crawl();
    std::fs::write(corpus.join("plain.warc"), records.concat()).unwrap();
    // Common Crawl's layout: one gzip member per record.
    std::fs::write(corpus.join("members.warc.gz"), records.iter().map(|r| gzip(r)).collect::<Vec<_>>().concat())
        .unwrap();
    std::fs::write(corpus.join("whole.warc.gz"), gzip(&records.concat())).unwrap();
    let out = tmp.path().join("o");
    let o = run(&corpus, &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(stderr.contains("9 documents ok") && stderr.contains("12 WARC records skipped"), "{stderr}");
    let docs = lines(&out.join("documents.jsonl"));
    let offset_of = |i: usize| records[..i].iter().map(Vec::len).sum::<usize>();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let expect: Vec<String> = ["members.warc.gz", "plain.warc", "whole.warc.gz"]
        .iter()
        .flat_map(|f| [2, 3, 6].map(|i| format!("{f}#{}", offset_of(i))))
        .collect();
    assert_eq!(ids, expect);
    // The same record gives the same document from each file, apart from where it was read.
    for k in 0..3 {
        let strip = |d: &serde_json::Value| {
            let mut d = d.clone();
            d["id"] = serde_json::Value::Null;
            d["source"]["path"] = serde_json::Value::Null;
            d
        };
        assert_eq!(strip(&docs[k]), strip(&docs[3 + k]));
        assert_eq!(strip(&docs[k]), strip(&docs[6 + k]));
    }
    assert_eq!(docs[0]["source"]["url"], "http://www.example.gov.cn/a.html");
    assert_eq!(docs[0]["source"]["path"], "members.warc.gz");
    // The GBK page names no charset itself: the HTTP header's decides.
    assert_eq!(docs[1]["title"], "江苏统计");
    assert_eq!(docs[1]["source"]["encoding"], "gb18030");
    assert!(docs[1]["text"].as_str().unwrap().contains("12.82万亿元"));
    assert!(!docs[1]["warnings"].to_string().contains("encoding_guessed"));
    // The plain-text page is read as text, like a .txt file.
    let txt = pressmine::pipeline::Pipeline::load(&root().join("patterns")).unwrap().process(
        &pressmine::source::RawDoc::from_bytes("c.txt", std::fs::read(root().join("corpus/own/bulletin.txt")).unwrap()),
    );
    assert_eq!(docs[2]["text"].as_str().unwrap(), txt.text);
    assert!(std::fs::read_to_string(out.join("errors.jsonl")).unwrap().is_empty());
    assert!(out.join("docs").join(format!("plain.warc#{}.json", offset_of(2))).is_file());

    // A WARC file alone is a corpus too, and `extract` reads archives.
    let single = tmp.path().join("single");
    assert!(run(&corpus.join("members.warc.gz"), &single).status.success());
    assert_eq!(lines(&single.join("documents.jsonl")).len(), 3);
    let o = Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .env("PRESSMINE_PATTERNS", root().join("patterns"))
        .arg("extract")
        .arg(corpus.join("whole.warc.gz"))
        .output()
        .unwrap();
    assert!(o.status.success());
    let ids: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    let name = corpus.join("whole.warc.gz").display().to_string();
    assert_eq!(ids, [2, 3, 6].map(|i| format!("{name}#{}", offset_of(i))));
}

#[test]
fn truncated_and_malformed_records_are_errors_and_the_rest_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    let page = |n: u32| {
        response(&format!("http://x.gov.cn/{n}.html"), "text/html", format!("<p>第{n}页，增长{n}%。</p>").as_bytes())
    };
    let bad_length =
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n";
    let no_colon = b"WARC/1.0\r\nWARC-Type response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n";
    let bad_http = record("response", "http://x.gov.cn/bad", b"HTTP/1.1 200 OK no blank line");
    let parts = [page(1), bad_length.to_vec(), page(2), no_colon.to_vec(), page(3), bad_http.clone(), page(4)];
    let mut bytes = parts.concat();
    let last = page(5);
    let cut = bytes.len();
    bytes.extend_from_slice(&last[..last.len() - 10]);
    std::fs::write(corpus.join("broken.warc"), &bytes).unwrap();
    // A gzip member cut short: the records before it are read.
    let members: Vec<Vec<u8>> = [page(6), page(7)].iter().map(|r| gzip(r)).collect();
    let mut gz = members.concat();
    gz.truncate(members[0].len() + members[1].len() / 2);
    std::fs::write(corpus.join("cut.warc.gz"), &gz).unwrap();
    std::fs::write(corpus.join("empty.warc"), b"").unwrap();
    std::fs::write(corpus.join("noise.warc"), b"this is no archive\n\x00\x01\x02").unwrap();

    let out = tmp.path().join("o");
    let o = run(&corpus, &out);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let docs = lines(&out.join("documents.jsonl"));
    let urls: Vec<&str> = docs.iter().map(|d| d["source"]["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            "http://x.gov.cn/1.html",
            "http://x.gov.cn/2.html",
            "http://x.gov.cn/3.html",
            "http://x.gov.cn/4.html",
            "http://x.gov.cn/6.html"
        ]
    );
    let errors = lines(&out.join("errors.jsonl"));
    let at = |i: usize| parts[..i].iter().map(Vec::len).sum::<usize>();
    let got: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e["path"].as_str().unwrap().to_string(), e["reason"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(got.len(), 6, "{got:#?}");
    assert_eq!(got[0].0, format!("broken.warc#{}", at(1)));
    assert!(got[0].1.contains("Content-Length \"twelve\""), "{}", got[0].1);
    assert_eq!(got[1].0, format!("broken.warc#{}", at(3)));
    assert!(got[1].1.contains("without a colon"), "{}", got[1].1);
    assert_eq!(got[2].0, format!("broken.warc#{}", at(5)));
    assert!(got[2].1.contains("HTTP header"), "{}", got[2].1);
    assert_eq!(got[3].0, format!("broken.warc#{cut}"));
    assert!(got[3].1.starts_with("truncated"), "{}", got[3].1);
    assert!(got[4].0.starts_with("cut.warc.gz#"), "{:?}", got[4]);
    assert!(got[5].0 == "noise.warc#0" && got[5].1.contains("expected a WARC/1.x version line"), "{:?}", got[5]);
    for e in &errors {
        assert_eq!(e["stage"], "read");
    }
}

#[test]
fn an_oversized_page_is_an_error_and_not_held() {
    let tmp = tempfile::tempdir().unwrap();
    let big = vec![b'a'; 300_000];
    let mut page = b"<p>".to_vec();
    page.extend_from_slice(&big);
    let bytes =
        [response("http://x/big", "text/html", &page), response("http://x/small", "text/html", b"<p>ok</p>")].concat();
    let file = tmp.path().join("a.warc");
    std::fs::write(&file, bytes).unwrap();
    let out = tmp.path().join("o");
    let o = Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .env("PRESSMINE_PATTERNS", root().join("patterns"))
        .args(["run", "--max-bytes", "100000"])
        .arg(&file)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let errors = lines(&out.join("errors.jsonl"));
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["reason"].as_str().unwrap().contains("exceeds the limit"), "{errors:?}");
    assert_eq!(lines(&out.join("documents.jsonl")).len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..2048)) {
        invariants::warc(&data);
        // The same bytes behind "WARC/1.0" and as a gzip stream.
        invariants::warc(&[b"WARC/1.0\r\n".as_slice(), &data].concat());
        let gz = gzip(&data);
        let reader = std::io::BufReader::new(flate2::bufread::MultiGzDecoder::new(gz.as_slice()));
        for _ in pressmine::warc::Records::new(reader, 1 << 16) {}
    }

    #[test]
    fn mutated_archives_never_panic(cut in 0usize..4000, flips in proptest::collection::vec((0usize..4000, any::<u8>()), 0..8)) {
        let mut bytes: Vec<u8> = crawl()[1..5].concat();
        bytes.truncate(cut.max(1).min(bytes.len()));
        for (at, b) in flips {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        invariants::warc(&bytes);
    }
}
