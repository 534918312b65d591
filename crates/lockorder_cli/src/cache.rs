//! The cache of per-file facts: a warm run reads each file, hashes it and loads the facts
//! it lowered to last time instead of parsing it again.
//!
//! An entry is keyed by everything its facts depend on: the file's text, the tool build,
//! the rule files, and for a `.c` file the lock wrapper macros learned from the headers.
//! An entry is a file of its own, written to a temporary name and renamed into place, so
//! readers never see half an entry; one that fails its checks is ignored and rewritten.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use lockorder_ir::{FileFacts, FileId};
use xxhash_rust::xxh3::{xxh3_128, xxh3_64, Xxh3};

const MAGIC: &[u8; 8] = b"LOFACTS1";
const HEADER: usize = MAGIC.len() + 16 + 8;

/// What a file's facts depend on besides its own text.
#[derive(Clone, Copy)]
pub struct Salt(u128);

pub struct Cache {
    facts_dir: PathBuf,
    build: u128,
    pub hits: AtomicU64,
    pub misses: AtomicU64,
    pub written: AtomicU64,
    write_failed: std::sync::atomic::AtomicBool,
}

impl Cache {
    /// The cache in `dir`, created if missing; the error is a warning for the run, which
    /// goes on without a cache.
    pub fn open(dir: &Path, rules_fingerprint: u64) -> Result<Cache, String> {
        // For lockorder developers changing only the analysis: a stamp of their choosing
        // keeps the facts of an earlier build (records of runs are theirs to delete).
        let stamp = std::env::var("LOCKORDER_DEBUG_FACTS_STAMP")
            .ok()
            .map(|s| crate::cache::text_hash(&s))
            .or_else(build_stamp)
            .ok_or_else(|| "cannot identify the running executable; not caching".to_string())?;
        let facts_dir = dir.join("facts");
        std::fs::create_dir_all(&facts_dir)
            .map_err(|e| format!("{}: cannot create the cache: {e}", dir.display()))?;
        // Tells backup and archiving tools to skip the directory (bford.info/cachedir).
        let tag = dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            let _ = std::fs::write(
                &tag,
                "Signature: 8a477f597d28d172789f06886806bc55\n# lockorder's cache of per-file facts\n",
            );
        }
        let mut h = Xxh3::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(&stamp.to_le_bytes());
        h.update(&rules_fingerprint.to_le_bytes());
        Ok(Cache {
            facts_dir,
            build: h.digest128(),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
            written: AtomicU64::new(0),
            write_failed: Default::default(),
        })
    }

    /// Where the cache lives when not configured: `$XDG_CACHE_HOME/lockorder`, else
    /// `~/.cache/lockorder`.
    pub fn default_dir() -> Option<PathBuf> {
        let xdg = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute());
        xdg.or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
            .map(|d| d.join("lockorder"))
    }

    pub fn salt(&self, deps: &[u8]) -> Salt {
        let mut h = Xxh3::new();
        h.update(&self.build.to_le_bytes());
        h.update(deps);
        Salt(h.digest128())
    }

    /// The key of a file whose text hashes to `text` (see [`text_hash`]).
    pub fn key(&self, salt: Salt, text: u128) -> u128 {
        let mut h = Xxh3::new();
        h.update(&salt.0.to_le_bytes());
        h.update(&text.to_le_bytes());
        h.digest128()
    }

    fn path(&self, key: u128) -> PathBuf {
        let hex = format!("{key:032x}");
        self.facts_dir.join(&hex[..2]).join(&hex[2..])
    }

    /// Where the record of the last run with this identity (see [`Cache::salt`]) lives.
    pub fn record_path(&self, identity: Salt) -> PathBuf {
        let dir = self.facts_dir.with_file_name("runs");
        dir.join(format!("{:032x}", identity.0))
    }

    /// The payload stored at `path` under `key`, if it is whole.
    pub fn fetch(path: &Path, key: u128) -> Option<Vec<u8>> {
        let mut bytes = std::fs::read(path).ok()?;
        if bytes.len() < HEADER || &bytes[..MAGIC.len()] != MAGIC {
            return None;
        }
        let stored_key = u128::from_le_bytes(bytes[8..24].try_into().ok()?);
        let checksum = u64::from_le_bytes(bytes[24..32].try_into().ok()?);
        if stored_key != key || xxh3_64(&bytes[HEADER..]) != checksum {
            return None;
        }
        bytes.drain(..HEADER);
        Some(bytes)
    }

    /// Writes `payload` under `key` to `path`: to a temporary file first, renamed into
    /// place, so a reader sees the old entry or the new one, never a part.
    pub fn store(&self, path: &Path, key: u128, payload: &[u8]) -> std::io::Result<()> {
        let dir = path.parent().unwrap_or(&self.facts_dir);
        std::fs::create_dir_all(dir)?;
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let tmp = dir.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(MAGIC)?;
            f.write_all(&key.to_le_bytes())?;
            f.write_all(&xxh3_64(payload).to_le_bytes())?;
            f.write_all(payload)?;
            drop(f);
            std::fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// The facts stored under `key`, read as facts of `file`; `None` when missing, foreign
    /// or corrupt.
    pub fn get(&self, key: u128, file: FileId) -> Option<FileFacts> {
        let found = Self::fetch(&self.path(key), key).and_then(|payload| {
            lockorder_ir::with_file_id(file, || postcard::from_bytes(&payload).ok())
        });
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Stores facts under `key`. The first failure is returned as a warning; later ones
    /// are silent.
    pub fn put(&self, key: u128, facts: &FileFacts) -> Option<String> {
        match self.write(key, facts) {
            Ok(()) => {
                self.written.fetch_add(1, Ordering::Relaxed);
                None
            }
            Err(e) if !self.write_failed.swap(true, Ordering::Relaxed) => Some(format!(
                "{}: cannot write the cache: {e}",
                self.facts_dir.display()
            )),
            Err(_) => None,
        }
    }

    fn write(&self, key: u128, facts: &FileFacts) -> std::io::Result<()> {
        let payload = postcard::to_stdvec(facts).map_err(std::io::Error::other)?;
        self.store(&self.path(key), key, &payload)
    }
}

/// What a file's cache key and run records know of its text.
pub fn text_hash(text: &str) -> u128 {
    xxh3_128(text.as_bytes())
}

/// Identifies the running build: a rebuilt binary may lower differently under the same
/// version number, so its entries must not be reused.
fn build_stamp() -> Option<u128> {
    let (len, mtime) = crate::run_record::stat(&std::env::current_exe().ok()?)?;
    Some(mtime ^ ((len as u128) << 64))
}
