//! `lockorder graph`: the order graph in dot and Mermaid (snapshots), and JSON edges
//! filtered to one class's neighbourhood.

use std::path::Path;
use std::process::{Command, Output};

fn graph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lockorder"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/lock_order_cycle"))
        .arg("graph")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(graph(args).stdout).unwrap()
}

#[test]
fn dot_highlights_cycle_edges() {
    insta::assert_snapshot!(stdout(&["article_semaphores.c", "three_lock_cycle.c"]));
}

#[test]
fn mermaid() {
    insta::assert_snapshot!(stdout(&["--format", "mermaid", "article_semaphores.c"]));
}

#[test]
fn json_neighbourhood_of_one_lock() {
    let out = stdout(&[
        "--format",
        "json",
        "--lock",
        "sem1",
        "article_semaphores.c",
        "three_lock_cycle.c",
    ]);
    let edges: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(edges.len(), 2, "{out}");
    for e in &edges {
        assert!(e["from"] == "sem1" || e["to"] == "sem1", "{e}");
        assert_eq!(e["in_cycle"], true);
        assert!(e["witness"].is_string() && e["line"].as_u64().unwrap() > 0);
    }
    let missing = graph(&["--lock", "no_such_lock", "article_semaphores.c"]);
    assert_eq!(missing.status.code(), Some(2));
}
