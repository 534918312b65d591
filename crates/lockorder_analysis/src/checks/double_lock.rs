use lockorder_ir::LockKind;

use crate::checks::{call_chain, declare_rule, FunctionContext, FunctionUnit};
use crate::finding::{fingerprint, Finding, Severity, Site};

declare_rule! {
    /// ## What it does
    /// Finds a non-recursive lock acquired again on a path where it is already held: the
    /// same lock expression taken twice without a release in between, including a lock
    /// the function was entered holding.
    ///
    /// A lockdep nesting annotation (`mutex_lock_nested`, `spin_lock_nested`) is not a
    /// self-deadlock, and neither is a trylock, which fails instead of waiting. Readers of
    /// a queued `rwlock_t` may nest in interrupt context, so reader-on-reader is not
    /// reported; rw-semaphore readers never nest and are.
    ///
    /// ## Why is this bad?
    /// Kernel locks are not recursive: the second acquisition waits for the holder, which
    /// is the same thread. A spinlock spins forever with preemption off; a mutex or
    /// semaphore sleeps forever. Lockdep calls it "possible recursive locking detected".
    ///
    /// ## Example
    /// ```c
    /// mutex_lock(&dev->lock);
    /// if (dev->busy)
    ///         goto retry;          /* retry: takes dev->lock again */
    /// ```
    ///
    /// ## How to fix
    /// Release the lock before the path that takes it again, or move the second
    /// acquisition out of the section (often into a `__locked` variant of the callee
    /// that expects the lock held).
    pub DOUBLE_LOCK = ("LO002", "double-lock", Severity::Error,
        "a non-recursive lock acquired while already held")
}

pub fn check(ctx: &FunctionContext, unit: &FunctionUnit, out: &mut Vec<Finding>) {
    let function = ctx.function_name(unit);
    for d in &unit.result.double_locks {
        // A counting semaphore may be taken as many times as its count: only one known
        // to start at 1 is a lock.
        if d.kind == LockKind::Semaphore && !ctx.classes.is_binary_semaphore(d.class) {
            continue;
        }
        if ctx.classes.is_novalidate(d.class) {
            continue;
        }
        let class = ctx.classes.name(d.class).to_string();
        let first = if d.first_on_entry {
            format!(
                "`{class}` is held when `{function}` is entered (it releases it before taking it)"
            )
        } else {
            format!("`{class}` first acquired here")
        };
        let mut related = vec![Site {
            span: d.first,
            function: Some(function.clone()),
            message: first,
        }];
        let chains: Vec<_> = d
            .chain
            .iter()
            .map(|c| {
                let call = Site {
                    span: d.second,
                    function: Some(function.clone()),
                    message: format!("`{class}` acquired again below this call"),
                };
                call_chain(ctx.program, call, c, &class)
            })
            .collect();
        for c in &chains {
            related.extend(c.steps.iter().cloned());
        }
        let primary_message = match d.chain {
            Some(_) => "acquired again below this call".into(),
            None => "acquired again here".into(),
        };
        out.push(Finding {
            code: DOUBLE_LOCK.code,
            rule: DOUBLE_LOCK.name,
            severity: DOUBLE_LOCK.default_severity,
            message: format!("`{class}` acquired while already held"),
            primary: Site {
                span: d.second,
                function: Some(function.clone()),
                message: primary_message,
            },
            related,
            locks: vec![class.clone()],
            notes: vec![format!(
                "possible deadlock scenario:\n       CPU0\n       ----\n  lock({class});\n  lock({class});   <- waits for itself"
            )],
            chains,
            help: Some(format!("release `{class}` before acquiring it again, or take it only once on this path")),
            suggestion: None,
            fingerprint: fingerprint(&[DOUBLE_LOCK.code, ctx.file_path(unit), &function, &class]),
        });
    }
}
