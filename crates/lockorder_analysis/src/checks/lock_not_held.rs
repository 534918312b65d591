use crate::checks::{call_chain_with, declare_rule, FunctionContext, FunctionUnit};
use crate::finding::{fingerprint, Finding, Severity, Site};

declare_rule! {
    /// ## What it does
    /// Finds calls to a function that requires a lock — it says so with `__must_hold(l)`,
    /// `__releases(l)` or a `lockdep_assert_held(l)` before it takes anything, or it calls
    /// such a function itself — on a path where the caller does not hold that lock.
    ///
    /// A caller that never takes or drops the lock itself is assumed to pass the
    /// requirement on to its own callers (as far as it can name the lock: a global, or a
    /// lock reached from its parameters), so the finding lands in the function that
    /// manages the lock and got it wrong on this path.
    ///
    /// ## Why is this bad?
    /// The callee touches data the lock protects, or releases the lock: without it held,
    /// that is a data race or an unbalanced unlock. Lockdep reports the assertion only
    /// when the path runs ("WARNING: ... lockdep_assert_held").
    ///
    /// ## Example
    /// ```c
    /// static void foo_update_locked(struct foo *f) __must_hold(&f->lock) { f->count++; }
    ///
    /// mutex_lock(&f->lock);
    /// ...
    /// mutex_unlock(&f->lock);
    /// foo_update_locked(f);        /* lock already dropped */
    /// ```
    ///
    /// ## How to fix
    /// Call the function inside the critical section, or take the lock around the call.
    pub LOCK_NOT_HELD = ("LO010", "lock-not-held", Severity::Error,
        "a function that requires a lock reached without it")
}

pub fn check(ctx: &FunctionContext, unit: &FunctionUnit, out: &mut Vec<Finding>) {
    let function = ctx.function_name(unit);
    for n in &unit.result.not_held {
        let class = ctx.classes.name(n.class).to_string();
        let call = Site {
            span: n.call,
            function: Some(function.clone()),
            message: format!("`{class}` is not held at this call"),
        };
        let chain = call_chain_with(
            ctx.program,
            call,
            &n.chain,
            format!("`{class}` required"),
            &|f, next| match next {
                Some(_) => format!("`{f}` calls a function that requires `{class}`"),
                None => format!("`{f}` requires `{class}` held"),
            },
        );
        let callee = chain
            .steps
            .first()
            .and_then(|s| s.function.clone())
            .unwrap_or_default();
        let mut related = Vec::new();
        if let Some(r) = n.released {
            related.push(Site {
                span: r,
                function: Some(function.clone()),
                message: format!("`{class}` released here"),
            });
        }
        // The requirement itself, and the calls leading to it.
        related.extend(chain.steps.iter().cloned());
        let chains = if chain.steps.len() > 1 {
            vec![chain]
        } else {
            Vec::new()
        };
        out.push(Finding {
            code: LOCK_NOT_HELD.code,
            rule: LOCK_NOT_HELD.name,
            severity: LOCK_NOT_HELD.default_severity,
            message: format!("`{callee}` requires `{class}` held, but it is not held here"),
            primary: Site {
                span: n.call,
                function: Some(function.clone()),
                message: format!("`{class}` is not held at this call"),
            },
            related,
            locks: vec![class.clone()],
            notes: Vec::new(),
            chains,
            help: Some(format!(
                "take `{class}` around the call to `{callee}`, or make the call while it is still held"
            )),
            suggestion: None,
            fingerprint: fingerprint(&[
                LOCK_NOT_HELD.code,
                ctx.file_path(unit),
                &function,
                &callee,
                &class,
            ]),
        });
    }
}
