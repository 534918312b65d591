//! The command line's contracts (DESIGN.md): the JSON fields and locations of the article's
//! inversion, exit statuses, and byte-identical output whatever the thread count.

use std::path::Path;
use std::process::{Command, Output};

fn lockorder(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lockorder"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn corpus() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus"))
}

#[test]
fn article_inversion_is_one_finding_on_the_four_acquisitions() {
    let dir = corpus().join("lock_order_cycle");
    let out = lockorder(&dir, &["check", "--format", "json", "article_semaphores.c"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    let f: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(f["code"], "LO001");
    assert_eq!(f["rule"], "lock-order-cycle");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["file"], "article_semaphores.c");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(27), Some(2))
    );
    assert_eq!(
        (f["end_line"].as_u64(), f["end_column"].as_u64()),
        (Some(27), Some(13))
    );
    assert_eq!(f["function"], "another_function");
    assert_eq!(f["locks"], serde_json::json!(["sem2", "sem1"]));
    let related: Vec<(u64, &str)> = f["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["function"].as_str().unwrap()))
        .collect();
    assert_eq!(
        related,
        vec![
            (26, "another_function"),
            (16, "bad_function"),
            (17, "bad_function")
        ]
    );
    let message = f["message"].as_str().unwrap();
    for name in ["sem1", "sem2", "bad_function"] {
        assert!(message.contains(name), "{message}");
    }
    assert!(f["help"]
        .as_str()
        .unwrap()
        .contains("acquire `sem1` before `sem2` in `another_function`"));
    assert!(f["notes"][0].as_str().unwrap().contains("CPU0"));
    assert_eq!(f["fingerprint"].as_str().unwrap().len(), 16);
}

#[test]
fn fixed_article_is_clean_and_silent() {
    let dir = corpus().join("lock_order_cycle");
    let out = lockorder(
        &dir,
        &["check", "--format", "json", "article_semaphores_fixed.c"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn fingerprints_do_not_depend_on_the_working_directory() {
    let dir = corpus().join("lock_order_cycle");
    let a = lockorder(&dir, &["check", "--format", "json", "article_semaphores.c"]);
    let b = lockorder(
        corpus(),
        &[
            "check",
            "--format",
            "json",
            "lock_order_cycle/article_semaphores.c",
        ],
    );
    let fp = |o: &Output| -> String {
        let v: serde_json::Value =
            serde_json::from_slice(o.stdout.split(|&c| c == b'\n').next().unwrap()).unwrap();
        v["fingerprint"].as_str().unwrap().to_string()
    };
    assert_eq!(fp(&a), fp(&b));
}

#[test]
fn output_is_identical_for_every_thread_count() {
    for format in ["json", "full", "concise"] {
        let one = lockorder(
            corpus(),
            &["check", "--format", format, "--threads", "1", "."],
        );
        let four = lockorder(
            corpus(),
            &["check", "--format", format, "--threads", "4", "."],
        );
        assert!(!one.stdout.is_empty());
        assert_eq!(one.stdout, four.stdout, "--format {format}");
        assert_eq!(one.status.code(), four.status.code());
    }
}

#[test]
fn missing_path_exits_2_but_still_reports_the_rest() {
    let dir = corpus().join("lock_order_cycle");
    let out = lockorder(
        &dir,
        &[
            "check",
            "--format",
            "concise",
            "no-such-file.c",
            "article_semaphores.c",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-file.c"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[LO001]"));
}

#[test]
fn usage_error_exits_2() {
    let out = lockorder(corpus(), &["check", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rule_documentation_is_the_check_doc_comment() {
    let out = lockorder(corpus(), &["rule", "LO001"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for section in [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## How to fix",
    ] {
        assert!(text.contains(section), "{text}");
    }
    let by_name = lockorder(corpus(), &["rule", "lock-order-cycle"]);
    assert_eq!(by_name.stdout, text.as_bytes());
    let rules = String::from_utf8(lockorder(corpus(), &["rules"]).stdout).unwrap();
    for code in ["LO001", "LO002", "LO003", "LO004"] {
        assert!(rules.contains(code), "{rules}");
    }
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    // `lockorder dump-ir f.c | head`: the reader is gone before the output is written.
    for args in [
        &["dump-ir", "unreleased_lock/returned_lock_pointer.c"][..],
        &["rules"][..],
        &["rule", "LO004"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lockorder"))
            .current_dir(corpus())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stderr.is_empty(), "{args:?}");
    }
}
