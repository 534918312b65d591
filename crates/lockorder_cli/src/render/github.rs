//! `--format github`: GitHub Actions workflow commands, one annotation per finding:
//! `::error file=F,line=L,endLine=L2,col=C,endColumn=C2,title=T::MESSAGE`. Paths are
//! relative to the project root (the repository, in CI). Related sites, call chains,
//! notes and help are folded into the message, which GitHub shows as several lines.

use std::io::{self, Write};

use lockorder_analysis::{Finding, Severity};

use super::Located;

pub fn render(findings: &[Finding], loc: &Located, out: &mut dyn Write) -> io::Result<()> {
    for f in findings {
        let l = loc.locate(f.primary.span);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut props = format!(
            "file={},line={},endLine={}",
            property(loc.root_path(f.primary.span)),
            l.line,
            l.end_line
        );
        // Columns only for a one-line span: GitHub ignores them otherwise.
        if l.line == l.end_line {
            props.push_str(&format!(",col={},endColumn={}", l.column, l.end_column));
        }
        props.push_str(&format!(
            ",title={}",
            property(&format!("{} {}", f.code, f.rule))
        ));
        let mut message = f.message.clone();
        for site in &f.related {
            let r = loc.locate(site.span);
            message.push_str(&format!(
                "\n{}:{}: {}",
                loc.root_path(site.span),
                r.line,
                site.message
            ));
        }
        for n in super::notes(f, loc) {
            message.push_str(&format!("\nnote: {n}"));
        }
        if let Some(h) = &f.help {
            message.push_str(&format!("\nhelp: {h}"));
        }
        writeln!(out, "::{command} {props}::{}", data(&message))?;
    }
    // A plain log line: the runner shows only the first annotations of each kind.
    if !findings.is_empty() {
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        writeln!(
            out,
            "lockorder: {} errors, {} warnings, {} notes; GitHub shows at most 10 annotations of each kind per step, so large trees use --format sarif (code scanning) or a baseline",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Note)
        )?;
    }
    Ok(())
}

/// Escapes a command's message: `%`, CR and LF.
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as [`data`], and `:` and `,`, which end a property.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(data("50% of a\r\nb"), "50%25 of a%0D%0Ab");
        assert_eq!(
            property("drivers/x.c::lock, 1%"),
            "drivers/x.c%3A%3Alock%2C 1%25"
        );
    }
}
