use std::collections::{BTreeMap, VecDeque};

use lockorder_ir::{ExecContext, LockKind, Mode};

use crate::checks::{declare_rule, ProgramContext};
use crate::finding::{fingerprint, Finding, Severity, Site};
use crate::function_pass::Usage;
use crate::summary::{parent_dir, FuncRef, MAX_CALL_DEPTH};

declare_rule! {
    /// ## What it does
    /// Lockdep's usage model, per lock class: a spinlock or rwlock taken in hardirq
    /// context (in a function registered as an IRQ handler, or called from one up to three
    /// calls deep) that is also taken with hardirqs enabled in process context; likewise
    /// a lock taken in softirq context (timers, tasklets, NAPI poll, RCU callbacks,
    /// `ndo_start_xmit`) and with softirqs enabled in process context. Readers of an
    /// rwlock in interrupt context only conflict with writers outside it.
    ///
    /// ## Why is this bad?
    /// If the interrupt arrives on the CPU that holds the lock with interrupts enabled, the
    /// handler spins forever on a lock its own CPU holds. Lockdep reports "inconsistent
    /// {HARDIRQ-ON-W} -> {IN-HARDIRQ-W} usage".
    ///
    /// ## Example
    /// ```c
    /// static irqreturn_t foo_irq(int irq, void *data) { spin_lock(&foo->lock); ... }
    /// void foo_update(struct foo *foo) { spin_lock(&foo->lock); ... }   /* IRQs on */
    /// ```
    ///
    /// ## How to fix
    /// Take the lock with `spin_lock_irqsave()` (or `spin_lock_irq()`) outside the
    /// handler, `spin_lock_bh()` for a lock shared with softirq context.
    pub IRQ_UNSAFE_LOCK = ("LO006", "irq-unsafe-lock", Severity::Error,
        "a lock taken in IRQ context also taken with IRQs enabled in process context")
}

/// Where a function was reached from an interrupt entry: the entry, and the caller.
#[derive(Clone, Copy)]
struct Reached {
    entry: FuncRef,
    parent: Option<FuncRef>,
}

/// Functions running in `context`: its entries and their callees, up to
/// [`MAX_CALL_DEPTH`] calls down, breadth first from the entries in order.
fn reach(cx: &ProgramContext, context: ExecContext) -> BTreeMap<FuncRef, Reached> {
    let mut out: BTreeMap<FuncRef, Reached> = BTreeMap::new();
    let mut queue: VecDeque<(FuncRef, u8)> = VecDeque::new();
    for (&f, e) in cx.units.iter().zip(cx.entry_contexts) {
        if e.is_some_and(|e| e.context == context) {
            out.insert(
                f,
                Reached {
                    entry: f,
                    parent: None,
                },
            );
            queue.push_back((f, 0));
        }
    }
    while let Some((f, depth)) = queue.pop_front() {
        if depth >= MAX_CALL_DEPTH {
            continue;
        }
        let entry = out[&f].entry;
        for callee in (cx.callees)(f) {
            if cx.entry_contexts[cx.unit_index(callee)]
                .is_some_and(|e| e.context == ExecContext::Process)
            {
                continue;
            }
            out.entry(callee).or_insert_with(|| {
                queue.push_back((callee, depth + 1));
                Reached {
                    entry,
                    parent: Some(f),
                }
            });
        }
    }
    out
}

fn conflicting(irq_use: &Usage, process_use: &Usage) -> bool {
    // Interrupt-context readers of an rwlock nest; they wait only for writers.
    !(irq_use.kind == LockKind::Rwlock
        && irq_use.mode == Mode::Shared
        && process_use.mode == Mode::Shared)
}

/// Rounds of [`entered_with_irqs_off`]: callers this many calls above an ops callback.
const ENTERED_OFF_ROUNDS: usize = 8;

/// Functions every known caller calls with hard (soft) interrupts off, directly or
/// because the caller itself is only ever entered so (a few rounds up the call graph):
/// their locks are taken with interrupts off, as lockdep would see them.
fn entered_with_irqs_off(cx: &ProgramContext) -> (Vec<bool>, Vec<bool>) {
    let n = cx.units.len();
    // Every resolved call: (caller, callee, hardirqs always off, softirqs always off).
    let mut sites: Vec<(u32, u32, bool, bool)> = Vec::new();
    for (u, (&(fi, fj), r)) in cx.unit_results().enumerate() {
        let mut calls: Vec<lockorder_ir::Call> = cx.program.files[fi].facts.functions[fj]
            .calls()
            .copied()
            .collect();
        calls.sort_unstable_by_key(|c| (c.callee, c.indirect));
        calls.dedup();
        for call in calls {
            let (hard, soft) = r
                .call_irqs
                .iter()
                .find(|c| c.0 == call)
                .map_or((false, false), |c| (c.1, c.2));
            for t in cx.resolver.targets(fi, &call) {
                sites.push((u as u32, cx.unit_index(t) as u32, hard, soft));
            }
        }
    }
    // Interrupt handlers, and ops callbacks their framework calls with interrupts
    // (bottom halves) off. Seeding the handlers makes a helper deeper than
    // [`MAX_CALL_DEPTH`] below one, and called from nowhere else, no process-context use.
    let entered = |u: usize, contexts: &[ExecContext]| {
        cx.entry_contexts[u].is_some_and(|e| contexts.contains(&e.context))
    };
    let hard_seed: Vec<bool> = (0..n)
        .map(|u| entered(u, &[ExecContext::Hardirq, ExecContext::IrqsOff]))
        .collect();
    let soft_seed: Vec<bool> = (0..n)
        .map(|u| {
            entered(
                u,
                &[
                    ExecContext::Hardirq,
                    ExecContext::Softirq,
                    ExecContext::IrqsOff,
                    ExecContext::BhOff,
                ],
            )
        })
        .collect();
    let mut hard_off = hard_seed.clone();
    let mut soft_off = soft_seed.clone();
    // Up the call graph until nothing changes (bounded: each round only adds callers of
    // what the round before found).
    for _ in 0..ENTERED_OFF_ROUNDS {
        // Per function: (calls, calls with hardirqs off, calls with softirqs off).
        let mut counts = vec![(0u32, 0u32, 0u32); n];
        for &(caller, callee, hard, soft) in &sites {
            let (caller, c) = (caller as usize, &mut counts[callee as usize]);
            c.0 += 1;
            c.1 += u32::from(hard || hard_off[caller]);
            c.2 += u32::from(soft || hard || soft_off[caller] || hard_off[caller]);
        }
        let next_hard: Vec<bool> = counts
            .iter()
            .zip(&hard_seed)
            .map(|(c, &seed)| seed || (c.0 > 0 && c.1 == c.0))
            .collect();
        let next_soft: Vec<bool> = counts
            .iter()
            .zip(&soft_seed)
            .map(|(c, &seed)| seed || (c.0 > 0 && c.2 == c.0))
            .collect();
        if next_hard == hard_off && next_soft == soft_off {
            break;
        }
        hard_off = next_hard;
        soft_off = next_soft;
    }
    (hard_off, soft_off)
}

pub fn check(cx: &ProgramContext, out: &mut Vec<Finding>) {
    let hard = reach(cx, ExecContext::Hardirq);
    let soft = reach(cx, ExecContext::Softirq);
    let (hard_off_callers, soft_off_callers) = entered_with_irqs_off(cx);
    for (context, reached) in [(ExecContext::Hardirq, &hard), (ExecContext::Softirq, &soft)] {
        // Per class: the first use in interrupt context, and the process-context uses
        // with those interrupts enabled.
        let mut in_irq: BTreeMap<u32, (FuncRef, Usage)> = BTreeMap::new();
        for (&f, _) in reached.iter() {
            // A function in both is in hardirq context for the softirq rule's purposes.
            if context == ExecContext::Softirq && hard.contains_key(&f) {
                continue;
            }
            for u in &cx.result(cx.unit_index(f)).usages {
                // A trylock in interrupt context gives up instead of spinning.
                if u.waits && matches!(u.kind, LockKind::Spinlock | LockKind::Rwlock) {
                    in_irq.entry(u.class).or_insert((f, *u));
                }
            }
        }
        if in_irq.is_empty() {
            continue;
        }
        // A struct shared by many drivers (`struct virt_dma_chan::lock`) has instances
        // that never meet: the process-context use must be in the directory of the
        // interrupt-context use or of its registration.
        let dirs = |class: u32| -> [&str; 2] {
            let (f, u) = in_irq[&class];
            let entry = reached[&f].entry;
            let reg = cx.entry_contexts[cx.unit_index(entry)]
                .map_or(u.span.file.0 as usize, |e| e.span.file.0 as usize);
            [
                parent_dir(&cx.program.files[u.span.file.0 as usize].rel_path),
                parent_dir(&cx.program.files[reg].rel_path),
            ]
        };
        let mut enabled: BTreeMap<u32, Vec<(FuncRef, Usage)>> = BTreeMap::new();
        for (&f, r) in cx.unit_results() {
            if hard.contains_key(&f) || soft.contains_key(&f) {
                continue;
            }
            let here = parent_dir(&cx.program.files[f.0].rel_path);
            let entered_off = match context {
                ExecContext::Hardirq => hard_off_callers[cx.unit_index(f)],
                _ => soft_off_callers[cx.unit_index(f)],
            };
            if entered_off {
                continue;
            }
            for u in &r.usages {
                let on = match context {
                    ExecContext::Hardirq => !u.hardirqs_off,
                    _ => !u.softirqs_off,
                };
                if on
                    && in_irq.get(&u.class).is_some_and(|(_, i)| conflicting(i, u))
                    && dirs(u.class).contains(&here)
                {
                    enabled.entry(u.class).or_default().push((f, *u));
                }
            }
        }
        for (class, uses) in enabled {
            let (irq_f, irq_use) = in_irq[&class];
            out.push(finding(
                cx,
                context,
                reached,
                class,
                (irq_f, irq_use),
                &uses,
            ));
        }
    }
}

fn finding(
    cx: &ProgramContext,
    context: ExecContext,
    reached: &BTreeMap<FuncRef, Reached>,
    class: u32,
    (irq_f, irq_use): (FuncRef, Usage),
    uses: &[(FuncRef, Usage)],
) -> Finding {
    let name = cx.classes.name(class).to_string();
    let fname = |f: FuncRef| cx.program.files[f.0].facts.functions[f.1].name.clone();
    let (ctx_name, irq_word, variant) = match context {
        ExecContext::Hardirq => ("hardirq", "interrupts", "spin_lock_irqsave"),
        _ => ("softirq", "bottom halves", "spin_lock_bh"),
    };
    let variant = match (irq_use.kind, context) {
        (LockKind::Rwlock, ExecContext::Hardirq) => "write_lock_irqsave",
        (LockKind::Rwlock, _) => "write_lock_bh",
        _ => variant,
    };
    let (pf, pu) = uses[0];
    let primary_fn = fname(pf);
    let entry = reached[&irq_f].entry;
    let mut related = vec![Site {
        span: irq_use.span,
        function: Some(fname(irq_f)),
        message: format!(
            "`{name}` taken in {ctx_name} context here, in `{}`",
            fname(irq_f)
        ),
    }];
    // The calls from the interrupt entry down to that function.
    let mut path = Vec::new();
    let mut cur = irq_f;
    while let Some(parent) = reached.get(&cur).and_then(|r| r.parent) {
        path.push(fname(parent));
        cur = parent;
    }
    if let Some(e) = cx.entry_contexts[cx.unit_index(entry)] {
        let via = e
            .via_name
            .map(|n| cx.program.files[e.span.file.0 as usize].facts.names[n as usize].clone());
        related.push(Site {
            span: e.span,
            function: None,
            message: match via {
                Some(v) => format!(
                    "`{}` registered by `{v}` here: it runs in {ctx_name} context",
                    fname(entry)
                ),
                None => format!(
                    "`{}` runs in {ctx_name} context by its ops table's contract",
                    fname(entry)
                ),
            },
        });
    }
    for &(f, u) in uses.iter().skip(1).take(8) {
        related.push(Site {
            span: u.span,
            function: Some(fname(f)),
            message: format!("also taken with {irq_word} enabled here, in `{}`", fname(f)),
        });
    }
    let mut notes = Vec::new();
    if !path.is_empty() {
        path.reverse();
        path.push(fname(irq_f));
        notes.push(format!(
            "in {ctx_name} context through {}",
            path.iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(" -> ")
        ));
    }
    // A file static without its path, as lockdep prints lock names.
    let short = match name.split_once("::") {
        Some((file, n)) if file.ends_with(".c") || file.ends_with(".h") => n,
        _ => &name,
    };
    notes.push(format!(
        "possible unsafe locking scenario:\n       CPU0\n       ----\n  lock({short});\n  <Interrupt>\n    lock({short});\n\n   *** DEADLOCK ***"
    ));
    if uses.len() > 9 {
        notes.push(format!(
            "{} more places take `{name}` with {irq_word} enabled",
            uses.len() - 9
        ));
    }
    Finding {
        code: IRQ_UNSAFE_LOCK.code,
        rule: IRQ_UNSAFE_LOCK.name,
        severity: IRQ_UNSAFE_LOCK.default_severity,
        message: format!(
            "`{name}` is taken in {ctx_name} context (in `{}`) and here with {irq_word} enabled",
            fname(irq_f)
        ),
        primary: Site {
            span: pu.span,
            function: Some(primary_fn.clone()),
            message: format!("taken with {irq_word} enabled"),
        },
        related,
        locks: vec![name.clone()],
        notes,
        chains: Vec::new(),
        help: Some(format!(
            "take `{name}` with `{variant}()` here, as {ctx_name} context may interrupt its holder"
        )),
        suggestion: None,
        fingerprint: fingerprint(&[IRQ_UNSAFE_LOCK.code, ctx_name, &name]),
    }
}
