//! `--format full`: rustc-shaped diagnostics through codespan-reporting — every site
//! labelled (primary `^^^`, secondary `---`, across files), then `= note:` and `= help:`.

use std::io;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor, Chars, Config};
use lockorder_analysis::{Finding, Severity, Suggestion};
use lockorder_ir::{LineIndex, Span};

use super::Located;

/// Tabs show 8 wide, as in the kernel.
const TAB_WIDTH: usize = 8;

pub fn render(
    findings: &[Finding],
    loc: &Located,
    out: &mut dyn termcolor::WriteColor,
) -> io::Result<()> {
    // rustc's characters: ` --> file:line:col`, `|`, `= note:`.
    let config = Config {
        tab_width: TAB_WIDTH,
        chars: Chars::ascii(),
        ..Config::default()
    };
    for f in findings {
        let (files, diagnostic) = diagnostic(f, loc);
        term::emit_to_write_style(out, &config, &files, &diagnostic).map_err(|e| match e {
            codespan_reporting::files::Error::Io(e) => e,
            other => io::Error::other(other),
        })?;
    }
    if !findings.is_empty() {
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
        writeln!(
            out,
            "lockorder: {errors} error{}, {warnings} warning{}",
            plural(errors),
            plural(warnings)
        )?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The diagnostic of one finding, with the files it labels.
pub fn diagnostic(f: &Finding, loc: &Located) -> (SimpleFiles<String, String>, Diagnostic<usize>) {
    let mut files = SimpleFiles::new();
    let mut ids: Vec<(u32, usize)> = Vec::new();
    let mut file_id = |span: Span, files: &mut SimpleFiles<String, String>| -> usize {
        if let Some(&(_, id)) = ids.iter().find(|(f, _)| *f == span.file.0) {
            return id;
        }
        let text = loc.text(span).unwrap_or_default();
        let id = files.add(loc.display_path(span).to_string(), text);
        ids.push((span.file.0, id));
        id
    };
    let mut labels = Vec::new();
    let pid = file_id(f.primary.span, &mut files);
    labels.push(
        Label::primary(
            pid,
            range(
                f.primary.span,
                files.get(pid).map(|s| s.source().len()).unwrap_or(0),
            ),
        )
        .with_message(&f.primary.message),
    );
    for site in &f.related {
        let id = file_id(site.span, &mut files);
        let len = files.get(id).map(|s| s.source().len()).unwrap_or(0);
        labels.push(Label::secondary(id, range(site.span, len)).with_message(&site.message));
    }
    let mut notes: Vec<String> = super::notes(f, loc)
        .iter()
        .map(|n| format!("note: {n}"))
        .collect();
    if let Some(h) = &f.help {
        let mut help = format!("help: {h}");
        let lines = match f.suggestion {
            Some(Suggestion::Reorder { first, second }) => {
                line_of(loc, second).zip(line_of(loc, first))
            }
            Some(Suggestion::InsertBefore { before, copy }) => {
                line_of(loc, copy).zip(line_of(loc, before)).map(|(c, b)| {
                    // The inserted statement takes the indentation of the one it precedes.
                    let indent: String = b.chars().take_while(|c| c.is_whitespace()).collect();
                    (format!("{indent}{}", c.trim()), b)
                })
            }
            None => None,
        };
        if let Some((a, b)) = lines {
            help.push_str(":\n");
            help.push_str(&format!("    {}\n    {}", a.trim_end(), b.trim_end()));
        }
        notes.push(help);
    }
    let d = match f.severity {
        Severity::Error => Diagnostic::error(),
        Severity::Warning => Diagnostic::warning(),
        Severity::Note => Diagnostic::note(),
    };
    (
        files,
        d.with_code(f.code)
            .with_message(&f.message)
            .with_labels(labels)
            .with_notes(notes),
    )
}

fn range(span: Span, len: usize) -> std::ops::Range<usize> {
    let start = (span.start as usize).min(len);
    start..(span.end as usize).clamp(start, len)
}

/// The source line holding a span, with its indentation turned into spaces.
fn line_of(loc: &Located, span: Span) -> Option<String> {
    let text = loc.text(span)?;
    let idx = LineIndex::new(&text);
    let line = idx.line(span.start as usize);
    let s = text.get(idx.line_range(line))?;
    let mut out = String::new();
    for c in s.chars() {
        if c == '\t' {
            let pad = TAB_WIDTH - out.chars().count() % TAB_WIDTH;
            out.extend(std::iter::repeat_n(' ', pad));
        } else {
            out.push(c);
        }
    }
    Some(out)
}
