use lockorder_ir::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    pub span: Span,
    pub function: Option<String>,
    pub message: String,
}

/// A concrete change, expressed in spans so a renderer can show the real source lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Suggestion {
    /// Swap two acquisitions: `second` moves before `first`.
    Reorder { first: Span, second: Span },
    /// Insert a copy of the statement at `copy` before the statement at `before`.
    InsertBefore { before: Span, copy: Span },
}

/// The calls from a finding's site down to where a lock is taken: `steps[0]` is in the
/// callee of the call at the site, the last step is the acquisition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallChain {
    /// What the chain leads to, for its note: "`a_lock` taken".
    pub what: String,
    /// The call it starts from, in the function the finding is about.
    pub call: Site,
    pub steps: Vec<Site>,
}

/// A rule's code or name. An alias, so serde does not take the field for a string
/// borrowed from its input.
pub type RuleStr = &'static str;

/// What a check reports. Renderers know only this type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    #[serde(with = "rule_str")]
    pub code: RuleStr,
    #[serde(with = "rule_str")]
    pub rule: RuleStr,
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

/// Findings name their rule by the `'static` strings of [`crate::RULES`]; a stored finding
/// gets them back by lookup.
mod rule_str {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(s: &&'static str, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        let s = String::deserialize(d)?;
        crate::RULES
            .iter()
            .flat_map(|r| [r.code, r.name])
            .find(|x| *x == s)
            .ok_or_else(|| D::Error::custom(format!("unknown rule `{s}`")))
    }
}
