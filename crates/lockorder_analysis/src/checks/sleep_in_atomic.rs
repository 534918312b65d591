use lockorder_ir::ContextOp;

use crate::checks::{call_chain_with, declare_rule, FunctionContext, FunctionUnit};
use crate::dataflow::AtomicReason;
use crate::finding::{fingerprint, Finding, Severity, Site};
use crate::function_pass::SleepReason;

declare_rule! {
    /// ## What it does
    /// Finds calls that may sleep where the code may not: with a spinlock or rwlock held,
    /// with interrupts, bottom halves or preemption disabled, inside an RCU read-side
    /// section, or in a function registered to run in hardirq or softirq context
    /// (`request_irq`, `timer_setup`, `tasklet_setup`, NAPI poll, RCU callbacks, ops that
    /// run atomic by contract such as `ndo_start_xmit`). Sleeping calls are rule data:
    /// `msleep`, `schedule`, `wait_event*`, `wait_for_completion*`, `copy_*_user`,
    /// `synchronize_rcu`, `flush_work`, sleeping locks, and allocations whose GFP flags
    /// may sleep (`GFP_KERNEL`, not `GFP_ATOMIC`); a callee that may sleep is found from
    /// its body, up to two calls deep, anywhere in the checked tree. Functions that run
    /// before the scheduler does (`start_kernel`; `[booting]` in the rules) have no
    /// atomic sections for this check: the kernel checks no sleep while it boots. A sleep
    /// a callee makes only in a branch where a warning fires (`if (WARN_ON(x)) ...`;
    /// `[warn_if]` in the rules) is the handling of a bug, not passed on to its callers.
    ///
    /// ## Why is this bad?
    /// A task that sleeps while holding a spinlock or with preemption off can deadlock the
    /// CPU or other CPUs spinning on the lock; sleeping in interrupt context is a BUG.
    /// The kernel reports "BUG: sleeping function called from invalid context" — but only
    /// when the path runs, with `CONFIG_DEBUG_ATOMIC_SLEEP`.
    ///
    /// ## Example
    /// ```c
    /// spin_lock(&dev->lock);
    /// buf = kmalloc(len, GFP_KERNEL);    /* may sleep under a spinlock */
    /// spin_unlock(&dev->lock);
    /// ```
    ///
    /// ## How to fix
    /// Move the call out of the atomic section, use the non-sleeping variant (`GFP_ATOMIC`,
    /// `mdelay` instead of `msleep`), or make the lock a mutex if nothing atomic takes it;
    /// in an IRQ handler, defer the work to a threaded handler or a work item.
    pub SLEEP_IN_ATOMIC = ("LO005", "sleep-in-atomic", Severity::Error,
        "a call that may sleep in atomic context (spinlock held, IRQs off, RCU, IRQ handler)")
}

fn op_text(op: ContextOp) -> (&'static str, &'static str) {
    match op {
        ContextOp::IrqDisable | ContextOp::IrqEnable | ContextOp::IrqOn => {
            ("interrupts are disabled", "interrupts disabled here")
        }
        ContextOp::BhDisable | ContextOp::BhEnable => {
            ("bottom halves are disabled", "bottom halves disabled here")
        }
        ContextOp::PreemptDisable | ContextOp::PreemptEnable => {
            ("preemption is disabled", "preemption disabled here")
        }
        ContextOp::RcuLock | ContextOp::RcuUnlock => (
            "this is an RCU read-side section",
            "RCU read-side section entered here",
        ),
        // Never a reason: disabled page faults are no atomic context.
        ContextOp::PagefaultDisable | ContextOp::PagefaultEnable => {
            ("page faults are disabled", "page faults disabled here")
        }
    }
}

pub fn check(ctx: &FunctionContext, unit: &FunctionUnit, out: &mut Vec<Finding>) {
    let function = ctx.function_name(unit);
    // Before the scheduler runs (`system_state == SYSTEM_BOOTING`) `__might_sleep` checks
    // nothing and no other task can hold what a sleep would wait for.
    let booting = ctx.program.booting.binary_search(&function).is_ok();
    for s in &unit.result.sleeps_in_atomic {
        if booting && matches!(s.reason, SleepReason::Atomic(_)) {
            continue;
        }
        let mut related = Vec::new();
        let (why, help, key) = match &s.reason {
            SleepReason::Atomic(AtomicReason::Lock { class, site }) => {
                let name = ctx.classes.name(*class).to_string();
                related.push(Site {
                    span: *site,
                    function: Some(function.clone()),
                    message: format!("`{name}` acquired here: atomic until it is released"),
                });
                (
                    format!("`{name}` is held"),
                    format!(
                        "release `{name}` before the call, or use a variant that does not sleep"
                    ),
                    name,
                )
            }
            SleepReason::Atomic(AtomicReason::Context { op, span }) => {
                let (state, label) = op_text(*op);
                related.push(Site {
                    span: *span,
                    function: Some(function.clone()),
                    message: label.into(),
                });
                (
                    state.to_string(),
                    "make the call before disabling, after re-enabling, or use a variant that does not sleep".into(),
                    format!("{op:?}"),
                )
            }
            SleepReason::Entry(e) => {
                let context = e.context.describe();
                let message = match e.via_name {
                    Some(n) => {
                        let via =
                            &ctx.program.files[e.span.file.0 as usize].facts.names[n as usize];
                        format!("`{function}` registered by `{via}` here: it runs in {context}")
                    }
                    None => {
                        format!("`{function}` is an ops callback that runs in {context}")
                    }
                };
                related.push(Site {
                    span: e.span,
                    function: None,
                    message,
                });
                (
                    format!("`{function}` runs in {context}"),
                    "defer the sleeping work to a threaded handler, a work item or process context"
                        .into(),
                    e.context.key().to_string(),
                )
            }
        };
        let mut chains = Vec::new();
        if let Some(chain) = &s.chain {
            let call = Site {
                span: s.span,
                function: Some(function.clone()),
                message: format!("{} may sleep below this call", s.what),
            };
            let c = call_chain_with(
                ctx.program,
                call,
                chain,
                format!("{} reached", s.what),
                &|f, next| match next {
                    Some(_) => format!("`{f}` calls a function that may sleep"),
                    None => format!("{} may sleep here, in `{f}`", s.what),
                },
            );
            related.extend(c.steps.iter().cloned());
            chains.push(c);
        }
        let primary_message = if s.chain.is_some() {
            format!("may sleep below this call: {why}")
        } else {
            format!("may sleep: {why}")
        };
        let what_key = s.what.to_string();
        out.push(Finding {
            code: SLEEP_IN_ATOMIC.code,
            rule: SLEEP_IN_ATOMIC.name,
            severity: SLEEP_IN_ATOMIC.default_severity,
            message: format!("{} may sleep, but {why}", s.what),
            primary: Site {
                span: s.span,
                function: Some(function.clone()),
                message: primary_message,
            },
            related,
            locks: Vec::new(),
            notes: vec!["the kernel reports this as \"BUG: sleeping function called from invalid context\" when the path runs".into()],
            chains,
            help: Some(help),
            suggestion: None,
            fingerprint: fingerprint(&[SLEEP_IN_ATOMIC.code, ctx.file_path(unit), &function, &what_key, &key]),
        });
    }
}
