//! The record of the last run over the same inputs: when no file's text changed since,
//! its findings are this run's too, and neither the front end nor the analysis runs.
//!
//! Like git's index, a file whose size and modification time match its stamp is taken to
//! be unchanged; any other file is read and its text hash compared, so touching a file
//! costs one read.

use std::path::{Path, PathBuf};

use lockorder_analysis::{AnalysisStats, Finding, Program};
use lockorder_ir::FileStats;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::cache::{text_hash, Cache, Salt};
use crate::source::{load, Loaded};

pub const RACY_WINDOW_NS: u128 = 2_000_000_000;

pub fn now_ns() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// What a file looked like when it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub path: PathBuf,
    pub len: u64,
    pub mtime_ns: u128,
    /// `None` when the file was skipped (binary, too big, unreadable).
    pub text: Option<u128>,
}

/// A stamp before reading the file: `None` when it cannot be stat'ed.
pub fn stat(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((meta.len(), mtime))
}

/// The per-file figures `--statistics` prints, summed.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Totals {
    pub files: usize,
    pub learn_only: usize,
    pub stats: FileStats,
}

impl Totals {
    pub fn of(program: &Program) -> Self {
        let mut s = FileStats::default();
        for f in &program.files {
            let fs = &f.facts.stats;
            s.bytes += fs.bytes;
            s.lines += fs.lines;
            s.functions += fs.functions;
            s.degraded_functions += fs.degraded_functions;
            s.error_nodes += fs.error_nodes;
            s.prepass_ns += fs.prepass_ns;
            s.parse_ns += fs.parse_ns;
            s.lower_ns += fs.lower_ns;
        }
        Totals {
            files: program.files.len(),
            learn_only: program.files.iter().filter(|f| f.learn_only).count(),
            stats: s,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct RunRecord {
    /// When the run started reading files. A file modified less than
    /// [`RACY_WINDOW_NS`] before it may have changed again within the file system's
    /// timestamp granularity, so its stamp alone proves nothing (git's "racily clean").
    pub started_ns: u128,
    /// One per input, in input order; `None` for a file that could not be stat'ed, which
    /// makes the record unusable.
    pub stamps: Vec<Option<Stamp>>,
    /// After source suppressions, before the configuration's.
    pub findings: Vec<Finding>,
    /// The front end's warnings and internal errors, sorted.
    pub warnings: Vec<String>,
    pub internal: Vec<String>,
    pub totals: Totals,
    pub stats: AnalysisStats,
}

impl RunRecord {
    /// The last run's record for this identity and these inputs, if any.
    pub fn load(cache: &Cache, identity: Salt, inputs: &[PathBuf]) -> Option<RunRecord> {
        let key = cache.key(identity, 0);
        let payload = Cache::fetch(&cache.record_path(identity), key)?;
        let record: RunRecord = postcard::from_bytes(&payload).ok()?;
        (record.stamps.len() == inputs.len()).then_some(record)
    }

    /// Per input, the size, modification time and text hash the last run recorded, when
    /// that time was not within the racy window of the run's start: where the file's size
    /// and time are still these, its cached facts can be loaded without reading it.
    /// Files the run warned about (and paths that are not UTF-8, which its warnings
    /// cannot name exactly) are left to be read again, so that the warning is too.
    pub fn trusted_hashes(&self, inputs: &[PathBuf]) -> Vec<Option<(u64, u128, u128)>> {
        let warned = |path: &Path| {
            path.to_str().is_none_or(|p| {
                self.warnings
                    .iter()
                    .any(|w| w.strip_prefix(p).is_some_and(|rest| rest.starts_with(": ")))
            })
        };
        inputs
            .iter()
            .zip(&self.stamps)
            .map(|(path, stamp)| {
                let stamp = stamp.as_ref()?;
                let racy = stamp.mtime_ns + RACY_WINDOW_NS > self.started_ns;
                let warned = warned(path);
                (stamp.path == *path && !racy && !warned).then_some((
                    stamp.len,
                    stamp.mtime_ns,
                    stamp.text?,
                ))
            })
            .collect()
    }

    /// This record (loaded for `identity`), if every input is still what it recorded.
    pub fn reusable(
        mut self,
        cache: &Cache,
        identity: Salt,
        inputs: &[PathBuf],
        max_file_size: u64,
    ) -> Option<RunRecord> {
        let validated_ns = now_ns();
        let checked: Option<Vec<Option<Stamp>>> = inputs
            .par_iter()
            .zip(&self.stamps)
            .map(|(path, stamp)| unchanged(path, stamp.as_ref()?, self.started_ns, max_file_size))
            .collect();
        let refreshed = checked?;
        if refreshed.iter().any(Option::is_some) {
            for (old, new) in self.stamps.iter_mut().zip(refreshed) {
                if let Some(new) = new {
                    *old = Some(new);
                }
            }
            // Touched files: stamp them anew so the next run need not read them. Their
            // texts were compared after `validated_ns`.
            self.started_ns = validated_ns;
            let _ = self.store(cache, identity);
        }
        Some(self)
    }

    pub fn store(&self, cache: &Cache, identity: Salt) -> std::io::Result<()> {
        let payload = postcard::to_stdvec(self).map_err(std::io::Error::other)?;
        cache.store(
            &cache.record_path(identity),
            cache.key(identity, 0),
            &payload,
        )
    }
}

/// `None` when the file changed; otherwise a new stamp if it was touched.
fn unchanged(
    path: &Path,
    stamp: &Stamp,
    started_ns: u128,
    max_file_size: u64,
) -> Option<Option<Stamp>> {
    if stamp.path != path {
        return None;
    }
    let (len, mtime) = stat(path)?;
    let racy = mtime + RACY_WINDOW_NS > started_ns;
    if len == stamp.len && mtime == stamp.mtime_ns && !racy {
        return Some(None);
    }
    // Touched or rewritten: unchanged if the text is the same.
    match (load(path, max_file_size).0, stamp.text) {
        (Loaded::Text(t), Some(h)) if text_hash(&t) == h => Some(Some(Stamp {
            path: path.to_path_buf(),
            len,
            mtime_ns: mtime,
            text: Some(h),
        })),
        _ => None,
    }
}
