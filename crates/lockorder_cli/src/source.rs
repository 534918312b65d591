//! Reading source files: every problem is a one-line warning naming the path, and the run
//! goes on.

use std::path::Path;

pub enum Loaded {
    Text(String),
    Skipped(String),
}

/// Reads a file as text. Invalid UTF-8 bytes become `?` (one byte each, so offsets stay
/// exact); files with NUL bytes are binary and skipped.
pub fn load(path: &Path, max_size: u64) -> (Loaded, Option<String>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            return (
                Loaded::Skipped(format!("{}: cannot read: {}", path.display(), e)),
                None,
            )
        }
    };
    if meta.len() > max_size {
        return (
            Loaded::Skipped(format!(
                "{}: skipped: {} bytes is over --max-file-size {}",
                path.display(),
                meta.len(),
                max_size
            )),
            None,
        );
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return (
                Loaded::Skipped(format!("{}: cannot read: {}", path.display(), e)),
                None,
            )
        }
    };
    if bytes.contains(&0) {
        return (
            Loaded::Skipped(format!(
                "{}: skipped: binary file (contains NUL bytes)",
                path.display()
            )),
            None,
        );
    }
    match String::from_utf8(bytes) {
        Ok(s) => (Loaded::Text(s), None),
        Err(e) => {
            let text = decode_lossy_same_length(e.as_bytes());
            (
                Loaded::Text(text),
                Some(format!(
                    "{}: not valid UTF-8; invalid bytes read as `?`",
                    path.display()
                )),
            )
        }
    }
}

/// UTF-8 decoding that replaces each invalid byte with `?`, preserving byte offsets.
pub fn decode_lossy_same_length(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for _ in chunk.invalid() {
            out.push('?');
        }
    }
    out
}

/// The text of a file for rendering, read the same way as for analysis.
pub fn read_for_render(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .map(|b| match String::from_utf8(b) {
            Ok(s) => s,
            Err(e) => decode_lossy_same_length(e.as_bytes()),
        })
}
