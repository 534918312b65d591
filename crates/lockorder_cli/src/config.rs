//! `lockorder.toml`: what to check, which rules at which severity, extra rule files, the
//! declared lock order (LO008) and suppressions for trees that take no tool comments.
//! Found walking up from the first path (or given with `--config`); an error names the
//! file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use lockorder_analysis::{Finding, Severity, RULES};
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    /// Globs (relative to the config's directory) of files to check; default: all.
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    /// Header directories to learn from, like `-I`.
    #[serde(default)]
    include_dirs: Vec<PathBuf>,
    /// Extra rule files in the `rules/` schema.
    #[serde(default)]
    rule_files: Vec<PathBuf>,
    #[serde(default)]
    rules: RulesSection,
    /// Declared lock orders, each a chain of displayed class names, outermost first.
    #[serde(default)]
    order: Vec<Vec<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<IgnoreEntry>>,
    /// Where to cache per-file facts, relative to the config's directory.
    #[serde(default)]
    cache_dir: Option<PathBuf>,
    /// In a Linux tree, the one `arch/` directory to walk (`all`: every one).
    #[serde(default)]
    arch: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RulesSection {
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
}

/// A suppression kept outside the source.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct IgnoreEntry {
    pub code: String,
    #[serde(default)]
    pub function: Option<String>,
    /// A glob on the finding's file, relative to the config's directory.
    #[serde(default)]
    pub file: Option<String>,
    /// Lock class names the finding must involve (all of them).
    #[serde(default)]
    pub locks: Vec<String>,
    pub reason: String,
}

/// What a rule's severity became: `None` is off.
pub struct Config {
    pub dir: PathBuf,
    pub path: Option<PathBuf>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    pub include_dirs: Vec<PathBuf>,
    pub rule_files: Vec<PathBuf>,
    pub cache_dir: Option<PathBuf>,
    pub arch: Option<String>,
    /// Per rule code: its severity, or `None` when off.
    severity: BTreeMap<&'static str, Option<Severity>>,
    pub order: Vec<Vec<String>>,
    ignores: Vec<(IgnoreEntry, Option<GlobSet>, std::ops::Range<usize>)>,
}

fn locate(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn globs(patterns: &[String]) -> Result<Option<GlobSet>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).map_err(|e| e.to_string())?);
    }
    b.build().map(Some).map_err(|e| e.to_string())
}

fn rule_code(key: &str) -> Option<&'static str> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
        .map(|r| r.code)
}

impl Config {
    /// No config file: every rule at its default severity.
    pub fn default_in(dir: &Path) -> Self {
        Config {
            dir: dir.to_path_buf(),
            path: None,
            include: None,
            exclude: None,
            include_dirs: Vec::new(),
            rule_files: Vec::new(),
            cache_dir: None,
            arch: None,
            severity: RULES
                .iter()
                .map(|r| (r.code, Some(r.default_severity)))
                .collect(),
            order: Vec::new(),
            ignores: Vec::new(),
        }
    }

    /// Reads `path`; errors are `file:line:col: message`.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let at = |offset: usize, msg: String| {
            let (l, c) = locate(&text, offset);
            format!("{}:{l}:{c}: {msg}", path.display())
        };
        let file: ConfigFile = toml::from_str(&text)
            .map_err(|e| at(e.span().map_or(0, |s| s.start), e.message().to_string()))?;
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut config = Config::default_in(&dir);
        config.path = Some(path.to_path_buf());
        config.include = globs(&file.include).map_err(|m| at(0, format!("include: {m}")))?;
        config.exclude = globs(&file.exclude).map_err(|m| at(0, format!("exclude: {m}")))?;
        config.include_dirs = file.include_dirs.iter().map(|d| dir.join(d)).collect();
        config.rule_files = file.rule_files.iter().map(|d| dir.join(d)).collect();
        config.cache_dir = file.cache_dir.as_ref().map(|d| dir.join(d));
        config.arch = file.arch;
        let codes = |list: &[Spanned<String>]| -> Result<Vec<&'static str>, String> {
            list.iter()
                .map(|s| {
                    rule_code(s.get_ref())
                        .ok_or_else(|| at(s.span().start, format!("`{}` is no rule", s.get_ref())))
                })
                .collect()
        };
        config.restrict(&codes(&file.rules.select)?, &codes(&file.rules.ignore)?);
        for (key, value) in &file.rules.severity {
            let code = rule_code(key)
                .ok_or_else(|| at(value.span().start, format!("`{key}` is no rule")))?;
            let sev = match value.get_ref().as_str() {
                "error" => Some(Severity::Error),
                "warning" => Some(Severity::Warning),
                "note" => Some(Severity::Note),
                "off" => None,
                other => {
                    return Err(at(
                        value.span().start,
                        format!("severity `{other}` is not error, warning, note or off"),
                    ))
                }
            };
            config.severity.insert(code, sev);
        }
        config.order = file.order;
        for e in file.ignore {
            let span = e.span();
            let entry = e.into_inner();
            if rule_code(&entry.code).is_none() {
                return Err(at(span.start, format!("`{}` is no rule", entry.code)));
            }
            if entry.reason.trim().is_empty() {
                return Err(at(
                    span.start,
                    "an [[ignore]] entry needs a `reason`".into(),
                ));
            }
            let glob = match &entry.file {
                Some(g) => globs(std::slice::from_ref(g)).map_err(|m| at(span.start, m))?,
                None => None,
            };
            config.ignores.push((entry, glob, span));
        }
        Ok(config)
    }

    /// `--select` and `--ignore` on the command line, over the file's choices.
    pub fn select_and_ignore(
        &mut self,
        select: &[String],
        ignore: &[String],
    ) -> Result<(), String> {
        let codes = |flag: &str, list: &[String]| -> Result<Vec<&'static str>, String> {
            list.iter()
                .map(|s| rule_code(s).ok_or_else(|| format!("{flag}: `{s}` is no rule")))
                .collect()
        };
        self.restrict(&codes("--select", select)?, &codes("--ignore", ignore)?);
        Ok(())
    }

    /// Turns off every rule outside `select` (when it is not empty) and every rule in
    /// `ignore`.
    fn restrict(&mut self, select: &[&'static str], ignore: &[&'static str]) {
        for (code, sev) in self.severity.iter_mut() {
            if (!select.is_empty() && !select.contains(code)) || ignore.contains(code) {
                *sev = None;
            }
        }
    }

    /// Whether a file (relative to the config's directory) is checked.
    pub fn wants(&self, rel: &str) -> bool {
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }

    /// Applies severities (dropping rules that are off) and the `[[ignore]]` entries;
    /// returns the entries that matched nothing, as their byte range in the file and code.
    pub fn apply(
        &self,
        findings: &mut Vec<Finding>,
        rel_path: &dyn Fn(&Finding) -> String,
    ) -> Vec<(std::ops::Range<usize>, String)> {
        findings.retain_mut(|f| match self.severity.get(f.code).copied().flatten() {
            Some(s) => {
                f.severity = s;
                true
            }
            None => !self.severity.contains_key(f.code),
        });
        let mut used = vec![false; self.ignores.len()];
        findings.retain(|f| {
            let mut keep = true;
            for (i, (e, glob, _)) in self.ignores.iter().enumerate() {
                let hit = rule_code(&e.code) == Some(f.code)
                    && e.function
                        .as_deref()
                        .is_none_or(|n| f.primary.function.as_deref() == Some(n))
                    && glob.as_ref().is_none_or(|g| g.is_match(rel_path(f)))
                    && e.locks.iter().all(|l| f.locks.contains(l));
                if hit {
                    used[i] = true;
                    keep = false;
                }
            }
            keep
        });
        self.ignores
            .iter()
            .zip(used)
            .filter(|(_, u)| !u)
            .map(|((e, _, span), _)| (span.clone(), e.code.clone()))
            .collect()
    }
}
