//! `lockorder.toml`: declared order (LO008), severities, `[[ignore]]` entries and their
//! unused report, `--select`/`--ignore`, include/exclude globs, and located errors; a
//! Linux tree's configuration.

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

const TWO_ORDERS: &str = "static DEFINE_MUTEX(big_lock);\nstatic DEFINE_MUTEX(small_lock);\n\nvoid take_bs(void)\n{\n\tmutex_lock(&big_lock);\n\tmutex_lock(&small_lock);\n\tmutex_unlock(&small_lock);\n\tmutex_unlock(&big_lock);\n}\n\nvoid take_sb(void)\n{\n\tmutex_lock(&small_lock);\n\tmutex_lock(&big_lock);\n\tmutex_unlock(&big_lock);\n\tmutex_unlock(&small_lock);\n}\n";

fn project(name: &str, config: &str) -> TempDir {
    let tmp = common::scratch_dir(&format!("config-{name}"));
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("vendor")).unwrap();
    std::fs::write(dir.join("a.c"), TWO_ORDERS).unwrap();
    std::fs::write(
        dir.join("vendor/b.c"),
        TWO_ORDERS
            .replace("big_lock", "big_vlock")
            .replace("small_lock", "small_vlock"),
    )
    .unwrap();
    std::fs::write(dir.join("lockorder.toml"), config).unwrap();
    tmp
}

fn concise(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn declared_order_severity_and_exclude() {
    let dir = project(
        "order",
        "exclude = [\"vendor/**\"]\norder = [[\"a.c::small_lock\", \"a.c::big_lock\"]]\n\n[rules]\nseverity = { LO001 = \"note\" }\n",
    );
    let out = run(dir.path(), &["check", "--format", "concise", "."]);
    let s = concise(&out);
    assert!(s.contains("a.c:7:2: error[LO008]"), "{s}");
    assert!(s.contains("note[LO001]"), "{s}");
    assert!(!s.contains("vendor"), "{s}");
    assert_eq!(out.status.code(), Some(1));
    // Only the note left: exit 0.
    let notes = run(dir.path(), &["check", "--ignore", "LO008", "."]);
    assert_eq!(notes.status.code(), Some(0), "{}", concise(&notes));
    let none = run(
        dir.path(),
        &[
            "check",
            "--select",
            "double-lock",
            "--format",
            "concise",
            ".",
        ],
    );
    assert!(concise(&none).is_empty());
}

#[test]
fn ignore_entries_and_unused_ones() {
    let dir = project(
        "ignore",
        "[[ignore]]\ncode = \"LO001\"\nfile = \"a.c\"\nlocks = [\"a.c::big_lock\"]\nreason = \"reviewed\"\n\n[[ignore]]\ncode = \"LO002\"\nfunction = \"nowhere\"\nreason = \"stale\"\n",
    );
    let out = run(dir.path(), &["check", "--format", "concise", "."]);
    let s = concise(&out);
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 2, "{s}");
    assert!(lines[0].starts_with("vendor/b.c:"), "{s}");
    assert!(
        lines[1].starts_with("lockorder.toml:7:1: warning[LO900]"),
        "{s}"
    );
}

#[test]
fn config_errors_are_located_and_exit_2() {
    for (text, at) in [
        (
            "[rules]\nseverity = { LO001 = \"loud\" }\n",
            "lockorder.toml:2:",
        ),
        ("[rules]\nselect = [\"LO777\"]\n", "lockorder.toml:2:"),
        ("colour = true\n", "lockorder.toml:1:"),
        (
            "[[ignore]]\ncode = \"LO001\"\nreason = \"\"\n",
            "lockorder.toml:1:",
        ),
    ] {
        let dir = project("errors", text);
        let out = run(dir.path(), &["check", "."]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(at), "{text}: {err}");
    }
}

/// A Linux tree's `#if`s on configuration symbols keep the branch that is built: its
/// `.config` decides, else the defaults for the architecture (64-bit x86: no highmem),
/// else the first branch. `kunmap_page()` may sleep only with highmem.
#[test]
fn kernel_configuration_decides_conditionals() {
    let tmp = common::scratch_dir("config-kconfig");
    let dir = tmp.path();
    for d in ["arch/x86", "arch/arm", "kernel"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    std::fs::write(dir.join("Kbuild"), "").unwrap();
    std::fs::write(dir.join("Kconfig"), "").unwrap();
    std::fs::write(
        dir.join("kernel/map.c"),
        "#ifdef CONFIG_HIGHMEM\nstatic inline void kunmap_page(void *p)\n{\n\tmight_sleep();\n}\n#else\nstatic inline void kunmap_page(void *p) { }\n#endif\n\nstatic DEFINE_SPINLOCK(map_lock);\n\nvoid unmap_locked(void *p)\n{\n\tspin_lock(&map_lock);\n\tkunmap_page(p);\n\tspin_unlock(&map_lock);\n}\n",
    )
    .unwrap();
    let check = |arch: &str| {
        let out = run(
            dir,
            &[
                "check",
                "--no-cache",
                "--format",
                "concise",
                "--arch",
                arch,
                "kernel",
            ],
        );
        concise(&out)
    };
    assert_eq!(check("x86"), "", "x86_64 has no highmem");
    assert!(check("arm").contains("LO005"), "unknown: the first branch");
    std::fs::write(dir.join(".config"), "CONFIG_HIGHMEM=y\n").unwrap();
    assert!(check("x86").contains("LO005"), ".config sets it");
    std::fs::write(dir.join(".config"), "# CONFIG_HIGHMEM is not set\n").unwrap();
    assert_eq!(check("arm"), "", ".config leaves it unset");
}
