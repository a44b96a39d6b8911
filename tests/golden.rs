//! Golden output: `output/` is the committed result of `pressmine run corpus -o output`.
//! This test regenerates it in a temporary directory and fails when anything differs.
//! To accept a behaviour change: `cargo run --release -- run corpus -o output`, then
//! review `git diff output/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if name.starts_with('.') {
                continue; // run state, not output
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn output_dir_is_up_to_date() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .env("PRESSMINE_PATTERNS", root.join("patterns"))
        .args(["-q", "run"])
        .arg(root.join("corpus"))
        .arg("-o")
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fresh = files(tmp.path());
    let committed = files(&root.join("output"));
    let stale: Vec<_> = fresh
        .iter()
        .filter(|(p, b)| committed.get(*p) != Some(*b))
        .map(|(p, _)| p.display().to_string())
        .chain(committed.keys().filter(|p| !fresh.contains_key(*p)).map(|p| format!("{} (removed)", p.display())))
        .collect();
    assert!(
        stale.is_empty(),
        "output/ is stale; regenerate with `cargo run --release -- run corpus -o output` and review the diff:\n{}",
        stale.join("\n")
    );
}
