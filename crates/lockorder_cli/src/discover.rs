//! Finds the source files to check: files given directly, and directories walked in
//! sorted order; symlinks are not followed. `.gitignore` files count inside a git work
//! tree only, as in ripgrep: an unpacked source tarball (Debian's kernel source ends its
//! `.gitignore` with `/*`) is checked whole.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::kernel_tree::ArchFilter;
use crate::{into_inner, lock};

pub const SOURCE_EXTENSIONS: &[&str] = &["c", "h", "rs"];

pub struct Discovered {
    pub files: Vec<PathBuf>,
    /// Path arguments that do not exist (exit status 2).
    pub missing: Vec<PathBuf>,
}

pub fn discover(paths: &[PathBuf], arch: &ArchFilter, warn: &mut dyn FnMut(String)) -> Discovered {
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for p in paths {
        match std::fs::symlink_metadata(p) {
            Err(_) => missing.push(p.clone()),
            Ok(m) if m.is_file() => files.push(p.clone()),
            Ok(m) if m.file_type().is_symlink() => {
                warn(format!("{}: is a symbolic link; not followed", p.display()))
            }
            Ok(_) => walk(p, arch, &mut files, warn),
        }
    }
    files.sort();
    files.dedup();
    Discovered { files, missing }
}

/// Walks on all cores (a warm run over the kernel is mostly this walk); the caller sorts.
fn walk(dir: &Path, arch: &ArchFilter, files: &mut Vec<PathBuf>, warn: &mut dyn FnMut(String)) {
    let found = Mutex::new(Vec::new());
    let errors = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(dir)
        .follow_links(false)
        // A directory named on the command line is entered whatever its name.
        .filter_entry({
            let arch = arch.clone();
            move |e| {
                e.depth() == 0
                    || !e.file_type().is_some_and(|t| t.is_dir())
                    || arch.enters(e.path())
            }
        })
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                match entry {
                    Ok(e) => {
                        let is_file = e.file_type().is_some_and(|t| t.is_file());
                        let is_source = e
                            .path()
                            .extension()
                            .and_then(|x| x.to_str())
                            .is_some_and(|x| SOURCE_EXTENSIONS.contains(&x));
                        if is_file && is_source {
                            lock(&found).push(e.into_path());
                        }
                    }
                    Err(err) => lock(&errors).push(format!("{err}")),
                }
                ignore::WalkState::Continue
            })
        });
    files.extend(into_inner(found));
    let mut errors = into_inner(errors);
    errors.sort();
    for e in errors {
        warn(e);
    }
}
