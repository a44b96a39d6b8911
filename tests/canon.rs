//! Canonical keys through the real binary: bad indicator and place files stop every command
//! at start-up with the file and line; claims.csv carries the keys.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run_with(patterns: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pressmine"))
        .env("PRESSMINE_PATTERNS", patterns)
        .args(args)
        .output()
        .expect("binary runs")
}

/// A copy of patterns/ with `edit` applied to indicators.toml (or another file).
fn patterns_with(tmp: &Path, file: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let dir = tmp.join("patterns");
    std::fs::create_dir_all(&dir).unwrap();
    for f in std::fs::read_dir(root().join("patterns")).unwrap() {
        let p = f.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit changed nothing");
    std::fs::write(dir.join(file), edited).unwrap();
    dir
}

fn line_of(text: &str, needle: &str, nth: usize) -> usize {
    let at = text.match_indices(needle).nth(nth).expect("needle present").0;
    text[..at].matches('\n').count() + 1
}

/// Every command that reads patterns/ fails with exit 2 and `file:line: message`.
fn every_command_fails(tmp: &Path, patterns: &Path, file: &str, line: usize, message: &str) {
    let corpus = tmp.join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    let page = corpus.join("a.txt");
    std::fs::write(&page, "统计局数据发布\n2024-08-15\n今年1-7月，全省规上工业增加值同比增长8.2%。\n").unwrap();
    let (out, page) = (tmp.join("o"), page.to_str().unwrap().to_string());
    let commands: Vec<Vec<&str>> = vec![
        vec!["run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()],
        vec!["extract", &page],
        vec!["diff", &page, &page],
        vec!["series", out.to_str().unwrap()],
        vec!["initiatives", out.to_str().unwrap()],
    ];
    let want = format!("{}:{line}: ", patterns.join(file).display());
    for args in commands {
        let o = run_with(patterns, &args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(&want) && err.contains(message), "{args:?}: wanted {want}…{message}, got {err}");
    }
}

/// Edits `file` in a copy of patterns/, then checks every command fails at the line of the
/// `nth` occurrence of `needle` in the edited file, with `message`.
fn edit_fails(file: &str, edit: impl Fn(&str) -> String, needle: &str, nth: usize, message: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let patterns = patterns_with(tmp.path(), file, edit);
    let text = std::fs::read_to_string(patterns.join(file)).unwrap();
    every_command_fails(tmp.path(), &patterns, file, line_of(&text, needle, nth), message);
}

#[test]
fn duplicate_canonical_name_fails_every_command_with_file_and_line() {
    let again =
        "\n[[indicator]]\nid = \"ind.again\"\nname = \"粮食总产量\"\ndescription = \"Twice.\"\nunits = [\"mass\"]\n";
    // The second entry named 粮食总产量 is the one at fault.
    let edit = |t: &str| format!("{t}{again}");
    edit_fails("indicators.toml", edit, "name = \"粮食总产量\"", 1, "canonical name 粮食总产量 is already");
}

#[test]
fn synonym_claimed_by_two_names_fails_with_file_and_line() {
    let edit = |t: &str| t.replace("synonyms = [\"粮食产量\"]", "synonyms = [\"粮食产量\", \"社零\"]");
    edit_fails("indicators.toml", edit, "\"粮食产量\", \"社零\"", 0, "社零 is claimed by 社会消费品零售总额");
}

#[test]
fn unknown_unit_family_fails_with_file_and_line() {
    let edit = |t: &str| t.replacen("units = [\"mass\"]", "units = [\"weight\"]", 1);
    edit_fails("indicators.toml", edit, "units = [\"weight\"]", 0, "unknown unit family \"weight\"");
}

#[test]
fn canonical_name_not_in_normal_form_and_failing_examples_are_refused() {
    let edit = |t: &str| t.replace("name = \"规上工业增加值\"", "name = \"规模以上工业增加值\"");
    edit_fails("indicators.toml", edit, "name = \"规模以上工业增加值\"", 0, "not in normal form");
    let edit = |t: &str| t.replace("[\"江苏省\", \"江苏\"]", "[\"江苏省\", \"苏\"]");
    edit_fails("places.toml", edit, "id = \"short.province\"", 0, "江苏省 should give 苏");
    let edit = |t: &str| t.replace("[\"day\", \"2\", \"48\"]", "[\"day\", \"2\", \"49\"]");
    edit_fails("indicators.toml", edit, "id = \"duration\"", 0, "family duration: 2 day should be 49 h");
}

#[test]
fn claims_csv_has_keys_publisher_and_url_columns() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "2024年1-7月江苏省经济运行情况\n发布时间：2024-08-15  来源：江苏省统计局\n今年1-7月，全省规模以上工业增加值同比增长8.2%。\n",
    )
    .unwrap();
    let out = tmp.path().join("o");
    let o = run_with(&root().join("patterns"), &["-q", "run", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = std::fs::read_to_string(out.join("claims.csv")).unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| row[header.iter().position(|h| *h == name).unwrap_or_else(|| panic!("no column {name}"))];
    assert_eq!(col("metric"), "规模以上工业增加值");
    assert_eq!(col("indicator"), "规上工业增加值");
    assert_eq!((col("place"), col("place_code")), ("江苏省", "320000"));
    assert_eq!((col("period_start"), col("period_end"), col("period_kind")), ("2024-01-01", "2024-07-31", "ytd"));
    assert_eq!((col("publisher"), col("url")), ("江苏省统计局", ""));
}
