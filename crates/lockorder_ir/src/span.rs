use std::cell::Cell;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Index of a source file in the run's sorted file list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

thread_local! {
    static DESERIALIZED_FILE: Cell<Option<FileId>> = const { Cell::new(None) };
}

/// Runs `f` with every [`FileId`] it deserialises read as `id`. A file's facts only name
/// their own file, so facts cached under one run's file numbering load into another's.
pub fn with_file_id<R>(id: FileId, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<FileId>);
    impl Drop for Restore {
        fn drop(&mut self) {
            DESERIALIZED_FILE.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(DESERIALIZED_FILE.with(|c| c.replace(Some(id))));
    f()
}

impl Serialize for FileId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for FileId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = u32::deserialize(d)?;
        Ok(DESERIALIZED_FILE.with(|c| c.get()).unwrap_or(FileId(raw)))
    }
}

/// A byte range in one source file. Front ends keep byte offsets exact (the C pre-pass is
/// length-preserving), so a span always points into the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }
}

/// Byte offsets where the lines of `text` start, for [`line_col`].
pub fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i + 1),
    );
    starts
}

/// 1-based (line, column) of a byte offset of `text`, whose [`line_starts`] are given;
/// the column counts characters.
pub fn line_col(text: &str, line_starts: &[usize], offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line = match line_starts.binary_search(&offset) {
        Ok(i) => i + 1,
        Err(i) => i,
    };
    let start = line_starts[line - 1];
    let mut end = offset;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (line, text[start..end].chars().count() + 1)
}

/// Maps byte offsets to 1-based lines and 1-based columns counted in Unicode characters
/// (a tab is one column), as rustc's JSON output does.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            line_starts: line_starts(text),
        }
    }

    /// 1-based line number of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(self.text, &self.line_starts, offset)
    }

    /// Byte range of a 1-based line, without its line terminator.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .map(|&next| next - 1)
            .unwrap_or(self.text.len());
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let idx = LineIndex::new("ab\n\tä x\n");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        // `x` sits after a tab, a two-byte `ä` and a space: column 4.
        assert_eq!(idx.line_col(7), (2, 4));
        assert_eq!(idx.line_range(2), 3..8);
    }
}
