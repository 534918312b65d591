//! Suppressions in the source: `lockorder: ignore[LO001] reason` on a finding's line or
//! the line above (just above a function: the whole function), `lockorder:
//! file-ignore[LO005]` for the file. Unused ones, and unknown codes, become LO900.

use lockorder_analysis::checks::unused_suppression;
use lockorder_analysis::{Finding, Program, Site, RULES};
use lockorder_ir::SuppressionScope;

use crate::render::Located;

struct Active<'a> {
    file: usize,
    scope: SuppressionScope,
    codes: &'a [String],
    line: usize,
    /// The function whose definition the comment sits just above.
    function: Option<&'a str>,
    used: bool,
}

fn matches(codes: &[String], f: &Finding) -> bool {
    codes
        .iter()
        .any(|c| c.eq_ignore_ascii_case(f.code) || c == f.rule)
}

/// Drops suppressed findings and appends LO900 findings for suppressions that matched
/// nothing.
pub fn apply(program: &Program, findings: &mut Vec<Finding>, loc: &Located) {
    let mut active: Vec<Active> = Vec::new();
    for (fi, file) in program.files.iter().enumerate() {
        if file.learn_only || file.facts.suppressions.is_empty() {
            continue;
        }
        for s in &file.facts.suppressions {
            let line = loc.locate(s.span).line;
            // Kernel style puts the name on the line after the return type.
            let function = (s.scope == SuppressionScope::Line)
                .then(|| {
                    file.facts.functions.iter().find(|f| {
                        let n = loc.locate(f.name_span).line;
                        n > line && n - line <= 2
                    })
                })
                .flatten()
                .map(|f| f.name.as_str());
            active.push(Active {
                file: fi,
                scope: s.scope,
                codes: &s.codes,
                line,
                function,
                used: false,
            });
        }
    }
    if active.is_empty() {
        return;
    }
    findings.retain(|f| {
        let file = f.primary.span.file.0 as usize;
        let line = loc.locate(f.primary.span).line;
        let mut suppressed = false;
        for a in active.iter_mut().filter(|a| a.file == file) {
            let here = match a.scope {
                SuppressionScope::File => true,
                SuppressionScope::Line => {
                    a.line == line
                        || a.line + 1 == line
                        || a.function.is_some() && a.function == f.primary.function.as_deref()
                }
            };
            if here && matches(a.codes, f) {
                a.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    for (a, s) in active.iter().zip(
        program
            .files
            .iter()
            .filter(|f| !f.learn_only)
            .flat_map(|f| &f.facts.suppressions),
    ) {
        let unknown = a.codes.iter().find(|c| {
            !RULES
                .iter()
                .any(|r| c.eq_ignore_ascii_case(r.code) || **c == r.name)
        });
        if a.used && unknown.is_none() {
            continue;
        }
        let site = Site {
            span: s.span,
            function: a.function.map(str::to_string),
            message: "suppresses nothing".into(),
        };
        findings.push(unused_suppression::finding(
            site,
            &program.files[a.file].rel_path,
            a.codes,
            unknown.map(String::as_str),
        ));
    }
}
