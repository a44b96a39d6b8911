//! The executable is self-contained: a copy of it in a folder without `patterns/` and without
//! `$PRESSMINE_PATTERNS` runs with its built-in rules and gives the committed output;
//! `patterns export` writes those rules out, and the exported folder gives the same
//! fingerprint (a second run reuses every document).

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built binary copied into `dir`, run from `cwd` with no patterns in the environment.
fn installed(bin: &Path, cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin).current_dir(cwd).env_remove("PRESSMINE_PATTERNS").args(args).output().unwrap()
}

#[test]
fn a_copied_binary_runs_anywhere_with_its_built_in_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let bin_dir = tmp.path().join("bin");
    let work = tmp.path().join("work");
    std::fs::create_dir_all(&bin_dir).unwrap();
    std::fs::create_dir_all(work.join("pages/own")).unwrap();
    let bin = bin_dir.join("pressmine");
    std::fs::copy(env!("CARGO_BIN_EXE_pressmine"), &bin).unwrap();
    let pages = ["press-briefing.html", "stats-release-gbk.html", "bulletin.txt"];
    for p in pages {
        std::fs::copy(root().join("corpus/own").join(p), work.join("pages/own").join(p)).unwrap();
    }

    let o = installed(&bin, &work, &["run", "pages", "-o", "out"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(stderr.contains("3 documents ok (0 reused)"), "{stderr}");
    for p in pages {
        let doc = format!("docs/own/{p}.json");
        assert_eq!(
            std::fs::read(work.join("out").join(&doc)).unwrap(),
            std::fs::read(root().join("output").join(&doc)).unwrap(),
            "{doc} differs from the committed output"
        );
    }

    // Exported rules are the repository's, and give the same fingerprint: nothing is redone.
    let o = installed(&bin, &work, &["patterns", "export", "rules"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for name in pressmine::patterns::FILES.iter().chain(pressmine::patterns::DOC_FILES) {
        assert_eq!(
            std::fs::read(work.join("rules").join(name)).unwrap(),
            std::fs::read(root().join("patterns").join(name)).unwrap(),
            "{name}"
        );
    }
    let o = installed(&bin, &work, &["--patterns", "rules", "run", "pages", "-o", "out"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success() && stderr.contains("3 documents ok (3 reused)"), "{stderr}");

    // ./patterns is used when it holds claims.toml; an edited rule changes the fingerprint.
    std::fs::rename(work.join("rules"), work.join("patterns")).unwrap();
    let dict = work.join("patterns/dict.txt");
    let text = std::fs::read_to_string(&dict).unwrap();
    std::fs::write(&dict, format!("{text}\n新造词语 5 n\n")).unwrap();
    let o = installed(&bin, &work, &["run", "pages", "-o", "out"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success() && stderr.contains("3 documents ok (0 reused)"), "{stderr}");

    // Export refuses to overwrite without --force, and names what is there.
    let o = installed(&bin, &work, &["patterns", "export", "patterns"]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("already holds claims.toml") && stderr.contains("--force"), "{stderr}");
    let o = installed(&bin, &work, &["patterns", "export", "patterns", "--force"]);
    assert!(o.status.success());
    assert_eq!(std::fs::read_to_string(&dict).unwrap(), text);

    // An explicit folder that is no patterns folder fails, with no fallback.
    let o = installed(&bin, &work, &["--patterns", "pages", "run", "pages", "-o", "out2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a patterns folder"));
}
