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

/// A concrete change, expressed in spans so a renderer can show the real source lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Suggestion {
    /// Swap two acquisitions: `second` moves before `first`.
    Reorder { first: Span, second: Span },
    /// Insert a copy of the statement at `copy` before the statement at `before`.
    InsertBefore { before: Span, copy: Span },
}

/// The calls from a finding's site down to where a lock is taken: `steps[0]` is in the
/// callee of the call at the site, the last step is the acquisition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallChain {
    /// What the chain leads to, for its note: "`a_lock` taken".
    pub what: String,
    /// The call it starts from, in the function the finding is about.
    pub call: Site,
    pub steps: Vec<Site>,
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
    /// Call chains behind the sites; their steps are in `related` too.
    pub chains: Vec<CallChain>,
    pub help: Option<String>,
    /// A change the help proposes, for renderers that can show source lines.
    pub suggestion: Option<Suggestion>,
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
