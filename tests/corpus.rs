//! The corpus: real-looking sources under `tests/corpus/` whose expected findings are
//! marked inline, compiletest style, on the line of each finding's primary location:
//!
//! ```c
//!     down(&sem1);    //~ lock-order-cycle
//! ```
//!
//! `//~^ RULE` points at the line above (one `^` per line). A file without marks must be
//! clean. A directory holding a `.corpus-project` file is checked as one program; its
//! `args:` lines add command-line arguments (`args: -I include`).
//!
//! Each case runs the real binary with `--format json`; any missing or extra finding fails.
//!
//! A case the tool cannot handle yet says so in a `lockorder-corpus: known-gap(ISSUE) why`
//! line, like compiletest's `known-bug`: its marks stay what they should be, it is run, and
//! it must still fail — once it passes, the line has to go.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const CORPUS: &str = "tests/corpus";
const SOURCE_EXTENSIONS: &[&str] = &["c", "h", "rs"];

struct Case {
    /// Why the tool does not pass this case yet, if it does not.
    known_gap: Option<String>,
    /// Directory the binary runs in.
    dir: PathBuf,
    /// Arguments naming what to check, relative to `dir`.
    args: Vec<String>,
    /// Files whose marks count, relative to `dir`.
    files: Vec<PathBuf>,
}

fn collect_cases(dir: &Path, cases: &mut Vec<Case>) {
    if dir.join(".corpus-project").exists() {
        let spec = std::fs::read_to_string(dir.join(".corpus-project")).unwrap();
        let mut args = Vec::new();
        for line in spec.lines() {
            if let Some(a) = line.trim().strip_prefix("args:") {
                args.extend(a.split_whitespace().map(String::from));
            }
        }
        args.push(".".into());
        let mut files = Vec::new();
        collect_sources(dir, dir, &mut files);
        cases.push(Case {
            known_gap: files.iter().find_map(|f| known_gap(&dir.join(f))),
            dir: dir.to_path_buf(),
            args,
            files,
        });
        return;
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_cases(&p, cases);
        } else if is_source(&p) {
            let name = PathBuf::from(p.file_name().unwrap());
            cases.push(Case {
                known_gap: known_gap(&p),
                dir: dir.to_path_buf(),
                args: vec![name.to_string_lossy().into_owned()],
                files: vec![name],
            });
        }
    }
}

fn known_gap(p: &Path) -> Option<String> {
    let text = std::fs::read_to_string(p).ok()?;
    let line = text
        .lines()
        .find(|l| l.contains("lockorder-corpus: known-gap("))?;
    Some(
        line[line.find("known-gap(").unwrap()..]
            .trim_end_matches("*/")
            .trim()
            .to_string(),
    )
}

fn is_source(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SOURCE_EXTENSIONS.contains(&e))
}

fn collect_sources(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_sources(root, &p, out);
        } else if is_source(&p) {
            out.push(p.strip_prefix(root).unwrap().to_path_buf());
        }
    }
}

/// `(file, line, rule)` → count, from the `//~` marks.
fn expected(case: &Case) -> BTreeMap<(String, usize, String), usize> {
    let mut marks = BTreeMap::new();
    for f in &case.files {
        let text = std::fs::read_to_string(case.dir.join(f)).unwrap();
        for (i, line) in text.lines().enumerate() {
            let Some(pos) = line.find("//~") else {
                continue;
            };
            let rest = &line[pos + 3..];
            let ups = rest.chars().take_while(|&c| c == '^').count();
            let target = i + 1 - ups;
            for rule in rest[ups..].split_whitespace() {
                *marks
                    .entry((path_key(f), target, rule.to_string()))
                    .or_insert(0) += 1;
            }
        }
    }
    marks
}

fn path_key(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

#[test]
fn corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases = Vec::new();
    collect_cases(&root.join(CORPUS), &mut cases);
    assert!(
        cases.len() >= 10,
        "the corpus went missing: {} cases",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let output = Command::new(env!("CARGO_BIN_EXE_lockorder"))
            .current_dir(&case.dir)
            .arg("check")
            .arg("--format")
            .arg("json")
            .args(&case.args)
            .output()
            .unwrap();
        let name = case
            .dir
            .strip_prefix(root)
            .unwrap()
            .join(if case.files.len() == 1 {
                &case.files[0]
            } else {
                Path::new("")
            });
        let stdout = String::from_utf8_lossy(&output.stdout);
        let mut actual = BTreeMap::new();
        for line in stdout.lines() {
            let v: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: bad JSON line {line}: {e}", name.display()));
            let key = (
                v["file"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap() as usize,
                v["rule"].as_str().unwrap().to_string(),
            );
            *actual.entry(key).or_insert(0) += 1;
        }
        let want = expected(case);
        let mut problems = Vec::new();
        for (k, n) in &want {
            let got = actual.get(k).copied().unwrap_or(0);
            if got < *n {
                problems.push(format!(
                    "  missing: {}:{}: {} (expected {n}, got {got})",
                    k.0, k.1, k.2
                ));
            }
        }
        for (k, n) in &actual {
            let exp = want.get(k).copied().unwrap_or(0);
            if *n > exp {
                problems.push(format!(
                    "  unexpected: {}:{}: {} ({n} reported, {exp} marked)",
                    k.0, k.1, k.2
                ));
            }
        }
        let code = output.status.code();
        let want_code = if want.is_empty() { Some(0) } else { Some(1) };
        if code != want_code {
            problems.push(format!(
                "  exit status {code:?}, expected {want_code:?}; stderr: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        match (&case.known_gap, problems.is_empty()) {
            (None, false) => failures.push(format!(
                "{}:\n{}\n  output:\n{}",
                name.display(),
                problems.join("\n"),
                stdout
            )),
            (Some(gap), true) => failures.push(format!(
                "{}: passes now; remove its `{gap}` line",
                name.display()
            )),
            (Some(gap), false) => {
                eprintln!("known gap, failing as expected: {}: {gap}", name.display())
            }
            (None, true) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
