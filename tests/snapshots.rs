//! Snapshots of the human (`full`) rendering of corpus cases, so the format cannot drift
//! silently. Review changes with `cargo insta review` (or `INSTA_UPDATE=always`).

use std::path::Path;
use std::process::Command;

fn full(dir: &str, args: &[&str]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(dir);
    let out = Command::new(env!("CARGO_BIN_EXE_lockorder"))
        .current_dir(root)
        .args(["check", "--format", "full", "--color", "never"])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn two_lock_inversion() {
    insta::assert_snapshot!(full("lock_order_cycle", &["article_semaphores.c"]));
}

#[test]
fn minority_order_with_two_majority_witnesses() {
    insta::assert_snapshot!(full("lock_order_cycle", &["mutex_minority_order.c"]));
}

#[test]
fn three_lock_cycle_across_files() {
    insta::assert_snapshot!(full("lock_order_cycle/three_file_cycle", &["."]));
}

#[test]
fn inversion_through_accessors() {
    insta::assert_snapshot!(full("lock_order_cycle", &["accessor_and_container_of.c"]));
}

#[test]
fn double_lock() {
    insta::assert_snapshot!(full("double_lock", &["spin_same_twice.c"]));
}

#[test]
fn unreleased_lock_with_cleanup_label() {
    insta::assert_snapshot!(full("unreleased_lock", &["goto_ladder.c"]));
}

#[test]
fn unreleased_lock_with_unlock_to_add() {
    insta::assert_snapshot!(full("unreleased_lock", &["early_return.c"]));
}

#[test]
fn unbalanced_unlock() {
    insta::assert_snapshot!(full("unbalanced_unlock", &["goto_double_unlock.c"]));
}

#[test]
fn inversion_through_a_three_call_chain() {
    insta::assert_snapshot!(full("lock_order_cycle", &["through_three_calls.c"]));
}
