use crate::checks::{declare_rule, FunctionContext, FunctionUnit};
use crate::finding::{fingerprint, Finding, Severity, Site};

declare_rule! {
    /// ## What it does
    /// Finds a release of a lock that is not held on some path: a double unlock, or an
    /// unlock on a path that never took the lock.
    ///
    /// A function whose first event on a lock, on every path, is a release is entered
    /// holding it (`__releases`-style helpers, drop-and-retake loops) and is not reported.
    /// Nor is one that hands the lock between its own calls: some path takes it and
    /// returns holding it, another only releases it, and none does both (an I2C gate's
    /// open and close, a notifier's PRE and POST events).
    /// Semaphores have no owner (`up()` from another context is normal) and are never
    /// reported.
    ///
    /// ## Why is this bad?
    /// Releasing a lock nobody holds corrupts it: a spinlock's or mutex's state goes out of
    /// sync with its users, and the next holder may enter a critical section another CPU
    /// is in. Lockdep reports "bad unlock balance detected".
    ///
    /// ## Example
    /// ```c
    /// if (flags & FOO_LOCKED)
    ///         mutex_lock(&dev->lock);
    /// do_work(dev);
    /// mutex_unlock(&dev->lock);    /* not held when the flag was clear */
    /// ```
    ///
    /// ## How to fix
    /// Release only on paths that acquired: test the same condition before the unlock, or
    /// restructure so the lock is taken unconditionally.
    pub UNBALANCED_UNLOCK = ("LO004", "unbalanced-unlock", Severity::Error,
        "a lock released where it is not held on some path")
}

pub fn check(ctx: &FunctionContext, unit: &FunctionUnit, out: &mut Vec<Finding>) {
    let function = ctx.function_name(unit);
    for u in &unit.result.unheld_releases {
        if !u.kind.has_owner()
            || (u.previous_release.is_none()
                && crate::checks::handed_between_calls(unit.result, u.class))
        {
            continue;
        }
        let name = ctx.classes.name(u.class).to_string();
        let (message, related) = match u.previous_release {
            Some(prev) => (
                format!("`{name}` released twice"),
                vec![Site {
                    span: prev,
                    function: Some(function.clone()),
                    message: format!("`{name}` already released here"),
                }],
            ),
            None => (
                format!("`{name}` released but not held on some path"),
                Vec::new(),
            ),
        };
        out.push(Finding {
            code: UNBALANCED_UNLOCK.code,
            rule: UNBALANCED_UNLOCK.name,
            severity: UNBALANCED_UNLOCK.default_severity,
            message,
            primary: Site {
                span: u.span,
                function: Some(function.clone()),
                message: format!("`{name}` is not held here on some path"),
            },
            related,
            locks: vec![name.clone()],
            notes: Vec::new(),
            chains: Vec::new(),
            help: Some(format!("release `{name}` only on paths that acquired it")),
            suggestion: None,
            fingerprint: fingerprint(&[
                UNBALANCED_UNLOCK.code,
                ctx.file_path(unit),
                &function,
                &name,
            ]),
        });
    }
}
