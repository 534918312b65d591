use lockorder_ir::{LockId, Registration, WaitKind};

use crate::checks::{call_chain, declare_rule, ProgramContext};
use crate::finding::{fingerprint, Finding, Severity, Site};
use crate::program::Program;
use crate::summary::{parent_dir, CallResolver, FuncRef};

declare_rule! {
    /// ## What it does
    /// Finds waits for a work item, timer callback, IRQ handler or kernel thread to finish
    /// — `cancel_work_sync`, `flush_work`, `del_timer_sync`, `free_irq`,
    /// `synchronize_irq`, `kthread_stop` — made while holding a lock that the function
    /// being waited for takes (itself or up to three calls down). The function is found
    /// through the registration on the same object (`INIT_WORK(&dev->work, fn)`,
    /// `timer_setup`, `request_irq`, `dev->task = kthread_run(fn, ...)`) in the same
    /// directory.
    ///
    /// ## Why is this bad?
    /// The waiter holds the lock and waits for the callback; the callback waits for the
    /// lock: neither finishes. Lockdep catches it through the work item's lockdep map only
    /// when both run.
    ///
    /// ## Example
    /// ```c
    /// mutex_lock(&dev->lock);
    /// cancel_work_sync(&dev->work);     /* foo_work() takes dev->lock */
    /// mutex_unlock(&dev->lock);
    /// ```
    ///
    /// ## How to fix
    /// Release the lock before waiting (and make the callback tolerate the teardown), or
    /// make the callback not take that lock.
    pub WAIT_UNDER_LOCK = ("LO009", "wait-under-lock", Severity::Error,
        "waiting for a work item, timer, IRQ handler or thread that takes a lock held here")
}

fn kind_text(k: WaitKind) -> (&'static str, &'static str) {
    match k {
        WaitKind::Work => ("work function", "work item"),
        WaitKind::Timer => ("timer callback", "timer"),
        WaitKind::Irq => ("IRQ handler", "interrupt"),
        WaitKind::Thread => ("thread function", "thread"),
    }
}

/// Registrations something waits for (`INIT_WORK` then `cancel_work_sync`, `request_irq`
/// then `free_irq`): the registering file, the object waited on, the wait's kind, the
/// registration and the function registered. Only these functions' waited-for locks are
/// read here (the analysis keeps them for nothing else).
pub fn waited_registrations<'p>(
    program: &'p Program,
    resolver: &'p CallResolver,
) -> impl Iterator<Item = (usize, LockId, WaitKind, &'p Registration, FuncRef)> + 'p {
    program
        .files
        .iter()
        .enumerate()
        .flat_map(move |(fi, file)| {
            file.facts.registrations.iter().filter_map(move |r| {
                let (object, kind) = (r.object?, r.waited_by?);
                Some((fi, object, kind, r, resolver.resolve_name(fi, r.function)?))
            })
        })
}

pub fn check(cx: &ProgramContext, out: &mut Vec<Finding>) {
    // Registrations by (object class, wait kind): the functions a wait waits for.
    let mut targets: Vec<(u32, WaitKind, FuncRef, usize, lockorder_ir::Span)> =
        waited_registrations(cx.program, cx.resolver)
            .map(|(fi, object, kind, r, f)| (cx.classes.class_of(fi, object), kind, f, fi, r.span))
            .collect();
    targets.sort_by_key(|t| (t.0, t.1, t.2, t.3, t.4.start));
    let fname = |f: FuncRef| cx.program.files[f.0].facts.functions[f.1].name.clone();
    let mut reported = foldhash::HashSet::default();
    for (&(fi, fj), r) in cx.unit_results() {
        let function = fname((fi, fj));
        let here = parent_dir(&cx.program.files[fi].rel_path);
        for w in &r.waits {
            let wanted = targets.iter().filter(|t| {
                t.0 == w.object
                    && t.1 == w.kind
                    && parent_dir(&cx.program.files[t.3].rel_path) == here
            });
            for &(_, kind, target, reg_file, reg_span) in wanted {
                let tr = cx.result(cx.unit_index(target));
                let Some((held_class, held_site, taken)) = w.held.iter().find_map(|&(c, site)| {
                    tr.waits_for
                        .iter()
                        .find(|l| l.class == c)
                        .map(|l| (c, site, l))
                }) else {
                    continue;
                };
                let name = cx.classes.name(held_class).to_string();
                if !reported.insert((w.span.file.0, w.span.start, held_class)) {
                    break;
                }
                let (what, thing) = kind_text(kind);
                let tname = fname(target);
                let call = Site {
                    span: w.span,
                    function: Some(function.clone()),
                    message: format!("waits for the {what} `{tname}`"),
                };
                let chain = call_chain(cx.program, call, &taken.chain, &name);
                let mut related = vec![
                    Site {
                        span: held_site,
                        function: Some(function.clone()),
                        message: format!("`{name}` acquired here"),
                    },
                    Site {
                        span: reg_span,
                        function: None,
                        message: format!("`{tname}` registered as the {what} of this {thing} here"),
                    },
                ];
                related.extend(chain.steps.iter().cloned());
                let object = cx.classes.name(w.object).to_string();
                let _ = reg_file;
                out.push(Finding {
                    code: WAIT_UNDER_LOCK.code,
                    rule: WAIT_UNDER_LOCK.name,
                    severity: WAIT_UNDER_LOCK.default_severity,
                    message: format!(
                        "waiting for the {what} `{tname}` while holding `{name}`, which it takes"
                    ),
                    primary: Site {
                        span: w.span,
                        function: Some(function.clone()),
                        message: format!("waits for `{tname}` to finish with `{name}` held"),
                    },
                    related,
                    locks: vec![name.clone()],
                    notes: vec![format!(
                        "possible deadlock scenario:\n       CPU0                          CPU1\n       ----                          ----\n  lock({name});\n                                     {tname}() runs\n                                     lock({name});   <- waits for CPU0\n  waits for {tname}()   <- waits for CPU1"
                    )],
                    chains: vec![chain],
                    help: Some(format!("release `{name}` before waiting for the {thing}, or make `{tname}` not take it")),
                    suggestion: None,
                    fingerprint: fingerprint(&[
                        WAIT_UNDER_LOCK.code,
                        &cx.program.files[fi].rel_path,
                        &function,
                        &object,
                        &name,
                    ]),
                });
                break;
            }
        }
    }
}
