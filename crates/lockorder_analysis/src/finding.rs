use lockorder_ir::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One source location involved in a finding, with the role it plays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub span: Span,
    pub function: Option<String>,
    pub message: String,
}

/// What a check reports. Renderers know only this type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Where the fix goes.
    pub primary: Site,
    /// Every other site involved.
    pub related: Vec<Site>,
    /// Lock classes by displayed name; for a cycle, in cycle order from the primary's.
    pub locks: Vec<String>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    /// For a cycle: `(first, second)` acquisitions whose order the help proposes to swap.
    pub reorder: Option<(Span, Span)>,
    /// Stable across line moves and across the directory the tool runs in.
    pub fingerprint: String,
}

/// A fingerprint from parts that do not depend on line numbers.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update(&[0]);
    }
    format!("{:016x}", h.digest())
}
