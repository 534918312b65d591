//! Paths as shown to users (relative to the current directory) and as used in class names
//! and fingerprints (relative to the project root, so independent of the current directory).

use std::path::{Component, Path, PathBuf};

/// Lexically normalised absolute path (no symlink resolution: symlinks are not followed).
pub fn absolute(p: &Path, cwd: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `/`-separated path of `abs` below `base`, if it is below.
pub fn relative_to(abs: &Path, base: &Path) -> Option<String> {
    let rel = abs.strip_prefix(base).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(parts.join("/"))
}

/// The project root: the nearest directory holding `lockorder.toml`, else the git work
/// tree root, else the current directory.
pub fn project_root(first: &Path, cwd: &Path) -> PathBuf {
    let start = absolute(first, cwd);
    let start = if start.is_dir() {
        start
    } else {
        start.parent().map(Path::to_path_buf).unwrap_or(start)
    };
    for marker in ["lockorder.toml", ".git"] {
        let mut dir = Some(start.as_path());
        while let Some(d) = dir {
            if d.join(marker).exists() {
                return d.to_path_buf();
            }
            dir = d.parent();
        }
    }
    cwd.to_path_buf()
}
