use std::collections::BTreeMap;

use lockorder_ir::ReturnValue;

use crate::checks::{declare_rule, FunctionContext, FunctionUnit};
use crate::classes::ClassId;
use crate::finding::{fingerprint, Finding, Severity, Site, Suggestion};

declare_rule! {
    /// ## What it does
    /// Finds a lock acquired in a function and still held when the function returns on
    /// some path, while other paths release it before returning: the classic missing
    /// unlock on an error path.
    ///
    /// Not reported: functions that return with the lock held on every path (lock
    /// wrappers), functions that return it held exactly when they succeed (held with a
    /// pointer or zero, released with `NULL` or an error code: the `find_lock_task_mm`
    /// shape), locks a caller releases after the function returned them held (directly or
    /// through callers that pass them on: `reserve_space()` returns 0 with the journal
    /// head locked and its writer calls `release_head()`), locks the function was entered
    /// holding (or is, where a parameter says so: `gate_ctrl(fe, 0)` releases what
    /// `gate_ctrl(fe, 1)` took), and semaphores, which have no owner.
    ///
    /// ## Why is this bad?
    /// The next caller that takes the lock waits forever, and lockdep prints "lock held
    /// when returning to user space" only if the leaking path ever runs.
    ///
    /// ## Example
    /// ```c
    /// mutex_lock(&dev->lock);
    /// if (!dev->buf)
    ///         return -ENOMEM;      /* dev->lock is still held */
    /// ...
    /// mutex_unlock(&dev->lock);
    /// return 0;
    /// ```
    ///
    /// ## How to fix
    /// Release the lock on that path too — usually by jumping to the function's
    /// `out_unlock:` label instead of returning, or by using `guard(mutex)(&dev->lock)`.
    pub UNRELEASED_LOCK = ("LO003", "unreleased-lock", Severity::Error,
        "a lock still held when the function returns on some path")
}

pub fn check(ctx: &FunctionContext, unit: &FunctionUnit, out: &mut Vec<Finding>) {
    let function = ctx.function_name(unit);
    let r = unit.result;
    // Per class: the returns that leak it, and the returns where it was released.
    let mut leaks: BTreeMap<ClassId, Vec<usize>> = BTreeMap::new();
    for (i, ret) in r.returns.iter().enumerate() {
        for h in &ret.held {
            // A lock stored where the caller reaches it (`path->nodes[level] = eb;`) is
            // the caller's to release. One entered held where a parameter says so and
            // taken where it says not (`gate_ctrl(fe, 1)` locks, `gate_ctrl(fe, 0)`
            // unlocks) is handed between calls.
            if h.kind.has_owner() && h.handed.is_none() && !r.entered_holding(h.class) {
                leaks.entry(h.class).or_default().push(i);
            }
        }
    }
    // `__acquires(x)`: returning with x held is the function's contract.
    let f = &ctx.program.files[unit.file].facts.functions[unit.function];
    let annotated: Vec<ClassId> = f
        .returns_holding
        .iter()
        .map(|&l| ctx.classes.class_of(unit.file, l))
        .collect();
    for (class, leaking) in leaks {
        if annotated.contains(&class) {
            continue;
        }
        let clean: Vec<usize> = (0..r.returns.len())
            // A return that released it but holds another lock taken here is a lock
            // helper's other choice (`sem_lock` returns holding one semaphore's lock or
            // the array's, and says which): it shows no leak. The caller's own lock
            // dropped and taken again is no such choice.
            .filter(|&i| {
                !leaking.contains(&i)
                    && r.returns[i].released.iter().any(|x| x.0 == class)
                    && r.returns[i].decides(class)
                    && r.returns[i]
                        .held
                        .iter()
                        .all(|h| h.handed.is_some() || r.entered_holding(h.class))
            })
            .collect();
        if clean.is_empty() || crate::summary::held_on_success(r, &leaking, &clean).is_some() {
            continue;
        }
        // Returns of the same kind of value with and without the lock are the inconsistent
        // ones (`return NULL` both ways); a different leaking value (`return s`) may be the
        // success path of a function that returns the lock held.
        let clean_values: Vec<ReturnValue> = clean.iter().map(|&i| r.returns[i].value).collect();
        let shared: Vec<usize> = leaking
            .iter()
            .copied()
            .filter(|&i| clean_values.contains(&r.returns[i].value))
            .collect();
        let leaking = if shared.is_empty() { leaking } else { shared };
        let name = ctx.classes.name(class).to_string();
        let release_site = r.returns[clean[0]]
            .released
            .iter()
            .find(|x| x.0 == class)
            .map(|x| x.1);
        // The cleanup label the releasing paths go through: the last label before the
        // release, after the acquisition (`out_unlock:` just above `mutex_unlock`).
        let first_acquire = r
            .returns
            .iter()
            .flat_map(|x| &x.held)
            .filter(|h| h.class == class)
            .map(|h| h.site.start)
            .min();
        let label = release_site.and_then(|rel| {
            f.labels
                .iter()
                .filter(|(_, s)| s.start < rel.start && first_acquire.is_some_and(|a| s.start > a))
                .max_by_key(|(_, s)| s.start)
                .map(|(n, _)| n.clone())
        });
        let mut reported = Vec::new();
        for &i in &leaking {
            let ret = &r.returns[i];
            if reported.contains(&ret.span) {
                continue;
            }
            reported.push(ret.span);
            let Some(held) = ret.held.iter().find(|h| h.class == class) else {
                continue;
            };
            let mut related = vec![Site {
                span: held.site,
                function: Some(function.clone()),
                message: format!("`{name}` acquired here"),
            }];
            if let Some(s) = release_site {
                related.push(Site {
                    span: s,
                    function: Some(function.clone()),
                    message: "released here on other paths".into(),
                });
            }
            let what = if ret.value == ReturnValue::Void
                && ctx.program.files[unit.file].facts.functions[unit.function]
                    .blocks
                    .is_empty()
            {
                "returns"
            } else {
                "this return"
            };
            out.push(Finding {
                code: UNRELEASED_LOCK.code,
                rule: UNRELEASED_LOCK.name,
                severity: UNRELEASED_LOCK.default_severity,
                message: format!("`{name}` is still held when `{function}` returns here"),
                primary: Site {
                    span: ret.span,
                    function: Some(function.clone()),
                    message: format!("{what} leaves `{name}` held"),
                },
                related,
                locks: vec![name.clone()],
                notes: vec![format!(
                    "{} of {} returns release `{name}`; this one does not",
                    clean.len(),
                    clean.len() + leaking.len()
                )],
                chains: Vec::new(),
                help: Some(match &label {
                    Some(l) => format!(
                        "jump to `{l}` instead of returning, as the paths that release `{name}` do"
                    ),
                    None => format!("release `{name}` before this return"),
                }),
                suggestion: match (&label, release_site) {
                    (None, Some(copy)) => Some(Suggestion::InsertBefore {
                        before: ret.span,
                        copy,
                    }),
                    _ => None,
                },
                fingerprint: fingerprint(&[
                    UNRELEASED_LOCK.code,
                    ctx.file_path(unit),
                    &function,
                    &name,
                ]),
            });
        }
    }
}
