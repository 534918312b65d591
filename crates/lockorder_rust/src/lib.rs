//! The Rust front end. A file is parsed with `syn` and every function is lowered to the
//! same small CFGs of lock events the C front end produces, with guard lifetimes modelled
//! as rustc drops them: a `let`-bound guard at the end of its block (in reverse
//! declaration order), a temporary at the end of its statement, `match`/`while let`
//! scrutinees after their body, `if let` scrutinees and block tails by edition. The syntax
//! tree is dropped before [`lower_file`] returns.
//!
//! Which receivers are locks comes from types: struct fields, statics, typed parameters
//! and `let`s, and initialisers (`Mutex::new`, `new_mutex!`), program-wide through a
//! [`RustIndex`] built from every Rust file first.

mod lower;
mod spans;
mod types;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use lockorder_ir::{FileFacts, FileId};
use lockorder_rules::Rules;
use rayon::prelude::*;

pub use types::RustIndex;

/// Brackets nested deeper than this are not parsed: `syn` recurses on them.
pub const MAX_NESTING: usize = 256;

/// The Rust edition a file is compiled with: decides how long `if let` scrutinee and
/// block-tail temporaries live.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Edition {
    /// 2015, 2018 and 2021 drop temporaries alike; the kernel builds with 2021.
    #[default]
    E2021,
    E2024,
}

/// The edition of the nearest `Cargo.toml` above `path` (a workspace's
/// `[workspace.package]` edition for `edition.workspace = true`), 2021 when none says.
pub fn edition_for(path: &Path) -> Edition {
    static CACHE: Mutex<Option<HashMap<PathBuf, Edition>>> = Mutex::new(None);
    let dir = path.parent().unwrap_or(Path::new("."));
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if let Ok(cache) = CACHE.lock() {
        if let Some(e) = cache.as_ref().and_then(|c| c.get(&dir)) {
            return *e;
        }
    }
    let mut edition = Edition::default();
    let mut inherit = false;
    for d in dir.ancestors() {
        let Ok(text) = std::fs::read_to_string(d.join("Cargo.toml")) else {
            continue;
        };
        match manifest_edition(&text) {
            ManifestEdition::Set(e) if !inherit || text.contains("[workspace") => {
                edition = e;
                break;
            }
            ManifestEdition::Workspace => inherit = true,
            _ if text.contains("[package]") && !inherit => break,
            _ => {}
        }
    }
    if let Ok(mut cache) = CACHE.lock() {
        cache.get_or_insert_with(HashMap::new).insert(dir, edition);
    }
    edition
}

/// The crate a file belongs to, by the `[package]` name of the nearest `Cargo.toml`
/// (`-` as `_`); the kernel's `rust/kernel/` has no manifest and is the `kernel` crate.
/// `crate::` paths resolve in it: `crate::sync::Mutex` is tokio's inside tokio.
pub fn crate_name_for(path: &Path) -> Option<String> {
    static CACHE: Mutex<Option<HashMap<PathBuf, Option<String>>>> = Mutex::new(None);
    let dir = path.parent().unwrap_or(Path::new("."));
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if let Ok(cache) = CACHE.lock() {
        if let Some(n) = cache.as_ref().and_then(|c| c.get(&dir)) {
            return n.clone();
        }
    }
    let mut name = None;
    for d in dir.ancestors() {
        if d.file_name().is_some_and(|n| n == "kernel")
            && d.parent()
                .and_then(|p| p.file_name())
                .is_some_and(|n| n == "rust")
        {
            name = Some("kernel".to_string());
            break;
        }
        let Ok(text) = std::fs::read_to_string(d.join("Cargo.toml")) else {
            continue;
        };
        if let Some(n) = manifest_name(&text) {
            name = Some(n);
            break;
        }
    }
    if let Ok(mut cache) = CACHE.lock() {
        cache
            .get_or_insert_with(HashMap::new)
            .insert(dir, name.clone());
    }
    name
}

fn manifest_name(text: &str) -> Option<String> {
    let mut in_package = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
            continue;
        }
        if in_package {
            if let Some(v) = line.strip_prefix("name") {
                let v = v.trim_start().strip_prefix('=')?;
                return Some(v.trim().trim_matches('"').replace('-', "_"));
            }
        }
    }
    None
}

enum ManifestEdition {
    Set(Edition),
    Workspace,
    None,
}

fn manifest_edition(text: &str) -> ManifestEdition {
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("edition.workspace") || line.starts_with("edition = { workspace") {
            return ManifestEdition::Workspace;
        }
        if let Some(v) = line.strip_prefix("edition") {
            let v = v.trim_start();
            if let Some(v) = v.strip_prefix('=') {
                let v = v.trim().trim_matches('"').trim_matches('\'');
                return ManifestEdition::Set(if v.starts_with("2024") {
                    Edition::E2024
                } else {
                    Edition::E2021
                });
            }
        }
    }
    ManifestEdition::None
}

/// The deepest bracket nesting of a source text, strings and comments left out roughly
/// (a cheap guard before the recursive parser).
pub fn nesting_depth(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    max
}

/// Parses a file, or says in one line why not.
fn parse(path: &Path, text: &str) -> Result<syn::File, String> {
    let depth = nesting_depth(text);
    if depth > MAX_NESTING {
        return Err(format!(
            "{}: brackets nest {depth} deep (limit {MAX_NESTING}); not analysed",
            path.display()
        ));
    }
    syn::parse_file(text).map_err(|e| {
        let at = e.span().start();
        format!(
            "{}:{}:{}: cannot parse Rust: {e}; not analysed",
            path.display(),
            at.line,
            at.column + 1
        )
    })
}

impl RustIndex {
    /// Reads and indexes every Rust file of the run (unreadable or unparsable files are
    /// left out here; lowering reports them).
    pub fn build(paths: &[&Path], rules: &Rules) -> RustIndex {
        // Syntax trees stay on the thread that parsed them; each file gives a partial
        // index (its own struct names hide lock names), merged in file order.
        let parts: Vec<RustIndex> = paths
            .par_iter()
            .map(|p| {
                let Ok(text) = std::fs::read_to_string(p) else {
                    return RustIndex::default();
                };
                lockorder_ir::isolate(|| Self::of_text(p, &text, rules)).unwrap_or_default()
            })
            .collect();
        let mut index = RustIndex::default();
        for part in parts {
            index.merge(part);
        }
        index
    }

    fn merge(&mut self, other: RustIndex) {
        for (name, fields) in other.structs {
            let known = self.structs.entry(name).or_default();
            for f in fields {
                if !known.iter().any(|k| k.0 == f.0) {
                    known.push(f);
                }
            }
        }
        for (k, v) in other.statics {
            self.statics.entry(k).or_insert(v);
        }
        for (k, v) in other.static_names {
            let names = self.static_names.entry(k).or_default();
            for n in v {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        for (k, v) in other.returns {
            self.returns.entry(k).or_insert(v);
        }
        self.async_fns.extend(other.async_fns);
        for (k, v) in other.closure_holds {
            self.closure_holds.entry(k).or_insert(v);
        }
        self.struct_names.extend(other.struct_names);
    }

    fn from_file(file: &syn::File, scope: &types::Scope, rules: &Rules) -> RustIndex {
        let mut names = HashSet::new();
        types::struct_names(file, &mut names);
        let mut index = RustIndex::default();
        types::index_file(file, scope, &rules.rust, &names, &mut index);
        index.struct_names = names;
        index
    }

    /// An index of one source text (for tests and single files).
    pub fn of_text(path: &Path, text: &str, rules: &Rules) -> RustIndex {
        match parse(path, text) {
            Ok(file) => {
                let scope = types::Scope::of_file(&file, path);
                Self::from_file(&file, &scope, rules)
            }
            Err(_) => RustIndex::default(),
        }
    }
}

/// Lowers one Rust file; the warning says why a file was not analysed (too deeply nested,
/// not parsable). Never panics on bad input.
pub fn lower_file(
    file: FileId,
    text: &str,
    path: &Path,
    rules: &Rules,
    index: &RustIndex,
) -> (FileFacts, Option<String>) {
    lower_file_with(file, text, path, rules, index, edition_for(path))
}

/// [`lower_file`] with the edition given.
pub fn lower_file_with(
    file: FileId,
    text: &str,
    path: &Path,
    rules: &Rules,
    index: &RustIndex,
    edition: Edition,
) -> (FileFacts, Option<String>) {
    let t = std::time::Instant::now();
    let mut facts = FileFacts::default();
    facts.stats.bytes = text.len() as u64;
    facts.stats.lines = text.lines().count() as u64;
    facts.suppressions = lockorder_ir::scan_suppressions(text, file);
    let parsed = match parse(path, text) {
        Ok(f) => f,
        Err(w) => return (facts, Some(w)),
    };
    facts.stats.parse_ns = t.elapsed().as_nanos() as u64;
    let t = std::time::Instant::now();
    let scope = types::Scope::of_file(&parsed, path);
    lower::lower(
        &parsed,
        &scope,
        spans::SpanMap::new(text, file),
        rules,
        index,
        edition,
        &mut facts,
    );
    facts.stats.lower_ns = t.elapsed().as_nanos() as u64;
    (facts, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_ignores_strings_and_comments() {
        assert_eq!(nesting_depth("fn a() { b([1]) } // ((((\n\"(((\""), 3);
    }

    #[test]
    fn deep_input_is_refused_not_overflowed() {
        let text = format!("fn f() {{ {}1{} }}", "(".repeat(5000), ")".repeat(5000));
        let rules = Rules::defaults();
        let index = RustIndex::default();
        let (facts, warning) = lower_file_with(
            FileId(0),
            &text,
            Path::new("deep.rs"),
            &rules,
            &index,
            Edition::E2021,
        );
        assert!(facts.functions.is_empty());
        assert!(warning.unwrap().contains("nest"));
    }

    #[test]
    fn manifest_editions() {
        assert!(matches!(
            manifest_edition("[package]\nedition = \"2024\"\n"),
            ManifestEdition::Set(Edition::E2024)
        ));
        assert!(matches!(
            manifest_edition("[package]\nedition.workspace = true\n"),
            ManifestEdition::Workspace
        ));
    }
}
