//! `--format concise`: `file:line:col: error[LO001]: message`, one line per finding.

use std::io::{self, Write};

use lockorder_analysis::Finding;

use super::Located;

pub fn render(findings: &[Finding], loc: &Located, out: &mut dyn Write) -> io::Result<()> {
    for f in findings {
        let l = loc.locate(f.primary.span);
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            l.file,
            l.line,
            l.column,
            f.severity.as_str(),
            f.code,
            f.message
        )?;
    }
    Ok(())
}
