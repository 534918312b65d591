//! `lockorder.toml` through `Config::load` (crates/lockorder_cli/src/config.rs): Ok or a
//! `file:line:col: message` error, never a panic; line and column lie inside the input.
//!
//! `lockorder_cli` keeps its `config` module private, so this target compiles that source
//! file in place (`#[path]`): the code fuzzed is exactly the CLI's. Once the crate exposes
//! it (`pub mod config`), depend on `lockorder_cli` and call
//! `lockorder_cli::config::Config::load` instead. `Config::load` takes a path: each input
//! is written to a file in tmpfs (/dev/shm when present).
#![no_main]

#[allow(dead_code)]
#[path = "../../crates/lockorder_cli/src/config.rs"]
mod config;

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn config_path() -> &'static PathBuf {
    static P: OnceLock<PathBuf> = OnceLock::new();
    P.get_or_init(|| {
        let shm = PathBuf::from("/dev/shm");
        let base = if shm.is_dir() {
            shm
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("lockorder-fuzz-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch directory");
        dir.join("lockorder.toml")
    })
}

/// `path:line:col: message` as `(line, col)`.
fn located(err: &str, path: &str) -> Option<(usize, usize)> {
    let rest = err.strip_prefix(path)?.strip_prefix(':')?;
    let mut parts = rest.splitn(3, ':');
    let line = parts.next()?.parse().ok()?;
    let col = parts.next()?.parse().ok()?;
    Some((line, col))
}

fuzz_target!(|data: &[u8]| {
    // Not UTF-8 is an I/O error ("cannot read"), before any parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = config_path();
    std::fs::write(path, text).expect("write the scratch config");
    match config::Config::load(path) {
        Ok(mut c) => {
            // What `check` does next with it.
            let _ = c.wants("drivers/net/foo/a.c");
            let _ = c.wants("");
            c.select_and_ignore(&[], &["LO006".into()])
                .expect("a known rule code");
            let unused = c.apply(&mut Vec::new(), &|_| String::new());
            for (range, _) in unused {
                assert!(
                    range.start <= range.end && range.end <= text.len(),
                    "unused [[ignore]] range {range:?} outside the {}-byte input",
                    text.len()
                );
            }
        }
        Err(e) => {
            let p = path.display().to_string();
            let (line, col) = located(&e, &p).unwrap_or_else(|| panic!("error not located: {e}"));
            let lines: Vec<&str> = text.split('\n').collect();
            assert!(
                line >= 1 && line <= lines.len(),
                "line {line} outside a {}-line input: {e}",
                lines.len()
            );
            let cols = lines[line - 1].chars().count() + 1;
            assert!(
                col >= 1 && col <= cols,
                "column {col} outside line {line} ({cols} columns): {e}",
            );
        }
    }
});
