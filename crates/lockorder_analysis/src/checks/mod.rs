//! One check per file. Each declares its rule with [`declare_rule!`]: the doc comment is
//! the documentation `lockorder rule CODE` prints.

use crate::classes::ClassTable;
use crate::finding::{CallChain, Severity, Site};
use crate::function_pass::{FunctionResult, ProgramWide};
use crate::program::Program;
use crate::summary::Chain;

pub mod declared_order_violation;
pub mod double_lock;
pub mod irq_unsafe_lock;
pub mod lock_across_await;
pub mod lock_not_held;
pub mod lock_order_cycle;
pub mod sleep_in_atomic;
pub mod unbalanced_unlock;
pub mod unreleased_lock;
pub mod unused_suppression;
pub mod wait_under_lock;

/// What the per-function checks share.
pub struct FunctionContext<'a> {
    pub program: &'a Program,
    pub classes: &'a ClassTable,
}

/// What the program-wide checks share: every function's observations, in unit order.
pub struct ProgramContext<'a> {
    pub program: &'a Program,
    pub classes: &'a ClassTable,
    pub resolver: &'a crate::summary::CallResolver,
    /// `(file, function)` per unit, and each unit's results and entry context.
    pub units: &'a [(usize, usize)],
    /// `None` where a function has nothing the program-wide checks read.
    pub results: &'a [Option<Box<ProgramWide>>],
    pub entry_contexts: &'a [Option<crate::function_pass::EntryContext>],
    pub offsets: &'a [usize],
    /// The functions a function calls (direct, and indirect targets).
    pub callees: &'a dyn Fn((usize, usize)) -> Vec<(usize, usize)>,
}

impl ProgramContext<'_> {
    pub fn unit_index(&self, (fi, fj): (usize, usize)) -> usize {
        self.offsets[fi] + fj
    }

    /// The program-wide observations of unit `u`.
    pub fn result(&self, u: usize) -> &ProgramWide {
        self.results[u]
            .as_deref()
            .unwrap_or_else(|| ProgramWide::empty())
    }

    /// Each unit with its program-wide observations, in unit order.
    pub fn unit_results(&self) -> impl Iterator<Item = (&(usize, usize), &ProgramWide)> {
        self.units
            .iter()
            .enumerate()
            .map(|(u, f)| (f, self.result(u)))
    }
}

/// One analysed function.
pub struct FunctionUnit<'a> {
    pub file: usize,
    pub function: usize,
    pub result: &'a FunctionResult,
}

impl FunctionContext<'_> {
    pub fn function_name(&self, unit: &FunctionUnit) -> String {
        self.program.files[unit.file].facts.functions[unit.function]
            .name
            .clone()
    }

    pub fn file_path(&self, unit: &FunctionUnit) -> &str {
        &self.program.files[unit.file].rel_path
    }
}

/// A summary chain as the sites a finding shows: each call, then the acquisition.
pub fn call_chain(program: &Program, call: Site, chain: &Chain, lock: &str) -> CallChain {
    call_chain_with(
        program,
        call,
        chain,
        format!("`{lock}` taken"),
        &|f, next| match next {
            Some(next) => format!("`{f}` calls `{next}`, which takes `{lock}`"),
            None => format!("`{lock}` acquired here, in `{f}`"),
        },
    )
}

/// A chain whose steps say what they lead to: `message(function, next function)`, with no
/// next function at the last step (the acquisition, sleep or requirement itself).
pub fn call_chain_with(
    program: &Program,
    call: Site,
    chain: &Chain,
    what: String,
    message: &dyn Fn(&str, Option<&str>) -> String,
) -> CallChain {
    let name = |(fi, fj): (usize, usize)| &program.files[fi].facts.functions[fj].name;
    let steps = chain
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let f = name(step.function);
            Site {
                span: step.span,
                function: Some(f.clone()),
                message: message(f, chain.get(i + 1).map(|n| name(n.function).as_str())),
            }
        })
        .collect();
    CallChain { what, call, steps }
}

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
pub const RULES: &[RuleInfo] = &[
    lock_order_cycle::LOCK_ORDER_CYCLE,
    double_lock::DOUBLE_LOCK,
    unreleased_lock::UNRELEASED_LOCK,
    unbalanced_unlock::UNBALANCED_UNLOCK,
    sleep_in_atomic::SLEEP_IN_ATOMIC,
    irq_unsafe_lock::IRQ_UNSAFE_LOCK,
    lock_across_await::LOCK_ACROSS_AWAIT,
    declared_order_violation::DECLARED_ORDER_VIOLATION,
    wait_under_lock::WAIT_UNDER_LOCK,
    lock_not_held::LOCK_NOT_HELD,
    unused_suppression::UNUSED_SUPPRESSION,
];

pub fn rule_by_code_or_name(key: &str) -> Option<&'static RuleInfo> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
}

/// Whether `class` is handed between calls of the function: some path takes it and
/// returns holding it, another releases it without having taken it, and no path does
/// both (`gate_ctrl(fe, 1)` then `gate_ctrl(fe, 0)`, a notifier's PRE and POST events, a
/// seq_file's start and stop). Which call pairs with which is the callers' business, so
/// the release without the lock is no bug of the function alone (LO003 already needs a
/// path that releases what it took). A path that takes and releases it shows the
/// function balancing the lock itself, and the mismatched paths are its bugs.
pub fn handed_between_calls(r: &FunctionResult, class: crate::classes::ClassId) -> bool {
    r.returns
        .iter()
        .any(|ret| ret.held.iter().any(|h| h.class == class))
        && r.unheld_releases
            .iter()
            .any(|u| u.class == class && u.previous_release.is_none())
        && !r
            .returns
            .iter()
            .any(|ret| ret.released.iter().any(|x| x.0 == class))
}
