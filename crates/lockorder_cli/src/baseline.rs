//! Baselines: the findings a team has accepted, so only new ones fail a run. Entries are
//! keyed by rule and the line-independent fingerprint, with a count (one fingerprint may
//! stand for several findings); entries no finding matches any more are stale.

use std::collections::BTreeMap;
use std::path::Path;

use lockorder_analysis::Finding;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub code: String,
    pub fingerprint: String,
    pub count: usize,
    /// The first finding's message, to tell entries apart when pruning by hand.
    #[serde(default)]
    pub message: String,
}

impl Baseline {
    pub fn of(findings: &[Finding]) -> Self {
        let mut entries: BTreeMap<(String, String), Entry> = BTreeMap::new();
        for f in findings {
            entries
                .entry((f.code.to_string(), f.fingerprint.clone()))
                .or_insert_with(|| Entry {
                    code: f.code.to_string(),
                    fingerprint: f.fingerprint.clone(),
                    count: 0,
                    message: f.message.clone(),
                })
                .count += 1;
        }
        Baseline {
            version: 1,
            entries: entries.into_values().collect(),
        }
    }

    /// Reads a baseline; an error names the file, line and column.
    pub fn read(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read baseline: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: invalid baseline: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })
    }

    pub fn write(&self, path: &Path) -> Result<(), String> {
        let mut text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        text.push('\n');
        std::fs::write(path, text)
            .map_err(|e| format!("{}: cannot write baseline: {e}", path.display()))
    }

    /// Drops the findings the baseline accounts for; returns the stale entries (what the
    /// baseline still expects but no finding matched), as `(code, fingerprint, count)`.
    pub fn filter(&self, findings: &mut Vec<Finding>) -> Vec<(String, String, usize)> {
        let mut left: BTreeMap<(String, String), usize> = self
            .entries
            .iter()
            .map(|e| ((e.code.clone(), e.fingerprint.clone()), e.count))
            .collect();
        findings.retain(
            |f| match left.get_mut(&(f.code.to_string(), f.fingerprint.clone())) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            },
        );
        left.into_iter()
            .filter(|&(_, n)| n > 0)
            .map(|((c, fp), n)| (c, fp, n))
            .collect()
    }
}
