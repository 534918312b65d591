use foldhash::{HashSet, HashSetExt};

use lockorder_ir::{Event, Span};

use crate::checks::{declare_rule, ProgramContext};
use crate::finding::{fingerprint, Finding, Severity, Site};

declare_rule! {
    /// ## What it does
    /// Finds a guard of a blocking lock — `std::sync::Mutex`/`RwLock`, `parking_lot`'s
    /// locks, `kernel::sync` locks — still alive at an `.await` (Rust). An `.await` of an
    /// `async fn` of the program counts only if that function may itself suspend (it
    /// awaits something that may, down its calls); an `.await` of anything else counts.
    /// Guards of async-aware locks (`tokio::sync::Mutex`, `futures::lock::Mutex`) are made
    /// to be held across `.await` and are not reported.
    ///
    /// Unlike clippy's `await_holding_lock`, which looks at one function, this follows the
    /// awaited functions: a guard held across `self.flush().await` is reported when
    /// `flush` suspends, and not when it never does.
    ///
    /// ## Why is this bad?
    /// While the task is suspended, the executor runs other tasks on the same thread; one
    /// that takes the same lock blocks the thread, and the suspended task that would
    /// release it never runs again: a deadlock with a single lock. The guard also makes
    /// the future `!Send`, or, with a `Send` guard, holds the lock for an unbounded time.
    ///
    /// ## Example
    /// ```rust,ignore
    /// let mut state = self.state.lock().unwrap();
    /// state.pending += 1;
    /// self.flush().await;          // `state` is still alive here
    /// ```
    ///
    /// ## How to fix
    /// End the guard's scope before the `.await` (a block, or `drop(state)`), copying out
    /// what the rest of the function needs; or use an async-aware lock such as
    /// `tokio::sync::Mutex`, whose `lock().await` is made for this.
    pub LOCK_ACROSS_AWAIT = ("LO007", "lock-across-await", Severity::Error,
        "a std/parking_lot/kernel lock guard alive across an `.await` (Rust)")
}

/// A function's `.await`s: where, and the awaited call when it is a direct call.
type Awaits = Vec<(Span, Option<lockorder_ir::Call>)>;

/// Per unit: where the function may suspend (its first `.await` that may), if it may.
fn suspension_points(cx: &ProgramContext) -> Vec<Option<Span>> {
    let mut with_awaits: Vec<(usize, Awaits)> = Vec::new();
    for (u, &(fi, fj)) in cx.units.iter().enumerate() {
        let awaits: Awaits = cx.program.files[fi].facts.functions[fj]
            .blocks
            .iter()
            .flat_map(|b| &b.events)
            .filter_map(|e| match e {
                Event::Await { span, call } => Some((*span, *call)),
                _ => None,
            })
            .collect();
        if !awaits.is_empty() {
            with_awaits.push((u, awaits));
        }
    }
    let mut suspends: Vec<Option<Span>> = vec![None; cx.units.len()];
    // Monotone: a function that may suspend stays so; iterate until nothing changes.
    loop {
        let mut changed = false;
        for (u, awaits) in &with_awaits {
            if suspends[*u].is_some() {
                continue;
            }
            let fi = cx.units[*u].0;
            if let Some((span, _)) = awaits
                .iter()
                .find(|(_, call)| may_suspend(cx, fi, call.as_ref(), &suspends))
            {
                suspends[*u] = Some(*span);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    suspends
}

/// Whether awaiting the future of `call` (in file `fi`) may suspend: unknown futures may;
/// a function of the program may if it awaits something that may.
fn may_suspend(
    cx: &ProgramContext,
    fi: usize,
    call: Option<&lockorder_ir::Call>,
    suspends: &[Option<Span>],
) -> bool {
    let Some(call) = call else {
        return true;
    };
    let targets = cx.resolver.targets(fi, call);
    targets.is_empty()
        || targets
            .iter()
            .any(|&t| suspends[cx.unit_index(t)].is_some())
}

pub fn check(cx: &ProgramContext, out: &mut Vec<Finding>) {
    if cx.unit_results().all(|(_, r)| r.awaits_held.is_empty()) {
        return;
    }
    let suspends = suspension_points(cx);
    for (&(fi, fj), r) in cx.unit_results() {
        let file = &cx.program.files[fi];
        let function = file.facts.functions[fj].name.clone();
        let mut reported: HashSet<u32> = HashSet::new();
        for a in &r.awaits_held {
            if !may_suspend(cx, fi, a.call.as_ref(), &suspends) {
                continue;
            }
            // The awaited function of the program that suspends, and where.
            let below = a.call.as_ref().and_then(|c| {
                cx.resolver
                    .targets(fi, c)
                    .into_iter()
                    .find_map(|t| suspends[cx.unit_index(t)].map(|s| (t, s)))
            });
            for &(class, lock, site) in &a.held {
                if file.facts.await_safe.contains(&lock)
                    || cx.classes.is_novalidate(class)
                    || !reported.insert(class)
                {
                    continue;
                }
                let name = cx.classes.name(class).to_string();
                let mut related = vec![Site {
                    span: site,
                    function: Some(function.clone()),
                    message: format!(
                        "`{name}` acquired here; its guard is still alive at the `.await`"
                    ),
                }];
                let mut notes = vec![format!(
                    "while the task is suspended, another task on this thread that takes `{name}` blocks the thread, and this one never runs to release it"
                )];
                if let Some(((ti, tj), span)) = below {
                    let callee = &cx.program.files[ti].facts.functions[tj].name;
                    related.push(Site {
                        span,
                        function: Some(callee.clone()),
                        message: format!("`{callee}` may suspend here"),
                    });
                    notes.push(format!(
                        "`{callee}` awaits internally, so awaiting it suspends this task"
                    ));
                }
                out.push(Finding {
                    code: LOCK_ACROSS_AWAIT.code,
                    rule: LOCK_ACROSS_AWAIT.name,
                    severity: LOCK_ACROSS_AWAIT.default_severity,
                    message: format!("`{name}` is held across an `.await`"),
                    primary: Site {
                        span: a.span,
                        function: Some(function.clone()),
                        message: format!("the task may suspend here with `{name}` held"),
                    },
                    related,
                    locks: vec![name.clone()],
                    notes,
                    chains: Vec::new(),
                    help: Some(format!(
                        "drop the guard of `{name}` before the `.await` (end its scope or call `drop`), or use an async-aware lock such as `tokio::sync::Mutex`"
                    )),
                    suggestion: None,
                    fingerprint: fingerprint(&[
                        LOCK_ACROSS_AWAIT.code,
                        &file.rel_path,
                        &function,
                        &name,
                    ]),
                });
            }
        }
    }
}
