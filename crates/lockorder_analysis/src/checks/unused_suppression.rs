use crate::checks::declare_rule;
use crate::finding::{fingerprint, Finding, Severity, Site};

declare_rule! {
    /// ## What it does
    /// Reports a `lockorder: ignore[...]` or `lockorder: file-ignore[...]` comment that
    /// suppresses nothing: no finding of the codes it names at its place (its line or the
    /// next; the whole function when it sits just above one; the whole file for
    /// `file-ignore`), or a code that names no rule.
    ///
    /// ## Why is this bad?
    /// A suppression outliving the finding it silenced hides the next real finding of that
    /// rule at the same place, and tells readers about a problem that is gone.
    ///
    /// ## Example
    /// ```c
    /// mutex_lock(&dev->lock);	/* lockorder: ignore[LO001] order checked by hand */
    /// ```
    /// after the inversion it silenced was fixed.
    ///
    /// ## How to fix
    /// Delete the comment, or correct its codes.
    pub UNUSED_SUPPRESSION = ("LO900", "unused-suppression", Severity::Warning,
        "a lockorder: ignore[...] comment that suppresses nothing")
}

/// The finding for an unused (or unknown-code) suppression at `site`.
pub fn finding(site: Site, file: &str, codes: &[String], unknown: Option<&str>) -> Finding {
    let list = codes.join(", ");
    let message = match unknown {
        Some(c) => format!("suppression names `{c}`, which is no rule"),
        None => format!("unused suppression: no `{list}` finding here"),
    };
    Finding {
        code: UNUSED_SUPPRESSION.code,
        rule: UNUSED_SUPPRESSION.name,
        severity: UNUSED_SUPPRESSION.default_severity,
        message,
        primary: site,
        related: Vec::new(),
        locks: Vec::new(),
        notes: Vec::new(),
        chains: Vec::new(),
        help: Some("delete the suppression, or correct its codes".into()),
        suggestion: None,
        fingerprint: fingerprint(&[UNUSED_SUPPRESSION.code, file, &list]),
    }
}
