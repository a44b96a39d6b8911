//! Writes a WARC file of a given size from folders of pages, laid out like a Common Crawl
//! segment (one gzip member per record when the name ends in `.gz`): a `warcinfo` record,
//! then for each page a `request`, a `response` (HTTP 200, `text/html` or `text/plain`) and a
//! `metadata` record, cycling through the pages (each copy under its own URL) until the
//! uncompressed size is reached. For the WARC benchmark in the README:
//!
//! ```sh
//! cargo run --release --example make_warc -- /tmp/big.warc.gz 1000 corpus /work/shared/realpages
//! ```
//!
//! Arguments: output file, size in MB (10^6 bytes, uncompressed), then page folders (walked;
//! `.html`, `.htm` and `.txt` files).

use std::io::Write;
use std::path::PathBuf;

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8], n: u64) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-05-01T00:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [out, mb, dirs @ ..] = args.as_slice() else {
        eprintln!("usage: make_warc OUT.warc[.gz] SIZE_MB PAGE_DIR...");
        std::process::exit(2);
    };
    let target: u64 = mb.parse::<u64>().expect("SIZE_MB is a whole number") * 1_000_000;
    let mut pages: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for d in dirs {
        for e in walkdir::WalkDir::new(d).sort_by_file_name().into_iter().flatten() {
            let p = e.path().to_path_buf();
            let ext = p.extension().map(|x| x.to_string_lossy().to_lowercase()).unwrap_or_default();
            if e.file_type().is_file() && ["html", "htm", "txt"].contains(&ext.as_str()) {
                pages.push((p.clone(), std::fs::read(&p).expect("readable page")));
            }
        }
    }
    assert!(!pages.is_empty(), "no pages found");
    let gzip = out.ends_with(".gz");
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).expect("output file"));
    let mut written = 0u64;
    let mut n = 0u64;
    let mut emit = |bytes: Vec<u8>, written: &mut u64| {
        *written += bytes.len() as u64;
        if gzip {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(&bytes).unwrap();
            file.write_all(&gz.finish().unwrap()).unwrap();
        } else {
            file.write_all(&bytes).unwrap();
        }
    };
    emit(record("warcinfo", "", "application/warc-fields", b"software: pressmine make_warc\r\n", n), &mut written);
    let (mut responses, mut copy) = (0u64, 0u64);
    'outer: loop {
        for (path, body) in &pages {
            if written >= target {
                break 'outer;
            }
            n += 1;
            let name = path.file_name().unwrap().to_string_lossy();
            let uri = format!("http://www.example.gov.cn/{copy}/{name}");
            let mime = if name.ends_with(".txt") { "text/plain" } else { "text/html" };
            let request = format!("GET /{copy}/{name} HTTP/1.1\r\nHost: www.example.gov.cn\r\n\r\n");
            emit(record("request", &uri, "application/http; msgtype=request", request.as_bytes(), n), &mut written);
            let mut http = format!("HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {}\r\n\r\n", body.len())
                .into_bytes();
            http.extend_from_slice(body);
            emit(record("response", &uri, "application/http; msgtype=response", &http, n), &mut written);
            let meta = format!("fetchTimeMs: 120\r\nsource: {}\r\n", path.display());
            emit(record("metadata", &uri, "application/warc-fields", meta.as_bytes(), n), &mut written);
            responses += 1;
        }
        copy += 1;
    }
    file.flush().unwrap();
    eprintln!("{out}: {responses} responses ({} pages × {copy}+), {written} bytes uncompressed", pages.len());
}
