//! The TOML schema of rule files. Unknown keys are errors, so a typo never silently
//! disables a rule.

use std::ops::Range;

use lockorder_ir::{
    AnnotationKind, ContextOp, ExecContext, Irq, LockKind, Mode, Success, WaitKind,
};
use serde::Deserialize;
use toml::Spanned;

use crate::{ApiRule, GuardRule, Rules, RustFamily, RustLockRule, RustOp};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Acquire,
    Release,
    /// Never waits; held only where it succeeded.
    Trylock,
    /// Waits but may fail (`mutex_lock_interruptible`); held only where it succeeded.
    Conditional,
    /// Writer becomes reader (`downgrade_write`).
    Downgrade,
    /// Takes the lock and hands it to a callback that drops it (`kref_put_mutex`): it
    /// orders like an acquisition and leaves nothing held.
    Transient,
    /// A user access that may fault: the fault handler takes the lock (`copy_from_user`
    /// and `mmap_lock`) as a transient acquisition does, unless page faults are disabled.
    Fault,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleFile {
    #[serde(default)]
    api: Vec<Spanned<ApiEntry>>,
    #[serde(default)]
    guard: Vec<Spanned<GuardEntry>>,
    #[serde(default)]
    prepass: Option<PrepassEntry>,
    #[serde(default)]
    noreturn: Option<CallList>,
    #[serde(default)]
    semaphore_init: Vec<SemaphoreInitEntry>,
    #[serde(default)]
    result_release: Vec<ResultReleaseEntry>,
    #[serde(default)]
    typed_result: Vec<TypedResultEntry>,
    #[serde(default)]
    typed_name: Vec<TypedNameEntry>,
    #[serde(default)]
    booting: Option<BootingEntry>,
    #[serde(default)]
    assert_held: Option<CallList>,
    #[serde(default)]
    lockdep_class: Option<LockdepClassEntry>,
    #[serde(default)]
    failure_tests: Option<CallList>,
    #[serde(default)]
    fatal_if: Option<CallList>,
    #[serde(default)]
    warn_if: Option<CallList>,
    #[serde(default)]
    blocking: Vec<BlockingEntry>,
    #[serde(default)]
    gfp: Option<GfpEntry>,
    #[serde(default)]
    context_op: Vec<ContextOpEntry>,
    #[serde(default)]
    registration: Vec<RegistrationEntry>,
    #[serde(default)]
    wait: Vec<WaitEntry>,
    #[serde(default)]
    context_slot: Vec<ContextSlotEntry>,
    #[serde(default)]
    held_slot: Vec<HeldSlotEntry>,
    #[serde(default)]
    rust_lock: Vec<Spanned<RustLockEntry>>,
    #[serde(default)]
    rust_condvar: Option<RustCondvarEntry>,
    #[serde(default)]
    rust_calls: Option<RustCallsEntry>,
    #[serde(default)]
    kconfig: Vec<KconfigEntry>,
}

/// Kconfig symbols assumed set or unset in a Linux tree with no `.config`, for some
/// architectures (`rules/c_kconfig.toml`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KconfigEntry {
    /// kbuild architecture directories (`x86`); empty: every architecture.
    #[serde(default)]
    arch: Vec<String>,
    #[serde(default)]
    on: Vec<String>,
    #[serde(default)]
    off: Vec<String>,
}

/// A Rust lock type (`rules/rust_locks.toml`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RustLockEntry {
    family: RustFamily,
    kind: LockKind,
    types: Vec<Spanned<String>>,
    #[serde(default)]
    irq: Irq,
    #[serde(default)]
    initialisers: Vec<String>,
    methods: std::collections::BTreeMap<String, RustOp>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RustCondvarEntry {
    types: Vec<String>,
    #[serde(default)]
    initialisers: Vec<String>,
    waits: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RustCallsEntry {
    #[serde(default)]
    guard_passthrough: Vec<String>,
    #[serde(default)]
    unlocked: Vec<String>,
    #[serde(default)]
    closure_now: Vec<String>,
    #[serde(default)]
    blocking: Vec<String>,
    #[serde(default)]
    gfp_sleeping: Vec<String>,
    #[serde(default)]
    drop: Vec<String>,
}

/// Calls that may sleep; with `gfp_arg`, only when that argument's GFP flags may.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockingEntry {
    calls: Vec<String>,
    #[serde(default)]
    gfp_arg: Option<usize>,
}

/// GFP flags that let an allocation sleep, and those that forbid it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GfpEntry {
    sleeping: Vec<String>,
    atomic: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextOpEntry {
    calls: Vec<String>,
    op: ContextOp,
}

/// A call that registers a function to run in a context.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistrationEntry {
    calls: Vec<String>,
    function_arg: usize,
    context: ExecContext,
    /// The object a wait names to wait for the function (`&dev->work`, the IRQ number).
    #[serde(default)]
    object_arg: Option<usize>,
    /// The object is what the call returns (`dev->task = kthread_run(fn, ...)`).
    #[serde(default)]
    object_is_result: bool,
    #[serde(default)]
    waited_by: Option<WaitKind>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WaitEntry {
    calls: Vec<String>,
    kind: WaitKind,
    object_arg: usize,
}

/// Ops-table slots whose functions run in a context by contract.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContextSlotEntry {
    slots: Vec<String>,
    context: ExecContext,
    /// A field whose setting to true in the functions' file opts them out
    /// (`pcm->nonatomic = true;`).
    #[serde(default)]
    unless_set: Option<String>,
}

/// Ops whose framework calls them holding a lock (`ethtool_ops` under RTNL).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeldSlotEntry {
    slots: Vec<String>,
    /// The lock's displayed class name (`rtnl_mutex`, `struct mm_struct::mmap_lock`).
    lock: String,
    #[serde(default = "exclusive")]
    mode: Mode,
}

fn exclusive() -> Mode {
    Mode::Exclusive
}

/// Lockdep's class overrides: `lockdep_set_class(&x->lock, &key)` (lock argument 0, key
/// argument 1) and `lockdep_set_novalidate_class(&x->lock)`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LockdepClassEntry {
    #[serde(default)]
    set_class: Vec<String>,
    #[serde(default)]
    novalidate: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SemaphoreInitEntry {
    calls: Vec<String>,
    count_arg: usize,
}

/// Calls that drop their caller's locks where bits of their result say so
/// (`handle_mm_fault` and `VM_FAULT_RETRY`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResultReleaseEntry {
    calls: Vec<String>,
    /// Lock classes (`struct mm_struct::mmap_lock`), each dropped where held.
    locks: Vec<Spanned<String>>,
    /// The result's flags, any of which set says the locks were dropped.
    bits: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypedResultEntry {
    calls: Vec<String>,
    type_arg: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BootingEntry {
    functions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TypedNameEntry {
    names: Vec<String>,
    #[serde(rename = "type")]
    ty: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApiEntry {
    calls: Vec<Spanned<String>>,
    kind: LockKind,
    op: Op,
    #[serde(default)]
    mode: Option<Mode>,
    #[serde(default)]
    success: Option<Success>,
    #[serde(default)]
    irq: Irq,
    #[serde(default)]
    nested: bool,
    #[serde(default)]
    lock_arg: usize,
    /// The lock when it is not an argument: a global (`rtnl_mutex`) or a field of an
    /// argument (`{0}->sk_lock`).
    #[serde(default)]
    lock: Option<Spanned<String>>,
    /// The type of the argument a `{0}->field` template starts from, as the API's
    /// prototype fixes it (`struct mm_struct`): the lock's class whatever the spelling of
    /// the argument (`current->mm`, `vma->vm_mm`).
    #[serde(default)]
    lock_type: Option<String>,
    #[serde(default)]
    backs_off: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuardEntry {
    class: Spanned<String>,
    kind: LockKind,
    #[serde(default)]
    mode: Option<Mode>,
    #[serde(default)]
    irq: Irq,
    #[serde(default)]
    cond: Option<Op>,
    /// The lock when the guard takes no lock argument (`guard(rtnl)()`), as in `[[api]]`.
    #[serde(default)]
    lock: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrepassEntry {
    #[serde(default)]
    blank_words: Vec<String>,
    #[serde(default)]
    blank_calls: Vec<String>,
    #[serde(default)]
    annotations: Vec<AnnotationEntry>,
    #[serde(default)]
    iterator_markers: Vec<String>,
    #[serde(default)]
    lock_definers: Vec<DefinerEntry>,
    #[serde(default)]
    function_definers: Vec<String>,
    #[serde(default)]
    pointer_declarers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnnotationEntry {
    names: Vec<String>,
    kind: AnnotationKind,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DefinerEntry {
    macros: Vec<String>,
    kind: LockKind,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CallList {
    calls: Vec<String>,
}

type MergeError = (usize, String);

impl RuleFile {
    pub(crate) fn merge_into(self, rules: &mut Rules) -> Result<(), MergeError> {
        for entry in self.api {
            let span = entry.span();
            let entry = entry.into_inner();
            let needs_success = matches!(entry.op, Op::Trylock | Op::Conditional);
            match (needs_success, entry.success) {
                (true, None) => {
                    return Err((
                        span.start,
                        format!(
                            "`op = \"{}\"` needs `success = \"zero\"` or `\"nonzero\"`",
                            op_name(entry.op)
                        ),
                    ))
                }
                (false, Some(_)) => {
                    return Err((
                        span.start,
                        format!(
                            "`success` only applies to trylock and conditional ops, not `{}`",
                            op_name(entry.op)
                        ),
                    ))
                }
                _ => {}
            }
            let mode = entry.mode.unwrap_or(Mode::Exclusive);
            if mode == Mode::Any && entry.op != Op::Release {
                return Err((
                    span.start,
                    "`mode = \"any\"` only applies to releases".into(),
                ));
            }
            let lock = add_template(rules, entry.lock, entry.lock_type.clone())?;
            let rule = ApiRule {
                lock,
                kind: entry.kind,
                op: entry.op,
                mode,
                success: entry.success,
                irq: entry.irq,
                nested: entry.nested,
                lock_arg: entry.lock_arg,
                backs_off: entry.backs_off,
            };
            for call in entry.calls {
                let call_span: Range<usize> = call.span();
                let name = call.into_inner();
                if rules.apis.insert(name.clone(), rule).is_some() {
                    return Err((
                        call_span.start,
                        format!("`{name}` is already defined by another `[[api]]` entry"),
                    ));
                }
            }
        }
        for entry in self.guard {
            let entry = entry.into_inner();
            if matches!(entry.cond, Some(Op::Acquire | Op::Release | Op::Downgrade)) {
                return Err((
                    entry.class.span().start,
                    "`cond` is `trylock` or `conditional`".into(),
                ));
            }
            let lock = add_template(rules, entry.lock, None)?;
            let rule = GuardRule {
                lock,
                kind: entry.kind,
                mode: entry.mode.unwrap_or(Mode::Exclusive),
                irq: entry.irq,
                cond: entry.cond,
            };
            let span = entry.class.span();
            let name = entry.class.into_inner();
            if rules.guards.insert(name.clone(), rule).is_some() {
                return Err((
                    span.start,
                    format!("guard class `{name}` is already defined"),
                ));
            }
        }
        if let Some(p) = self.prepass {
            let pp = &mut rules.prepass;
            pp.blank_words.extend(p.blank_words);
            pp.blank_calls.extend(p.blank_calls);
            pp.function_definers.extend(p.function_definers);
            pp.pointer_declarers.extend(p.pointer_declarers);
            for a in p.annotations {
                for n in a.names {
                    pp.annotations.insert(n, a.kind);
                }
            }
            pp.iterator_markers.extend(p.iterator_markers);
            for d in p.lock_definers {
                for m in d.macros {
                    pp.lock_definers.insert(m, d.kind);
                }
            }
        }
        for k in self.kconfig {
            for (symbols, value) in [(k.on, true), (k.off, false)] {
                for s in symbols {
                    rules.kconfig.push(crate::KconfigDefault {
                        arch: k.arch.clone(),
                        symbol: s,
                        value,
                    });
                }
            }
        }
        if let Some(n) = self.noreturn {
            rules.noreturn.extend(n.calls);
        }
        for b in self.blocking {
            for c in b.calls {
                rules.blocking.insert(c, b.gfp_arg);
            }
        }
        if let Some(g) = self.gfp {
            rules.gfp_sleeping.extend(g.sleeping);
            rules.gfp_atomic.extend(g.atomic);
        }
        for e in self.context_op {
            for c in e.calls {
                rules.context_ops.insert(c, e.op);
            }
        }
        for e in self.registration {
            let rule = crate::RegistrationRule {
                function_arg: e.function_arg,
                context: e.context,
                object_arg: e.object_arg,
                object_is_result: e.object_is_result,
                waited_by: e.waited_by,
            };
            for c in e.calls {
                rules.registrations.entry(c).or_default().push(rule);
            }
        }
        for e in self.wait {
            for c in e.calls {
                rules.waits.insert(c, (e.kind, e.object_arg));
            }
        }
        for e in self.context_slot {
            for s in e.slots {
                rules
                    .context_slots
                    .insert(s, (e.context, e.unless_set.clone()));
            }
        }
        for e in self.held_slot {
            for s in e.slots {
                rules.held_slots.push((s, e.lock.clone(), e.mode));
            }
        }
        if let Some(t) = self.failure_tests {
            rules.failure_tests.extend(t.calls);
        }
        if let Some(t) = self.fatal_if {
            rules.fatal_if.extend(t.calls);
        }
        if let Some(t) = self.warn_if {
            rules.warn_if.extend(t.calls);
        }
        if let Some(l) = self.lockdep_class {
            rules.set_class.extend(l.set_class);
            rules.novalidate.extend(l.novalidate);
        }
        if let Some(a) = self.assert_held {
            rules.assert_held.extend(a.calls);
        }
        for e in self.semaphore_init {
            for c in e.calls {
                rules.semaphore_inits.insert(c, e.count_arg);
            }
        }
        for e in self.result_release {
            let mut locks = Vec::new();
            for l in e.locks {
                let span = l.span();
                let class = l.into_inner();
                let Some((ty, field)) = class.rsplit_once("::").filter(|(t, f)| {
                    t.starts_with("struct ") && !f.is_empty() && !f.contains(char::is_whitespace)
                }) else {
                    return Err((
                        span.start,
                        format!("`{class}` is no field class (`struct type::field`)"),
                    ));
                };
                locks.push((ty.to_string(), field.to_string()));
            }
            for c in e.calls {
                rules.result_releases.insert(
                    c,
                    crate::ResultRelease {
                        locks: locks.clone(),
                        bits: e.bits.clone(),
                    },
                );
            }
        }
        for e in self.typed_result {
            for c in e.calls {
                rules.typed_results.insert(c, e.type_arg);
            }
        }
        if let Some(b) = self.booting {
            rules.booting.extend(b.functions);
        }
        for e in self.typed_name {
            for n in e.names {
                rules.typed_names.insert(n, e.ty.clone());
            }
        }
        let rust = &mut rules.rust;
        for entry in self.rust_lock {
            let entry = entry.into_inner();
            let index = rust.locks.len() as u32;
            let name = entry
                .types
                .first()
                .map(|t| t.get_ref().clone())
                .unwrap_or_default();
            rust.locks.push(RustLockRule {
                name,
                family: entry.family,
                kind: entry.kind,
                irq: entry.irq,
                methods: entry.methods.into_iter().collect(),
            });
            for t in entry.types {
                let span = t.span();
                let t = t.into_inner();
                if rust.lock_types.insert(t.clone(), index).is_some() {
                    return Err((
                        span.start,
                        format!("Rust lock type `{t}` is already defined"),
                    ));
                }
            }
            for m in entry.initialisers {
                rust.lock_initialisers.insert(m, index);
            }
        }
        if let Some(c) = self.rust_condvar {
            rust.condvar_types.extend(c.types);
            rust.condvar_initialisers.extend(c.initialisers);
            rust.condvar_waits.extend(c.waits);
        }
        if let Some(c) = self.rust_calls {
            rust.guard_passthrough.extend(c.guard_passthrough);
            rust.unlocked.extend(c.unlocked);
            rust.closure_now.extend(c.closure_now);
            rust.blocking.extend(c.blocking);
            rust.gfp_sleeping.extend(c.gfp_sleeping);
            rust.drop.extend(c.drop);
        }
        Ok(())
    }
}

fn op_name(op: Op) -> &'static str {
    match op {
        Op::Acquire => "acquire",
        Op::Release => "release",
        Op::Trylock => "trylock",
        Op::Conditional => "conditional",
        Op::Downgrade => "downgrade",
        Op::Transient => "transient",
        Op::Fault => "fault",
    }
}

/// Checks a `lock` template (and its `lock_type`) and stores it; its index in
/// [`Rules::lock_templates`].
fn add_template(
    rules: &mut Rules,
    template: Option<Spanned<String>>,
    lock_type: Option<String>,
) -> Result<Option<u32>, MergeError> {
    let Some(t) = template else {
        return Ok(None);
    };
    let span = t.span();
    let t = t.into_inner();
    check_template(&t).map_err(|m| (span.start, m))?;
    // `{0}->field`, or a bare `field` of the type's instance the call implies.
    if lock_type.is_some() && !t.starts_with("{0}->") && t.contains('{') {
        return Err((
            span.start,
            "`lock_type` needs a `{0}->field` or a `field` template".into(),
        ));
    }
    rules.lock_templates.push(t);
    rules.lock_types.push(lock_type);
    Ok(Some(rules.lock_templates.len() as u32 - 1))
}

/// A lock template names a global (`rtnl_mutex`) or a path from arguments (`{0}->sk_lock`).
fn check_template(t: &str) -> Result<(), String> {
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| format!("unclosed `{{` in lock template `{t}`"))?;
        rest[open + 1..open + close]
            .parse::<u8>()
            .map_err(|_| format!("`{{...}}` in lock template `{t}` must hold an argument index"))?;
        rest = &rest[open + close + 1..];
    }
    if t.is_empty() || t.contains(char::is_whitespace) {
        return Err(format!(
            "lock template `{t}` must be one expression without spaces"
        ));
    }
    Ok(())
}
