//! The cache of per-file facts and the run record: a warm run gives the cold run's output
//! byte for byte, re-parses only what changed (and what depends on a changed header
//! macro), ignores corrupt or foreign entries, and writes nothing into the checked tree.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

mod common;

struct Run {
    out: Output,
    stats: String,
}

fn run(dir: &Path, cache: &Path, extra: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_lockorder"))
        .current_dir(dir)
        .args(["check", "--format", "json", "--statistics", "--cache-dir"])
        .arg(cache)
        .args(extra)
        .arg(".")
        .output()
        .unwrap();
    let stats = String::from_utf8_lossy(&out.stderr).into_owned();
    Run { out, stats }
}

/// The `cache:` line of `--statistics`, spaces collapsed.
fn cache_line(stats: &str) -> String {
    let line = stats
        .lines()
        .find(|l| l.trim_start().starts_with("cache:"))
        .unwrap_or_else(|| panic!("no cache line in {stats}"));
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn reused(stats: &str) -> bool {
    stats.contains("results are reused")
}

/// A checked tree and a cache directory beside it, both removed when the test ends.
fn scratch(name: &str) -> (TempDir, PathBuf, PathBuf) {
    let base = common::scratch_dir(&format!("cache-{name}"));
    let tree = base.path().join("tree");
    std::fs::create_dir_all(&tree).unwrap();
    std::fs::write(tree.join("lockorder.toml"), "").unwrap();
    let cache = base.path().join("cache");
    (base, tree, cache)
}

const WRAPPER_H: &str = "#define foo_lock(f) mutex_lock(&(f)->lock)\n#define foo_unlock(f) mutex_unlock(&(f)->lock)\nstruct foo { struct mutex lock; };\n";
const NOT_A_WRAPPER_H: &str = "#define foo_lock(f) foo_count(f)\n#define foo_unlock(f) foo_count(f)\nstruct foo { struct mutex lock; };\n";

/// Locks twice through the header's macro: a double lock only while the macro is a lock.
const TWICE_C: &str = "#include \"foo.h\"\n\nvoid foo_twice(struct foo *f)\n{\n\tfoo_lock(f);\n\tfoo_lock(f);\n\tfoo_unlock(f);\n\tfoo_unlock(f);\n}\n";

fn inversion(a: &str, b: &str) -> String {
    format!(
        "static DEFINE_MUTEX({a});\nstatic DEFINE_MUTEX({b});\n\nvoid {a}_first(void)\n{{\n\tmutex_lock(&{a});\n\tmutex_lock(&{b});\n\tmutex_unlock(&{b});\n\tmutex_unlock(&{a});\n}}\n\nvoid {b}_first(void)\n{{\n\tmutex_lock(&{b});\n\tmutex_lock(&{a});\n\tmutex_unlock(&{a});\n\tmutex_unlock(&{b});\n}}\n"
    )
}

fn tree_listing(dir: &Path) -> Vec<PathBuf> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p.clone());
            }
            all.push(p);
        }
    }
    all.sort();
    all
}

fn entries(cache: &Path) -> Vec<PathBuf> {
    tree_listing(&cache.join("facts"))
        .into_iter()
        .filter(|p| p.is_file())
        .collect()
}

#[test]
fn warm_runs_give_the_cold_output_and_parse_only_what_changed() {
    let (_base, tree, cache) = scratch("warm");
    std::fs::write(tree.join("a.c"), inversion("a_one", "a_two")).unwrap();
    std::fs::write(tree.join("b.c"), inversion("b_one", "b_two")).unwrap();
    std::fs::write(tree.join("c.c"), "void c_idle(void)\n{\n}\n").unwrap();
    let before = tree_listing(&tree);

    let cold = run(&tree, &cache, &[]);
    assert_eq!(cold.out.status.code(), Some(1), "{}", cold.stats);
    assert_eq!(
        cache_line(&cold.stats),
        "cache: 0 hits, 3 misses, 3 written"
    );
    assert!(!reused(&cold.stats));

    // Nothing changed. The files were written just now, so their stamps are not
    // trusted yet and their texts are compared: still the same run.
    let warm = run(&tree, &cache, &[]);
    assert!(reused(&warm.stats), "{}", warm.stats);
    assert_eq!(warm.out.stdout, cold.out.stdout);
    assert_eq!(warm.out.status.code(), Some(1));

    // Same text written again (a touch): results reused.
    std::fs::write(tree.join("c.c"), "void c_idle(void)\n{\n}\n").unwrap();
    let touched = run(&tree, &cache, &[]);
    assert!(reused(&touched.stats), "{}", touched.stats);
    assert_eq!(touched.out.stdout, cold.out.stdout);

    // One file fixed: only it is parsed again, and its finding goes.
    std::fs::write(tree.join("b.c"), "void b_idle(void)\n{\n}\n").unwrap();
    let edited = run(&tree, &cache, &[]);
    assert!(!reused(&edited.stats));
    assert_eq!(
        cache_line(&edited.stats),
        "cache: 2 hits, 1 misses, 1 written"
    );
    let out = String::from_utf8_lossy(&edited.out.stdout);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("a_one"));

    // The output is what a run without the cache prints.
    let uncached = Command::new(env!("CARGO_BIN_EXE_lockorder"))
        .current_dir(&tree)
        .args(["check", "--format", "json", "--no-cache", "."])
        .output()
        .unwrap();
    assert_eq!(uncached.stdout, edited.out.stdout);

    // Nothing was written into the checked tree.
    assert_eq!(tree_listing(&tree).len(), before.len());
}

/// Sets a file's modification time an hour back: older than a run's racy window, so its
/// size and time are trusted.
fn age(path: &Path) -> std::time::SystemTime {
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(then)
        .unwrap();
    then
}

/// After one file changes, the others, unchanged by size and modification time, load
/// their facts from the cache without being read: a same-size rewrite that keeps the old
/// time is not seen (as `make` would not see it).
#[test]
fn files_unchanged_by_size_and_time_are_not_read_again() {
    let (_base, tree, cache) = scratch("unread");
    let a = tree.join("a.c");
    std::fs::write(&a, inversion("a_one", "a_two")).unwrap();
    std::fs::write(tree.join("b.c"), inversion("b_one", "b_two")).unwrap();
    let a_time = age(&a);
    age(&tree.join("b.c"));
    age(&tree.join("lockorder.toml"));
    let cold = run(&tree, &cache, &[]);
    assert_eq!(String::from_utf8_lossy(&cold.out.stdout).lines().count(), 2);

    // a.c rewritten to the same size without its inversion, its time put back; b.c fixed.
    let quiet = inversion("a_one", "a_two").replace("mutex_lock(&a_two)", "mutex_xxxx(&a_two)");
    std::fs::write(&a, quiet).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(a_time)
        .unwrap();
    std::fs::write(tree.join("b.c"), "void b_idle(void)\n{\n}\n").unwrap();
    let warm = run(&tree, &cache, &[]);
    assert!(!reused(&warm.stats));
    assert_eq!(
        cache_line(&warm.stats),
        "cache: 1 hits, 1 misses, 1 written"
    );
    // a.c's facts are the cached ones: its inversion is still reported.
    let out = String::from_utf8_lossy(&warm.out.stdout);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("a_one"), "{out}");
}

#[test]
fn a_changed_header_macro_relowers_the_files_using_it() {
    let (_base, tree, cache) = scratch("macro");
    std::fs::write(tree.join("foo.h"), WRAPPER_H).unwrap();
    std::fs::write(tree.join("twice.c"), TWICE_C).unwrap();
    let first = run(&tree, &cache, &[]);
    assert!(
        String::from_utf8_lossy(&first.out.stdout).contains("LO002"),
        "{}",
        first.stats
    );

    std::fs::write(tree.join("foo.h"), NOT_A_WRAPPER_H).unwrap();
    let second = run(&tree, &cache, &[]);
    // The header and the file using its macros: both parsed again.
    assert_eq!(
        cache_line(&second.stats),
        "cache: 0 hits, 2 misses, 2 written"
    );
    assert!(second.out.stdout.is_empty(), "{}", second.stats);
    assert_eq!(second.out.status.code(), Some(0));
}

#[test]
fn corrupt_and_foreign_entries_are_ignored_and_rebuilt() {
    let (_base, tree, cache) = scratch("corrupt");
    std::fs::write(tree.join("a.c"), inversion("a_one", "a_two")).unwrap();
    std::fs::write(tree.join("b.c"), inversion("b_one", "b_two")).unwrap();
    let cold = run(&tree, &cache, &[]);
    let files = entries(&cache);
    assert_eq!(files.len(), 2);
    // The run record would skip the facts altogether: without it, every entry is read.
    std::fs::remove_dir_all(cache.join("runs")).unwrap();

    // One entry truncated, the other replaced by the first one's bytes (a foreign
    // entry: valid, but stored under another key).
    let first = std::fs::read(&files[0]).unwrap();
    std::fs::write(&files[0], &first[..first.len() / 2]).unwrap();
    std::fs::write(&files[1], &first).unwrap();
    let rebuilt = run(&tree, &cache, &[]);
    assert_eq!(
        cache_line(&rebuilt.stats),
        "cache: 0 hits, 2 misses, 2 written"
    );
    assert_eq!(rebuilt.out.stdout, cold.out.stdout);

    // Garbage where the run record goes: ignored too.
    for r in tree_listing(&cache.join("runs")) {
        std::fs::write(r, b"not a record").unwrap();
    }
    let again = run(&tree, &cache, &[]);
    assert_eq!(
        cache_line(&again.stats),
        "cache: 2 hits, 0 misses, 0 written"
    );
    assert_eq!(again.out.stdout, cold.out.stdout);
}

#[test]
fn no_cache_reads_and_writes_nothing() {
    let (_base, tree, cache) = scratch("off");
    std::fs::write(tree.join("a.c"), inversion("a_one", "a_two")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_lockorder"))
        .current_dir(&tree)
        .env("XDG_CACHE_HOME", &cache)
        .args(["check", "--no-cache", "--statistics", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cache:                off"));
    assert!(!cache.exists());

    // Without --no-cache, the default is under $XDG_CACHE_HOME.
    let on = Command::new(env!("CARGO_BIN_EXE_lockorder"))
        .current_dir(&tree)
        .env("XDG_CACHE_HOME", &cache)
        .args(["check", "."])
        .output()
        .unwrap();
    assert_eq!(on.status.code(), Some(1));
    assert_eq!(entries(&cache.join("lockorder")).len(), 1);
}

#[test]
fn an_unwritable_cache_is_one_warning_and_the_run_goes_on() {
    let (_base, tree, cache) = scratch("unwritable");
    std::fs::write(tree.join("a.c"), inversion("a_one", "a_two")).unwrap();
    // A file where the cache directory should be.
    std::fs::create_dir_all(cache.parent().unwrap()).unwrap();
    std::fs::write(&cache, "").unwrap();
    let r = run(&tree, &cache, &[]);
    assert_eq!(r.out.status.code(), Some(1), "{}", r.stats);
    let warnings: Vec<&str> = r
        .stats
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", r.stats);
    assert!(warnings[0].contains("cannot create the cache"));
    assert!(!r.out.stdout.is_empty());
}
