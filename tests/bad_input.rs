//! Bad input never costs the run: each case below sits beside a real bug, gets at most a
//! one-line warning naming its path, and the bug is still reported with DESIGN.md's exit
//! status. Inputs are generated at test time.

use std::path::Path;
use std::process::{Command, Output};
use tempfile::TempDir;

mod common;

const BUG: &str = "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n\
void ab(void) { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }\n\
void ba(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n";

/// A directory removed when the test ends, holding one real finding (`bug.c`).
fn scratch(name: &str) -> TempDir {
    let dir = common::scratch_dir(&format!("bad-input-{name}"));
    std::fs::write(dir.path().join("bug.c"), BUG).unwrap();
    dir
}

fn check(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lockorder"))
        .current_dir(dir)
        .args(["check", "--format", "concise"])
        .args(args)
        .output()
        .unwrap()
}

/// The bug is still found, the exit status is `code`, and stderr has exactly the
/// expected one-line warnings, each naming `path`.
fn assert_survives(out: &Output, code: i32, path: &str, warnings: usize) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("bug.c") && stdout.contains("LO001"),
        "the other file's finding is lost:\n{stdout}\n{stderr}"
    );
    assert_eq!(out.status.code(), Some(code), "stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(path)).collect();
    assert_eq!(
        lines.len(),
        warnings,
        "expected {warnings} line(s) naming {path}:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn binary_file_named_c_is_skipped_with_a_warning() {
    let tmp = scratch("binary");
    let dir = tmp.path();
    std::fs::write(
        dir.join("blob.c"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 0xff, 0],
    )
    .unwrap();
    let out = check(dir, &["."]);
    assert_survives(&out, 1, "blob.c", 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
}

#[test]
fn invalid_utf8_is_read_with_a_warning_and_still_analysed() {
    let tmp = scratch("utf8");
    let dir = tmp.path();
    let mut src = b"/* caf\xe9 */\n".to_vec();
    src.extend_from_slice(b"static DEFINE_SPINLOCK(x);\nstatic DEFINE_SPINLOCK(y);\nvoid f(void) { spin_lock(&x); spin_lock(&y); spin_unlock(&y); spin_unlock(&x); }\nvoid g(void) { spin_lock(&y); spin_lock(&x); spin_unlock(&x); spin_unlock(&y); }\n");
    std::fs::write(dir.join("latin1.c"), src).unwrap();
    let out = check(dir, &["."]);
    assert_survives(&out, 1, "latin1.c", 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
    // Still analysed: its own inversion is found too.
    assert!(String::from_utf8_lossy(&out.stdout).contains("latin1.c:"));
}

#[test]
fn empty_file_and_directory_without_sources_are_quiet() {
    let tmp = scratch("empty");
    let dir = tmp.path();
    std::fs::write(dir.join("empty.c"), "").unwrap();
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::write(dir.join("docs/README"), "nothing to see").unwrap();
    assert_survives(&check(dir, &["."]), 1, "empty.c", 0);
    let none = check(&dir.join("docs"), &["."]);
    assert_eq!(none.status.code(), Some(0));
    assert!(none.stdout.is_empty() && none.stderr.is_empty());
}

#[test]
fn file_over_the_size_limit_is_skipped_with_a_warning() {
    let tmp = scratch("huge");
    let dir = tmp.path();
    let line = "int filler_variable_with_a_long_name;\n";
    std::fs::write(
        dir.join("huge.c"),
        line.repeat(50 * 1024 * 1024 / line.len()),
    )
    .unwrap();
    let out = check(dir, &["."]);
    assert_survives(&out, 1, "huge.c", 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-file-size"));
}

#[test]
fn single_ten_megabyte_line_is_parsed() {
    let tmp = scratch("longline");
    let dir = tmp.path();
    let body = "x = x + 1; ".repeat(10 * 1024 * 1024 / 11);
    std::fs::write(dir.join("long.c"), format!("void f(int x) {{ {body} }}")).unwrap();
    assert_survives(&check(dir, &["."]), 1, "long.c", 0);
}

#[test]
fn deep_nesting_degrades_with_a_warning() {
    let tmp = scratch("deep");
    let dir = tmp.path();
    let n = 100_000;
    std::fs::write(
        dir.join("braces.c"),
        format!(
            "void f(void) {}spin_lock(&l);{}\n",
            "{".repeat(n),
            "}".repeat(n)
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("parens.c"),
        format!(
            "int g(void) {{ return {}1{}; }}\n",
            "(".repeat(n),
            ")".repeat(n)
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("ifs.c"),
        format!(
            "void h(int x) {{ {} spin_lock(&l); }}\n",
            "if (x) ".repeat(n)
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("ands.c"),
        format!(
            "void k(int x) {{ if ({}) spin_lock(&l); }}\n",
            vec!["x"; n].join(" && ")
        ),
    )
    .unwrap();
    let out = check(dir, &["."]);
    for f in ["braces.c", "parens.c", "ifs.c", "ands.c"] {
        assert_survives(&out, 1, f, 1);
    }
    assert!(String::from_utf8_lossy(&out.stderr).contains("nests too deeply"));
}

#[test]
fn symlink_loop_is_not_followed() {
    let tmp = scratch("symlinks");
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    let out = check(dir, &["."]);
    assert_survives(&out, 1, "up", 0);
}

#[test]
fn missing_path_exits_2_and_the_rest_is_still_checked() {
    let tmp = scratch("missing");
    let dir = tmp.path();
    let out = check(dir, &["no/such/dir", "bug.c"]);
    assert_survives(&out, 2, "no/such/dir", 1);
}

#[test]
fn rust_source_in_a_c_file_degrades_quietly() {
    let tmp = scratch("rust-in-c");
    let dir = tmp.path();
    std::fs::write(dir.join("lib.c"), "use std::sync::Mutex;\nfn main() { let m = Mutex::new(0); let g = m.lock().unwrap(); drop(g); }\n").unwrap();
    assert_survives(&check(dir, &["."]), 1, "lib.c", 0);
}

/// A panic while lowering or analysing one function loses that function only: it is
/// reported on stderr with its file and name, the rest is still checked, and the exit
/// status is 2. Debug builds inject the panic (`LOCKORDER_INJECT_PANIC`).
#[test]
fn a_panic_in_one_function_is_contained() {
    let tmp = scratch("panic");
    let dir = tmp.path();
    std::fs::write(
        dir.join("victim.c"),
        "static DEFINE_SPINLOCK(v);\nvoid victim(void)\n{\n\tspin_lock(&v);\n\tspin_lock(&v);\n}\n\nvoid bystander(void)\n{\n\tspin_lock(&v);\n\tspin_lock(&v);\n}\n",
    )
    .unwrap();
    for phase in ["lower", "analyse"] {
        let out = Command::new(env!("CARGO_BIN_EXE_lockorder"))
            .current_dir(dir)
            .env("LOCKORDER_INJECT_PANIC", format!("{phase}:victim"))
            .args(["check", "--no-cache", "--format", "concise", "."])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{phase}: {stderr}");
        let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
        assert_eq!(errors.len(), 1, "{phase}: {stderr}");
        assert!(
            errors[0].contains("victim.c") && errors[0].contains("`victim`"),
            "{phase}: {stderr}"
        );
        assert!(errors[0].contains("injected panic"), "{stderr}");
        // The other function of the file and the other file are still checked.
        assert!(stdout.contains("victim.c:11:"), "{phase}: {stdout}");
        assert!(!stdout.contains("victim.c:5:"), "{phase}: {stdout}");
        assert!(
            stdout.contains("bug.c") && stdout.contains("LO001"),
            "{stdout}"
        );
    }
}

#[test]
fn an_unreadable_file_is_one_warning() {
    let tmp = scratch("unreadable");
    let dir = tmp.path();
    // A dangling symbolic link named on the command line: it cannot be read, whoever
    // runs the test (root reads files whatever their mode).
    #[cfg(unix)]
    std::os::unix::fs::symlink("nowhere.c", dir.join("gone.c")).unwrap();
    let out = check(dir, &["gone.c", "bug.c"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout_has_bug(&out), "{stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("gone.c")).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(!stderr.contains("panicked"));
}

fn stdout_has_bug(out: &Output) -> bool {
    let stdout = String::from_utf8_lossy(&out.stdout);
    stdout.contains("bug.c") && stdout.contains("LO001")
}

#[test]
fn a_malformed_rule_file_is_located_and_exits_2() {
    let tmp = scratch("bad-rules");
    let dir = tmp.path();
    std::fs::write(
        dir.join("lockorder.toml"),
        "rule_files = [\"my-rules.toml\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("my-rules.toml"),
        "[[api]]\nname = \"foo_lock\"\nop = \"acquire\"\nkind = \"mutex\"\nlock = \"{0}\"\n\n[[api]]\nname = = \"broken\"\n",
    )
    .unwrap();
    let out = check(dir, &["."]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("my-rules.toml:8:"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn deep_nesting_in_rust_is_skipped_with_a_warning() {
    let tmp = scratch("deep-rust");
    let dir = tmp.path();
    let n = 100_000;
    std::fs::write(
        dir.join("braces.rs"),
        format!(
            "fn f() {}let _g = M.lock();{}\n",
            "{".repeat(n),
            "}".repeat(n)
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("parens.rs"),
        format!("fn g() -> u32 {{ {}1{} }}\n", "(".repeat(n), ")".repeat(n)),
    )
    .unwrap();
    std::fs::write(
        dir.join("ifs.rs"),
        format!(
            "fn h(x: bool) {{ {}{{}}{} }}\n",
            "if x { ".repeat(n),
            " }".repeat(n)
        ),
    )
    .unwrap();
    let out = check(dir, &["."]);
    for f in ["braces.rs", "parens.rs", "ifs.rs"] {
        assert_survives(&out, 1, f, 1);
    }
}
