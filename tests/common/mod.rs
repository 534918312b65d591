//! Helpers the integration tests share.

use tempfile::TempDir;

/// A scratch directory named for the test (`lockorder-{name}-…`), removed when the test
/// ends.
pub fn scratch_dir(name: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("lockorder-{name}-"))
        .tempdir()
        .unwrap()
}

/// A scratch directory that is its own project: an empty `lockorder.toml` marks the root.
#[allow(dead_code)] // Not every test crate that includes this module needs a project.
pub fn scratch_project(name: &str) -> TempDir {
    let dir = scratch_dir(name);
    std::fs::write(dir.path().join("lockorder.toml"), "").unwrap();
    dir
}
