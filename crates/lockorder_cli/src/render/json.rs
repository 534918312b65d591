//! `--format json`: JSON Lines, one finding per line, with DESIGN.md's fields.

use std::io::{self, Write};

use lockorder_analysis::Finding;
use serde::Serialize;

use super::Located;

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    function: Option<&'a str>,
    locks: &'a [String],
    related: Vec<JsonSite<'a>>,
    notes: Vec<String>,
    help: Option<&'a str>,
    fingerprint: &'a str,
}

#[derive(Serialize)]
struct JsonSite<'a> {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    function: Option<&'a str>,
    message: &'a str,
}

pub fn render(findings: &[Finding], loc: &Located, out: &mut dyn Write) -> io::Result<()> {
    for f in findings {
        let p = loc.locate(f.primary.span);
        let related = f
            .related
            .iter()
            .map(|s| {
                let l = loc.locate(s.span);
                JsonSite {
                    file: l.file,
                    line: l.line,
                    column: l.column,
                    end_line: l.end_line,
                    end_column: l.end_column,
                    function: s.function.as_deref(),
                    message: &s.message,
                }
            })
            .collect();
        let j = JsonFinding {
            code: f.code,
            rule: f.rule,
            severity: f.severity.as_str(),
            message: &f.message,
            file: p.file,
            line: p.line,
            column: p.column,
            end_line: p.end_line,
            end_column: p.end_column,
            function: f.primary.function.as_deref(),
            locks: &f.locks,
            related,
            notes: super::notes(f, loc),
            help: f.help.as_deref(),
            fingerprint: &f.fingerprint,
        };
        serde_json::to_writer(&mut *out, &j)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
