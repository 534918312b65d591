//! proc-macro2 locations (1-based line, 0-based column in characters) to byte offsets.

use lockorder_ir::{FileId, Span};

pub struct SpanMap<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    file: FileId,
}

impl<'a> SpanMap<'a> {
    pub fn new(text: &'a str, file: FileId) -> Self {
        SpanMap {
            text,
            line_starts: lockorder_ir::line_starts(text),
            file,
        }
    }

    /// The byte offset of a location; the end of the text when out of range.
    pub fn offset(&self, lc: proc_macro2::LineColumn) -> usize {
        let Some(&start) = self.line_starts.get(lc.line.wrapping_sub(1)) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        match line.char_indices().nth(lc.column) {
            Some((i, _)) => start + i,
            None => start + line.len(),
        }
    }

    pub fn span(&self, s: proc_macro2::Span) -> Span {
        let (a, b) = (self.offset(s.start()), self.offset(s.end()));
        Span::new(self.file, a, b.max(a))
    }

    /// From the start of `a` to the end of `b`.
    pub fn join(&self, a: proc_macro2::Span, b: proc_macro2::Span) -> Span {
        let (start, end) = (self.offset(a.start()), self.offset(b.end()));
        Span::new(self.file, start, end.max(start))
    }

    pub fn file(&self) -> FileId {
        self.file
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_characters() {
        let text = "fn a() {}\n// ä\tx\n";
        let m = SpanMap::new(text, FileId(0));
        let lc = |line, column| proc_macro2::LineColumn { line, column };
        assert_eq!(m.offset(lc(1, 3)), 3);
        // `x` is the 6th character of line 2, after a two-byte `ä`.
        assert_eq!(&text[m.offset(lc(2, 5))..m.offset(lc(2, 5)) + 1], "x");
        assert_eq!(m.offset(lc(9, 0)), text.len());
    }
}
