//! The machine formats, byte for byte: gcc, github and sarif on corpus cases and on
//! scratch files that exercise escaping and the one-line column rule; the SARIF log
//! checked against the 2.1.0 schema's types and GitHub code scanning's required fields;
//! and `--changed-since` in a scratch git repository.

use std::path::{Path, PathBuf};
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

fn stdout(dir: &Path, args: &[&str]) -> String {
    String::from_utf8(run(dir, args).stdout).unwrap()
}

fn corpus(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(sub)
}

/// A scratch directory that is its own project (a `lockorder.toml` marks the root).
fn scratch(name: &str) -> TempDir {
    common::scratch_project(&format!("formats-{name}"))
}

/// An inversion whose second acquisition spans two lines, in a file whose name needs
/// escaping in a workflow command property.
const SPLIT: &str = "static DEFINE_MUTEX(a_lock);
static DEFINE_MUTEX(b_lock);

void take_ab(void)
{
\tmutex_lock(&a_lock);
\tmutex_lock(&b_lock);
\tmutex_unlock(&b_lock);
\tmutex_unlock(&a_lock);
}

void take_ba(void)
{
\tmutex_lock(&b_lock);
\tmutex_lock(
\t\t&a_lock);
\tmutex_unlock(&a_lock);
\tmutex_unlock(&b_lock);
}
";

#[test]
fn gcc_lines() {
    insta::assert_snapshot!(stdout(
        &corpus("lock_order_cycle"),
        &["check", "--format", "gcc", "article_semaphores.c"]
    ));
}

#[test]
fn github_annotations_on_a_call_chain() {
    insta::assert_snapshot!(stdout(
        &corpus("lock_order_cycle"),
        &["check", "--format", "github", "through_three_calls.c"]
    ));
}

#[test]
fn github_escapes_properties_and_drops_columns_of_multi_line_spans() {
    let tmp = scratch("github");
    let dir = tmp.path();
    std::fs::write(dir.join("a,b%c.c"), SPLIT).unwrap();
    let out = stdout(dir, &["check", "--format", "github", "."]);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with(
            "::error file=a%2Cb%25c.c,line=15,endLine=16,title=LO001 lock-order-cycle::"
        ),
        "{first}"
    );
    assert!(!first.contains(",col="), "{first}");
    assert!(
        first.contains("%0A"),
        "related sites fold into the message: {first}"
    );
    assert!(
        out.lines()
            .last()
            .unwrap()
            .starts_with("lockorder: 1 errors"),
        "{out}"
    );
}

#[test]
fn sarif_log() {
    insta::assert_snapshot!(stdout(
        &corpus("lock_order_cycle"),
        &["check", "--format", "sarif", "through_three_calls.c"]
    ));
}

#[test]
fn sarif_fits_the_schema_and_github_code_scanning() {
    let out = stdout(
        &corpus("lock_order_cycle"),
        &[
            "check",
            "--format",
            "sarif",
            "through_three_calls.c",
            "article_semaphores.c",
        ],
    );
    // Deserialising into the schema-generated types checks names, nesting and types.
    let typed: serde_sarif::sarif::Sarif = serde_json::from_str(&out).expect("valid SARIF 2.1.0");
    assert_eq!(typed.runs.len(), 1);

    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let driver = &v["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "lockorder");
    assert!(driver["version"].is_string());
    assert!(driver["informationUri"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    for rule in driver["rules"].as_array().unwrap() {
        for key in ["id", "name"] {
            assert!(rule[key].is_string(), "{rule}");
        }
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(rule[key]["text"].is_string(), "{rule}");
        }
        assert!(rule["defaultConfiguration"]["level"].is_string(), "{rule}");
    }
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    for r in results {
        assert!(r["ruleId"].is_string());
        assert!(r["message"]["text"].is_string());
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.starts_with("tests/corpus/"),
            "project-root relative: {uri}"
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(r["partialFingerprints"]["lockorderFingerprint/v1"].is_string());
        assert!(!r["relatedLocations"].as_array().unwrap().is_empty());
    }
    let chained = results
        .iter()
        .find(|r| r["codeFlows"].is_array())
        .expect("a code flow");
    let steps = chained["codeFlows"][0]["threadFlows"][0]["locations"]
        .as_array()
        .unwrap();
    assert_eq!(steps.len(), 4, "the call site, then three steps down");
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

#[test]
fn changed_since_reports_only_findings_on_changed_lines() {
    let tmp = scratch("changed");
    let dir = tmp.path();
    git(dir, &["init", "-q", "-b", "main"]);
    // An old inversion, committed before the branch point.
    let old = SPLIT
        .replace("a_lock", "c_lock")
        .replace("b_lock", "d_lock")
        .replace("take_", "old_");
    std::fs::write(dir.join("old.c"), &old).unwrap();
    std::fs::write(
        dir.join("new.c"),
        "static DEFINE_MUTEX(a_lock);\nstatic DEFINE_MUTEX(b_lock);\n\nvoid take_ab(void)\n{\n\tmutex_lock(&a_lock);\n\tmutex_lock(&b_lock);\n\tmutex_unlock(&b_lock);\n\tmutex_unlock(&a_lock);\n}\n",
    )
    .unwrap();
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "base"]);
    let all = stdout(dir, &["check", "--format", "concise", "."]);
    assert_eq!(all.lines().count(), 1, "{all}");

    // The working tree adds the opposite order to new.c: a new cycle.
    let mut text = std::fs::read_to_string(dir.join("new.c")).unwrap();
    text.push_str("\nvoid take_ba(void)\n{\n\tmutex_lock(&b_lock);\n\tmutex_lock(&a_lock);\n\tmutex_unlock(&a_lock);\n\tmutex_unlock(&b_lock);\n}\n");
    std::fs::write(dir.join("new.c"), text).unwrap();
    let out = run(
        dir,
        &[
            "check",
            "--format",
            "concise",
            "--changed-since",
            "HEAD",
            ".",
        ],
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{s}");
    assert_eq!(s.lines().count(), 1, "only the new cycle: {s}");
    assert!(s.starts_with("new.c:"), "{s}");

    // Nothing changed since the working tree's own state: nothing to report.
    git(dir, &["commit", "-q", "-am", "more"]);
    let out = run(
        dir,
        &[
            "check",
            "--format",
            "concise",
            "--changed-since",
            "HEAD",
            ".",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());

    let bad = run(dir, &["check", "--changed-since", "no-such-rev", "."]);
    assert_eq!(bad.status.code(), Some(2));
}
