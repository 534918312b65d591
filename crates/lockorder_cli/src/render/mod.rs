//! Renderers: one output format per file. They know only `Finding` and how to locate spans.

mod concise;
mod full;
mod gcc;
mod github;
mod json;
mod sarif;

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use lockorder_analysis::Finding;
use lockorder_ir::Span;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::args::Format;
use crate::paths;

/// Renders the findings to standard output; `color` only matters for `full`.
pub fn render(format: Format, color: bool, findings: &[Finding], loc: &Located) -> io::Result<()> {
    match format {
        Format::Full => {
            let choice = if color {
                ColorChoice::Always
            } else {
                ColorChoice::Never
            };
            let stream = StandardStream::stdout(choice);
            let mut out = stream.lock();
            full::render(findings, loc, &mut out)?;
            out.flush()
        }
        _ => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            match format {
                Format::Json => json::render(findings, loc, &mut out)?,
                Format::Gcc => gcc::render(findings, loc, &mut out)?,
                Format::Github => github::render(findings, loc, &mut out)?,
                Format::Sarif => sarif::render(findings, loc, &mut out)?,
                _ => concise::render(findings, loc, &mut out)?,
            }
            out.flush()
        }
    }
}

/// The finding's notes, then one per call chain: "`a_lock` taken via `xdev_b_path`
/// (b.c:13) -> `take_a` (a.c:5)".
pub fn notes(f: &Finding, loc: &Located) -> Vec<String> {
    let mut out = f.notes.clone();
    for c in &f.chains {
        let steps: Vec<String> = c
            .steps
            .iter()
            .map(|s| {
                let l = loc.locate(s.span);
                format!(
                    "`{}` ({}:{})",
                    s.function.as_deref().unwrap_or("?"),
                    l.file,
                    l.line
                )
            })
            .collect();
        out.push(format!("{} via {}", c.what, steps.join(" -> ")));
    }
    out
}

/// A span as users see it: display path, 1-based line and character columns.
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A file's text and the offsets where its lines start.
type IndexedText = (String, Vec<usize>);

/// Resolves spans to locations, reading each file with findings once.
pub struct Located {
    paths: Vec<PathBuf>,
    display: Vec<String>,
    /// Relative to the project root, for `github` and `sarif`.
    from_root: Vec<String>,
    /// Each file's text and line starts, read once.
    texts: RefCell<HashMap<u32, Option<Rc<IndexedText>>>>,
}

impl Located {
    pub fn new(paths: &[PathBuf], cwd: &Path, root: &Path) -> Self {
        let display = paths
            .iter()
            .map(|p| {
                let abs = paths::absolute(p, cwd);
                paths::relative_to(&abs, cwd).unwrap_or_else(|| p.to_string_lossy().into_owned())
            })
            .collect();
        let from_root = paths
            .iter()
            .map(|p| {
                let abs = paths::absolute(p, cwd);
                paths::relative_to(&abs, root).unwrap_or_else(|| abs.to_string_lossy().into_owned())
            })
            .collect();
        Located {
            paths: paths.to_vec(),
            display,
            from_root,
            texts: RefCell::new(HashMap::new()),
        }
    }

    /// The file as displayed: relative to the current directory when below it.
    pub fn display_path(&self, span: Span) -> &str {
        &self.display[span.file.0 as usize]
    }

    /// The file relative to the project root, `/`-separated.
    pub fn root_path(&self, span: Span) -> &str {
        &self.from_root[span.file.0 as usize]
    }

    /// The text of the file holding `span`, read once.
    pub fn text(&self, span: Span) -> Option<String> {
        self.indexed(span).map(|t| t.0.clone())
    }

    fn indexed(&self, span: Span) -> Option<Rc<IndexedText>> {
        let mut texts = self.texts.borrow_mut();
        texts
            .entry(span.file.0)
            .or_insert_with(|| {
                crate::source::read_for_render(&self.paths[span.file.0 as usize]).map(|t| {
                    let starts = lockorder_ir::line_starts(&t);
                    Rc::new((t, starts))
                })
            })
            .clone()
    }

    pub fn locate(&self, span: Span) -> Location {
        let (line, column, end_line, end_column) = match self.indexed(span) {
            Some(t) => {
                let (text, starts) = &*t;
                let (l, c) = lockorder_ir::line_col(text, starts, span.start as usize);
                let (el, ec) = lockorder_ir::line_col(text, starts, span.end as usize);
                (l, c, el, ec)
            }
            None => (1, 1, 1, 1),
        };
        Location {
            file: self.display_path(span).to_string(),
            line,
            column,
            end_line,
            end_column,
        }
    }
}
