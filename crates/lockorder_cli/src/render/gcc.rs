//! `--format gcc`: `file:line:col: error: message [LO001]`, then each related site as a
//! `note:` line — what editors' quickfix lists (Vim's `errorformat`, Emacs'
//! `compilation-mode`) parse.

use std::io::{self, Write};

use lockorder_analysis::Finding;

use super::Located;

pub fn render(findings: &[Finding], loc: &Located, out: &mut dyn Write) -> io::Result<()> {
    for f in findings {
        let l = loc.locate(f.primary.span);
        writeln!(
            out,
            "{}:{}:{}: {}: {} [{}]",
            l.file,
            l.line,
            l.column,
            f.severity.as_str(),
            one_line(&f.message),
            f.code
        )?;
        for site in &f.related {
            let r = loc.locate(site.span);
            writeln!(
                out,
                "{}:{}:{}: note: {}",
                r.file,
                r.line,
                r.column,
                one_line(&site.message)
            )?;
        }
    }
    Ok(())
}

/// A message kept on its line: a quickfix entry is one line.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
