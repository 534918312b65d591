//! One check per file. Each declares its rule with [`declare_rule!`]: the doc comment is
//! the documentation `lockorder rule CODE` prints.

use crate::finding::Severity;

pub mod lock_order_cycle;

/// A rule's identity and documentation.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub default_severity: Severity,
    /// One line, for `lockorder rules`.
    pub summary: &'static str,
    /// The check's doc comment: what it does, why it is bad, example, how to fix.
    pub doc: &'static str,
}

macro_rules! declare_rule {
    ($(#[doc = $doc:expr])* pub $ident:ident = ($code:expr, $name:expr, $sev:expr, $summary:expr $(,)?)) => {
        $(#[doc = $doc])*
        pub const $ident: $crate::checks::RuleInfo = $crate::checks::RuleInfo {
            code: $code,
            name: $name,
            default_severity: $sev,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
        };
    };
}
pub(crate) use declare_rule;

/// Every implemented rule, by code.
pub const RULES: &[RuleInfo] = &[lock_order_cycle::LOCK_ORDER_CYCLE];

pub fn rule_by_code_or_name(key: &str) -> Option<&'static RuleInfo> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
}
