//! `--write-baseline` and `--baseline`: accepted findings stay quiet, new ones fail the
//! run, fixed ones are listed as stale, a broken baseline is a located error.

use std::path::Path;
use std::process::{Command, Output};
use tempfile::TempDir;

mod common;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lockorder"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn scratch(name: &str) -> TempDir {
    common::scratch_project(&format!("baseline-{name}"))
}

fn inversion(a: &str, b: &str) -> String {
    format!(
        "static DEFINE_MUTEX({a});\nstatic DEFINE_MUTEX({b});\n\nvoid {a}_first(void)\n{{\n\tmutex_lock(&{a});\n\tmutex_lock(&{b});\n\tmutex_unlock(&{b});\n\tmutex_unlock(&{a});\n}}\n\nvoid {b}_first(void)\n{{\n\tmutex_lock(&{b});\n\tmutex_lock(&{a});\n\tmutex_unlock(&{a});\n\tmutex_unlock(&{b});\n}}\n"
    )
}

#[test]
fn only_new_findings_fail_and_fixed_ones_are_stale() {
    let tmp = scratch("flow");
    let dir = tmp.path();
    std::fs::write(dir.join("old.c"), inversion("old_a", "old_b")).unwrap();
    let w = run(dir, &["check", "--write-baseline", "base.json", "."]);
    assert_eq!(w.status.code(), Some(0), "{w:?}");
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("base.json")).unwrap()).unwrap();
    assert_eq!(base["entries"].as_array().unwrap().len(), 1);
    assert_eq!(base["entries"][0]["code"], "LO001");
    assert_eq!(base["entries"][0]["count"], 1);

    let quiet = run(
        dir,
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "concise",
            ".",
        ],
    );
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stdout.is_empty());

    // Lines move: the baseline still matches (fingerprints ignore lines).
    std::fs::write(
        dir.join("old.c"),
        format!("\n\n{}", inversion("old_a", "old_b")),
    )
    .unwrap();
    std::fs::write(dir.join("new.c"), inversion("new_a", "new_b")).unwrap();
    let new = run(
        dir,
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "concise",
            ".",
        ],
    );
    let out = String::from_utf8(new.stdout).unwrap();
    assert_eq!(new.status.code(), Some(1));
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("new.c:"), "{out}");

    std::fs::remove_file(dir.join("old.c")).unwrap();
    std::fs::remove_file(dir.join("new.c")).unwrap();
    std::fs::write(dir.join("fine.c"), "void f(void) { }\n").unwrap();
    let stale = run(dir, &["check", "--baseline", "base.json", "."]);
    assert_eq!(stale.status.code(), Some(0));
    let err = String::from_utf8(stale.stderr).unwrap();
    assert!(err.contains("1 stale baseline entries"), "{err}");
    assert!(err.contains("LO001"), "{err}");
}

#[test]
fn a_broken_baseline_is_located_and_exits_2() {
    let tmp = scratch("broken");
    let dir = tmp.path();
    std::fs::write(dir.join("a.c"), "void f(void) { }\n").unwrap();
    std::fs::write(
        dir.join("base.json"),
        "{\n  \"version\": 1,\n  \"entries\": [ { \"code\": 1 } ]\n}\n",
    )
    .unwrap();
    let out = run(dir, &["check", "--baseline", "base.json", "."]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("base.json:3:"), "{err}");
}
