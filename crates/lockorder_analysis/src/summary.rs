//! Interprocedural summaries: what a call does to its caller's locks. Computed bottom-up
//! over the call graph's strongly connected components (a call inside a cycle sees no
//! summary, so recursion terminates), level by level so each level runs in parallel.

use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

use lockorder_ir::{Call, LockKind, Mode, ReturnValue, Span, Success};
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;

use crate::classes::ClassId;
use crate::function_pass::{FunctionResult, HeldAtReturn};
pub use crate::guards::POINTEE;
use crate::guards::{self, GuardKey};
use crate::program::Program;

/// One step of the path from a summarised function down to an acquisition: in
/// `function`, the call at `span` (or, last, the acquisition itself).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChainStep {
    pub function: FuncRef,
    pub span: Span,
}

/// The steps from a function to the acquisition it reaches, shared between summaries.
pub type Chain = Arc<[ChainStep]>;

/// A call that may sleep below a function: what sleeps, and the path down to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sleep {
    /// The sleeping call (`msleep`) or lock (`mutex_lock(&dev->lock)`), for messages.
    pub what: Arc<str>,
    pub depth: u8,
    pub chain: Chain,
    /// Locks the caller holds on the call that the function drops before it sleeps
    /// (`spin_unlock(&pd->lock); msleep(1); spin_lock(&pd->lock);`).
    pub releases: Vec<ClassId>,
    /// Of those, the ones that are its parameters (`spinlock_t *ptl`), by index.
    pub release_params: Vec<u8>,
    /// Context kinds (bits of `Ctx::bit`) the function switches back on before it
    /// sleeps: its caller's RCU section or disabled interrupts do not cover the sleep.
    pub releases_ctx: u8,
    /// Of `releases`, those held on entry only where a parameter says so, with the guard
    /// (index and truth) under which the caller holds them: a caller passing the other
    /// value while holding one sleeps under it.
    pub guarded_releases: Vec<(ClassId, u8, bool)>,
    /// Parameter tests every sleeping path passes (see [`SummaryLock::guard`]).
    pub guard: Vec<(GuardKey, bool)>,
}

/// A lock a callee leaves held for its caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryLock {
    pub class: ClassId,
    /// Interrupts the acquisition switched off (`spin_lock_irq` in a helper that returns
    /// the lock held): the caller runs with them off until it releases the lock.
    pub irq: lockorder_ir::Irq,
    pub kind: LockKind,
    pub mode: Mode,
    /// Calls between the summarised function and the acquisition (1: in its body).
    pub depth: u8,
    /// The lock as a path from one of the function's parameters (`(0, ".lock")` for
    /// `&dev->lock`), so a caller can tell whether it is the instance it holds.
    pub via_param: Option<(u8, Box<str>)>,
    /// Where the lock is taken, from the summarised function down.
    pub chain: Chain,
    /// The caller's locks (held on entry) released on the way to this acquisition: they
    /// do not order before it (`spin_unlock(&pm->lock); lock_sock(ssk); spin_lock(...)`).
    pub dropped: Vec<ClassId>,
    /// `(test of a parameter, truth)`: the lock is taken only where that parameter tests
    /// so (`if (!locked) mutex_lock(&m)`, `if (mode == MODE_LOCKED)`): a caller passing a
    /// constant that fails it does not take it. A key with [`POINTEE`] set tests what the
    /// parameter points to on entry (`if (!*locked)`), which a caller passing `&locked`
    /// knows (see [`crate::guards`]).
    pub guard: Vec<(GuardKey, bool)>,
    /// How a caller names a lock that has no name outside the function.
    pub handle: LockHandle,
}

/// How a caller knows a lock its callee takes or drops.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LockHandle {
    /// By its class: a global, a static, a field of some type.
    #[default]
    Class,
    /// By the variable it stores the call's result in: the function returns the lock's
    /// address (`spin_lock(ptl); return ptl;`, as `pmd_lock` does).
    Returned,
    /// By the argument it passes for this parameter, the lock's address
    /// (`nf_conntrack_lock(spinlock_t *lock)`).
    Param(u8),
}

/// A path in the one form a parameter mapping compares: no `&`, `->` as `.`.
pub fn canonical_path(text: &str) -> String {
    text.trim_start_matches('&').replace("->", ".")
}

/// `(parameter index, rest of the path)` when `path` starts at one of `params`.
pub fn param_path(params: &[String], path: &str) -> Option<(u8, Box<str>)> {
    let path = canonical_path(path);
    let end = path.find(['.', '[']).unwrap_or(path.len());
    let i = params.iter().position(|p| *p == path[..end])?;
    Some((u8::try_from(i).ok()?, path[end..].into()))
}

/// How many calls deep a lock taken below a call still orders the caller's locks. Deeper
/// chains on the kernel run through paths that cannot happen under the caller's lock.
pub const MAX_CALL_DEPTH: u8 = 3;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FunctionSummary {
    /// Locks held on entry that some return no longer holds (`__releases`, helpers that
    /// drop the caller's lock while they wait).
    pub releases: Vec<ClassId>,
    /// Caller's locks the function keeps where it succeeds and releases where it fails,
    /// with the success polarity of its result (`Zero`: kept when it returns 0).
    pub releases_on_failure: Vec<(ClassId, Success)>,
    /// Caller's locks the function releases exactly where it writes a constant of this
    /// truth through the parameter (`*mmap_locked = false`), keeping them elsewhere: the
    /// caller's test of the variable whose address it passed says which.
    pub releases_with_flag: Vec<(ClassId, u8, bool)>,
    /// Caller's locks the function releases on every path entered with them, where it is
    /// entered with them exactly where a parameter tests so (`netlink_dump(sk,
    /// lock_taken)`: `if (!lock_taken) mutex_lock(...)`, unlocked at every return): a
    /// call passing a constant of that truth releases the caller's lock.
    pub releases_guarded: Vec<(ClassId, u8, bool)>,
    /// Parameters that are locks the function releases for its caller (`spin_unlock(ptl)`
    /// on a `spinlock_t *ptl` it did not take): the caller's argument is released.
    pub release_params: Vec<u8>,
    /// Locks taken inside and held at every return (lock wrappers).
    pub acquires: Vec<SummaryLock>,
    /// Locks held exactly when the function succeeds (`find_lock_task_mm`, trylock
    /// wrappers): the return value tells, with this polarity.
    pub cond_acquires: Vec<(SummaryLock, Success)>,
    /// Locks held exactly where the function wrote a value of this truth through the
    /// parameter (`*out_bucket = hb;` with `hb->lock` held, `NULL` or nothing where it is
    /// not): the caller's test of the variable whose address it passed says which. A lock
    /// also in [`Self::cond_acquires`] has two witnesses, and either test tells the other.
    pub acquires_with_flag: Vec<(SummaryLock, u8, bool)>,
    /// Of the locks it leaves held, the classes it stored where its caller reaches them
    /// through a parameter on every return that holds them (`path->nodes[level] = eb;`):
    /// the caller's caller releases them with what it passed.
    pub handed: Vec<(ClassId, u8)>,
    /// Locks the function (or its callees) waits for, released or not: taken under the
    /// caller's locks, they order after them.
    pub waits_for: Vec<SummaryLock>,
    /// Locks callers must hold (`__must_hold`, `lockdep_assert_held`), here or below.
    pub requires: Vec<SummaryLock>,
    /// A path on which the function may sleep, where nothing inside it forbids that.
    pub may_sleep: Option<Sleep>,
    /// The value every return gives, when it is the same zero or error constant
    /// (`not_found()`'s `return false;`): a caller's test of the result is decided.
    pub constant_return: Option<ReturnValue>,
}

/// Locks listed per summary in `waits_for`; beyond, the rest is dropped.
const MAX_WAITS_FOR: usize = 64;

/// A function's summary as the analysis keeps it, one slot per function: most have none,
/// and of the rest many say only that they return a constant (`return 0;`), which one
/// shared summary per constant says for all of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SummarySlot {
    #[default]
    Empty,
    Shared(&'static FunctionSummary),
    Boxed(Box<FunctionSummary>),
}

static RETURNS_ZERO: FunctionSummary = FunctionSummary::returning(ReturnValue::Zero);
static RETURNS_ERROR: FunctionSummary = FunctionSummary::returning(ReturnValue::Error);

impl SummarySlot {
    pub fn new(s: FunctionSummary) -> Self {
        if s.is_empty() {
            return SummarySlot::Empty;
        }
        for shared in [&RETURNS_ZERO, &RETURNS_ERROR] {
            if s == *shared {
                return SummarySlot::Shared(shared);
            }
        }
        SummarySlot::Boxed(Box::new(s))
    }

    pub fn get(&self) -> Option<&FunctionSummary> {
        match self {
            SummarySlot::Empty => None,
            SummarySlot::Shared(s) => Some(s),
            SummarySlot::Boxed(s) => Some(s),
        }
    }
}

impl FunctionSummary {
    /// The locks a call may leave held: always, on success, or where it writes a flag.
    pub fn left_held(&self) -> impl Iterator<Item = &SummaryLock> {
        self.acquires
            .iter()
            .chain(self.cond_acquires.iter().map(|c| &c.0))
            .chain(self.acquires_with_flag.iter().map(|c| &c.0))
    }

    /// A summary that says only that every return gives `value`.
    const fn returning(value: ReturnValue) -> Self {
        FunctionSummary {
            releases: Vec::new(),
            releases_on_failure: Vec::new(),
            releases_with_flag: Vec::new(),
            releases_guarded: Vec::new(),
            release_params: Vec::new(),
            acquires: Vec::new(),
            cond_acquires: Vec::new(),
            acquires_with_flag: Vec::new(),
            handed: Vec::new(),
            waits_for: Vec::new(),
            requires: Vec::new(),
            may_sleep: None,
            constant_return: Some(value),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.releases.is_empty()
            && self.releases_on_failure.is_empty()
            && self.releases_with_flag.is_empty()
            && self.releases_guarded.is_empty()
            && self.release_params.is_empty()
            && self.acquires.is_empty()
            && self.cond_acquires.is_empty()
            && self.acquires_with_flag.is_empty()
            && self.waits_for.is_empty()
            && self.requires.is_empty()
            && self.may_sleep.is_none()
            && self.constant_return.is_none()
    }
}

/// The summary of a function from the observations of its dataflow run.
/// The summary of a function, without the locks that mean nothing to a caller.
pub fn summarize_for_callers(
    r: &FunctionResult,
    classes: &crate::classes::ClassTable,
    me: FuncRef,
) -> FunctionSummary {
    let mut s = summarize(r, me);
    let local = |c: ClassId| classes.is_function_local(c);
    for &c in s.releases.iter().filter(|&&c| local(c)) {
        if let Some(&(_, i)) = r.entry_params.iter().find(|p| p.0 == c) {
            s.release_params.push(i);
        }
    }
    s.releases.retain(|&c| !local(c));
    s.releases_on_failure.retain(|x| !local(x.0));
    s.releases_with_flag.retain(|x| !local(x.0));
    s.releases_guarded.retain(|x| !local(x.0));
    // A returned lock is known to the caller by the variable it keeps the result in.
    s.acquires
        .retain(|l| l.handle != LockHandle::Class || !local(l.class));
    s.cond_acquires
        .retain(|(l, _)| l.handle != LockHandle::Class || !local(l.class));
    s.acquires_with_flag
        .retain(|(l, ..)| l.handle != LockHandle::Class || !local(l.class));
    s.waits_for.retain(|l| !local(l.class));
    s.requires.retain(|l| !local(l.class));
    s
}

pub fn summarize(r: &FunctionResult, me: FuncRef) -> FunctionSummary {
    // A lock the function was entered holding and retakes is the caller's, not a new wait.
    let mut s = FunctionSummary {
        waits_for: r
            .waits_for
            .iter()
            .filter(|l| !r.entry_held.contains(&l.class))
            .take(MAX_WAITS_FOR)
            .cloned()
            .collect(),
        requires: r.requires.clone(),
        may_sleep: r.may_sleep.clone(),
        ..FunctionSummary::default()
    };
    if r.returns.is_empty() {
        return s;
    }
    let first = r.returns[0].value;
    if matches!(first, ReturnValue::Zero | ReturnValue::Error)
        && r.returns.iter().all(|ret| ret.value == first)
    {
        s.constant_return = Some(first);
    }
    // A lock held on entry is released for the caller only if no return still holds it,
    // either as it came or retaken (drop-and-retake helpers hold it at every return).
    let held_at = |ret: &crate::function_pass::ReturnObservation, c: ClassId| {
        ret.entry_held_at.contains(&c) || ret.held.iter().any(|h| h.class == c)
    };
    // A lock held on entry only where a parameter says so: the paths entered without it
    // say nothing of what the function does with it.
    let guarded = r
        .guarded_entry
        .iter()
        .enumerate()
        .map(|(bit, &(c, param, truth))| (c, Some((bit, param, truth))));
    for (c, guard) in r.entry_held.iter().map(|&c| (c, None)).chain(guarded) {
        let entered: Vec<usize> = (0..r.returns.len())
            .filter(|&i| guard.is_none_or(|g| r.returns[i].started_with(g.0)))
            .collect();
        if entered.is_empty() {
            continue;
        }
        let released = !entered.iter().any(|&i| held_at(&r.returns[i], c));
        match guard {
            None if released => {
                s.releases.push(c);
                continue;
            }
            // Guarded by a plain parameter: released for a caller passing that value
            // (`netlink_dump(sk, true)`); its other outcomes have no reading for callers.
            Some((_, param, truth)) if param & POINTEE == 0 => {
                if released && !s.releases_guarded.iter().any(|x| x.0 == c) {
                    s.releases_guarded.push((c, param, truth));
                }
                continue;
            }
            // Guarded by what a pointer parameter points to: callers read what the
            // function did through their flag (a caller that passes `locked = 0` holds
            // nothing to release).
            _ => {}
        }
        // Kept where the function succeeds, dropped where it fails (a helper that unlocks
        // its caller's lock before `return -ENOMEM`): the caller's test of the result says.
        let (held, free): (Vec<usize>, Vec<usize>) =
            entered.iter().partition(|&&i| held_at(&r.returns[i], c));
        if !free.is_empty() && !s.releases_on_failure.iter().any(|x| x.0 == c) {
            if let Some(success) =
                held_on_success(r, &held, &free).or_else(|| kept_at_zero(r, &held, &free))
            {
                s.releases_on_failure.push((c, success));
            }
            if let Some((param, truth)) = flag_written(r, &held, &free) {
                s.releases_with_flag.push((c, param, truth));
            }
        }
    }
    for &(c, q, truth) in &r.forwarded_flag_releases {
        if !s.releases.contains(&c) && !s.releases_with_flag.iter().any(|x| x.0 == c) {
            s.releases_with_flag.push((c, q, truth));
        }
    }
    let mut classes: Vec<(ClassId, LockKind, Mode, Span, lockorder_ir::Irq)> = Vec::new();
    for ret in &r.returns {
        for h in &ret.held {
            if !r.entered_holding(h.class) && !classes.iter().any(|c| c.0 == h.class) {
                classes.push((h.class, h.kind, h.mode, h.site, h.irq));
            }
        }
    }
    for (class, kind, mode, site, irq) in classes {
        let holding = || {
            r.returns
                .iter()
                .flat_map(move |ret| ret.held.iter().filter(move |h| h.class == class))
        };
        // Every return that holds it hands its address back.
        let mut handles = holding().map(|h| h.handle);
        let first = handles.next().unwrap_or_default();
        let handle = if handles.all(|h| h == first) {
            first
        } else {
            LockHandle::Class
        };
        let lock = SummaryLock {
            handle,
            irq,
            via_param: None,
            class,
            kind,
            mode,
            depth: 1,
            chain: Arc::new([ChainStep {
                function: me,
                span: site,
            }]),
            dropped: Vec::new(),
            guard: Vec::new(),
        };
        // Stored where a parameter leads on every return that holds it.
        let first = holding().next().and_then(|h| h.handed);
        if let Some(p) = first.filter(|_| holding().all(|h| h.handed == first)) {
            s.handed.push((class, p));
        }
        // Returns that hand on a callee's outcome (`sk = listening_get_first(seq);
        // return sk;` after dropping the lock) hold it where their value says, as a
        // conditional acquisition's returns do: they must agree with the others' reading.
        let forwarded: Vec<Success> = r
            .returns
            .iter()
            .filter_map(|x| x.forwarded(class))
            .collect();
        // Returns where the lock's pointer is NULL hold nothing whatever the function
        // does; they count as returns without it only where no other return is one
        // (`if (!p) return 0; spin_lock(&p->lock); return 1;`).
        let (mut held, mut free, mut null) = (Vec::new(), Vec::new(), Vec::new());
        for (i, ret) in r.returns.iter().enumerate() {
            if ret.held.iter().any(|h| h.class == class) {
                held.push(i);
            } else if ret.decides(class) {
                free.push(i);
            } else if ret.forwarded(class).is_none() {
                null.push(i);
            }
        }
        if free.is_empty() {
            free = null;
        }
        if free.is_empty() && forwarded.is_empty() {
            s.acquires.push(lock);
            continue;
        }
        if let Some((param, truth)) = flag_written(r, &free, &held).filter(|_| forwarded.is_empty())
        {
            s.acquires_with_flag.push((lock.clone(), param, truth));
        }
        let success = if free.is_empty() {
            let values: Vec<ReturnValue> = held.iter().map(|&i| r.returns[i].value).collect();
            forwarded.first().copied().filter(|&w| {
                values.iter().all(|&v| match w {
                    Success::Nonzero => !matches!(
                        v,
                        ReturnValue::Zero | ReturnValue::Error | ReturnValue::Void
                    ),
                    Success::Zero => v == ReturnValue::Zero,
                })
            })
        } else {
            held_on_success(r, &held, &free).or_else(|| held_when_zero(r, &held, &free))
        };
        if let Some(success) = success.filter(|w| forwarded.iter().all(|x| x == w)) {
            s.cond_acquires.push((lock, success));
        }
    }
    // A lock held on entry where a parameter says so, taken where it says not, and held at
    // every return (`if (!locked) mutex_lock(...)`): held after the call either way,
    // taken by it only where the caller's argument says it was not held.
    for (bit, &(class, param, truth)) in r.guarded_entry.iter().enumerate() {
        let everywhere = r.returns.iter().all(|ret| {
            if ret.started_with(bit) {
                ret.entry_held_at.contains(&class)
            } else {
                ret.held.iter().any(|h| h.class == class)
            }
        });
        let taken = r
            .returns
            .iter()
            .flat_map(|ret| ret.held.iter())
            .find(|h| h.class == class);
        let Some(h) = taken.filter(|_| everywhere) else {
            continue;
        };
        if !s.acquires.iter().any(|l| l.class == class) {
            s.acquires.push(SummaryLock {
                irq: h.irq,
                via_param: None,
                class,
                kind: h.kind,
                mode: h.mode,
                depth: 1,
                chain: Arc::new([ChainStep {
                    function: me,
                    span: h.site,
                }]),
                dropped: Vec::new(),
                guard: vec![(guards::key(param, None), !truth)],
                handle: h.handle,
            });
        }
    }
    // `__acquires(x)`, `__cond_acquires(x)`: the contract, where the body does not show it
    // (the lock taken in assembly, through a callee outside the program).
    for (l, cond) in &r.annotated_returns {
        let known = s.acquires.iter().any(|x| x.class == l.class)
            || s.cond_acquires.iter().any(|(x, _)| x.class == l.class);
        if !known && !r.entry_held.contains(&l.class) {
            if *cond {
                s.cond_acquires.push((l.clone(), Success::Nonzero));
            } else {
                s.acquires.push(l.clone());
            }
        }
    }
    // `return __foo_trylock(x);` on every path that does not fail outright (`return NULL`,
    // `return -EBUSY`): the callee's outcome is this function's.
    let forwarded: Vec<&(HeldAtReturn, Success)> =
        r.returns.iter().flat_map(|ret| &ret.pending).collect();
    for (i, (h, success)) in forwarded.iter().map(|p| (&p.0, p.1)).enumerate() {
        if forwarded[..i].iter().any(|(x, _)| x.class == h.class) {
            continue;
        }
        let fails = |v: ReturnValue| match success {
            Success::Nonzero => matches!(v, ReturnValue::Zero | ReturnValue::Error),
            Success::Zero => matches!(v, ReturnValue::One | ReturnValue::Error),
        };
        let everywhere = r.returns.iter().all(|ret| {
            ret.pending
                .iter()
                .any(|(x, s)| x.class == h.class && *s == success)
                || (ret.held.iter().all(|x| x.class != h.class) && fails(ret.value))
        });
        let known = s.acquires.iter().any(|l| l.class == h.class)
            || s.cond_acquires.iter().any(|(l, _)| l.class == h.class);
        if everywhere && !known && !r.entry_held.contains(&h.class) {
            s.cond_acquires.push((
                SummaryLock {
                    irq: lockorder_ir::Irq::None,
                    via_param: None,
                    class: h.class,
                    kind: h.kind,
                    mode: h.mode,
                    depth: 1,
                    chain: Arc::new([ChainStep {
                        function: me,
                        span: h.site,
                    }]),
                    dropped: Vec::new(),
                    guard: Vec::new(),
                    handle: h.handle,
                },
                success,
            ));
        }
    }
    s
}

/// Whether the returns holding a lock (`held`) and those without it (`free`) differ by
/// return value the way a conditional lock function's do — held with a pointer, zero or
/// true; free with NULL or an error — and with which polarity.
pub fn held_on_success(r: &FunctionResult, held: &[usize], free: &[usize]) -> Option<Success> {
    let held_values: Vec<ReturnValue> = held.iter().map(|&i| r.returns[i].value).collect();
    let free_values: Vec<ReturnValue> = free.iter().map(|&i| r.returns[i].value).collect();
    if held_values
        .iter()
        .any(|v| matches!(v, ReturnValue::Error | ReturnValue::Void))
    {
        return None;
    }
    if held_values.iter().any(|v| free_values.contains(v)) {
        return None;
    }
    if !free_values
        .iter()
        .all(|v| matches!(v, ReturnValue::Error | ReturnValue::Zero | ReturnValue::One))
    {
        return None;
    }
    if held_values.iter().all(|v| *v == ReturnValue::Zero) {
        Some(Success::Zero)
    } else if held_values.iter().all(|v| *v != ReturnValue::Zero) {
        Some(Success::Nonzero)
    } else {
        None
    }
}

/// For callers only, a weaker reading than [`held_on_success`]: [`kept_at_zero`], held at
/// `return 0;` only and free where it returns an error or a variable, with an error among
/// them (`return 0` after
/// `spin_lock_irq`, `return ret` on the way out of a failure ladder, as `blkg_conf_prep`
/// does). LO003 does not take this as a contract: an early `return 0;` that forgets the
/// unlock looks the same.
fn held_when_zero(r: &FunctionResult, held: &[usize], free: &[usize]) -> Option<Success> {
    let error = free
        .iter()
        .any(|&i| r.returns[i].value == ReturnValue::Error);
    kept_at_zero(r, held, free).filter(|_| error)
}

/// For a caller's lock: kept at `return 0;` only, dropped where the function returns
/// anything else, constant or not (`wait_task_zombie` unlocks `tasklist_lock` and returns
/// the pid it reaped). A caller can only know what it holds from the result, so a caller
/// that still holds the lock is one that saw 0.
fn kept_at_zero(r: &FunctionResult, held: &[usize], free: &[usize]) -> Option<Success> {
    let value = |i: &usize| r.returns[*i].value;
    (held.iter().all(|i| value(i) == ReturnValue::Zero)
        && free
            .iter()
            .all(|i| matches!(value(i), ReturnValue::Error | ReturnValue::Other)))
    .then_some(Success::Zero)
}

/// The out-parameter write that tells two sets of returns apart: every return in `all`
/// wrote the same truth through the parameter, and no return in `none` did. For a
/// caller's lock released on some paths, `all` are those without it; for a lock taken on
/// some, those with it. `(parameter, truth)`.
fn flag_written(r: &FunctionResult, none: &[usize], all: &[usize]) -> Option<(u8, bool)> {
    let written = |i: usize, w: (u8, bool)| r.returns[i].written_params.contains(&w);
    r.returns[*all.first()?]
        .written_params
        .iter()
        .copied()
        .find(|&w| all.iter().all(|&i| written(i, w)) && !none.iter().any(|&i| written(i, w)))
}

/// A function's place in the program: `(file, function)`.
pub type FuncRef = (usize, usize);

/// What a call reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    Function(FuncRef),
    /// One of several functions stored in the same slot (`struct foo_ops::open`): the
    /// index of the group in [`CallResolver::groups`].
    Group(usize),
}

/// Functions one indirect call may reach, beyond which it is left unresolved: a slot
/// with more implementations (`struct file_operations::open`) is an interface, and
/// its callers' locks order nothing in particular.
pub const MAX_INDIRECT_TARGETS: usize = 8;

/// How indirect calls fared.
#[derive(Clone, Copy, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct IndirectStats {
    pub calls: u64,
    pub resolved: u64,
    /// No function is known to be stored in the slot.
    pub unresolved: u64,
    /// More than [`MAX_INDIRECT_TARGETS`] functions are.
    pub over_cap: u64,
}

/// The tests every one of `guards` makes.
fn common_guard<'g>(
    mut guards: impl Iterator<Item = &'g Vec<(GuardKey, bool)>>,
) -> Vec<(GuardKey, bool)> {
    let mut out = guards.next().cloned().unwrap_or_default();
    for g in guards {
        out.retain(|x| g.contains(x));
    }
    out
}

/// Merges the summaries of the functions an indirect call may reach: what any of them
/// waits for or requires, it may; what all of them leave held or release, it does.
pub fn merge_summaries(members: &[Option<&FunctionSummary>]) -> FunctionSummary {
    let present: Vec<&FunctionSummary> = members.iter().flatten().copied().collect();
    let mut out = FunctionSummary::default();
    let all = present.len() == members.len();
    // Which target runs is unknown: the call may sleep only if every one of them may.
    // Targets guard differently, if at all: a merged entry keeps the tests every target
    // makes (the slot's parameters are the same for all).
    if all && present.iter().all(|s| s.may_sleep.is_some()) {
        out.may_sleep = present.first().and_then(|s| s.may_sleep.clone());
        if let Some(s) = &mut out.may_sleep {
            let guards = present.iter().filter_map(|p| p.may_sleep.as_ref());
            s.guard = common_guard(guards.map(|x| &x.guard));
        }
    }
    for s in &present {
        for l in &s.waits_for {
            if out.waits_for.len() < MAX_WAITS_FOR
                && !out.waits_for.iter().any(|x| x.class == l.class)
            {
                let guards = present
                    .iter()
                    .flat_map(|p| p.waits_for.iter().filter(|x| x.class == l.class));
                out.waits_for.push(SummaryLock {
                    guard: common_guard(guards.map(|x| &x.guard)),
                    ..l.clone()
                });
            }
        }
        for l in &s.requires {
            if !out.requires.iter().any(|x| x.class == l.class) {
                out.requires.push(SummaryLock {
                    guard: Vec::new(),
                    ..l.clone()
                });
            }
        }
    }
    if let (true, Some((first, rest))) = (all, present.split_first()) {
        out.releases = first
            .releases
            .iter()
            .filter(|c| rest.iter().all(|s| s.releases.contains(c)))
            .copied()
            .collect();
        out.acquires = first
            .acquires
            .iter()
            .filter(|l| {
                rest.iter()
                    .all(|s| s.acquires.iter().any(|x| x.class == l.class))
            })
            .cloned()
            .collect();
        out.cond_acquires = first
            .cond_acquires
            .iter()
            .filter(|(l, p)| {
                rest.iter().all(|s| {
                    s.cond_acquires
                        .iter()
                        .any(|(x, q)| x.class == l.class && q == p)
                })
            })
            .cloned()
            .collect();
        out.acquires_with_flag = first
            .acquires_with_flag
            .iter()
            .filter(|(l, p, t)| {
                rest.iter().all(|s| {
                    s.acquires_with_flag
                        .iter()
                        .any(|(x, q, u)| x.class == l.class && q == p && u == t)
                })
            })
            .cloned()
            .collect();
    }
    out
}

/// Resolves direct calls by name: a `static` function of the calling file first, then a
/// global function — the first definition in (sorted) file order, so per-architecture and
/// `#ifdef` duplicates resolve the same way on every run — then a `static inline` from a
/// header.
pub struct CallResolver {
    /// Per file, per interned callee name, the target.
    per_file: Vec<Vec<Option<FuncRef>>>,
    /// Per file, per function-pointer slot, what a call through it reaches.
    per_file_slots: Vec<Vec<Option<Target>>>,
    /// Functions sharing a slot, each group sorted.
    pub groups: Vec<Vec<FuncRef>>,
    pub indirect: IndirectStats,
}

impl CallResolver {
    pub fn build(program: &Program, classes: &crate::classes::ClassTable) -> Self {
        let mut global: HashMap<&str, Vec<FuncRef>> = HashMap::new();
        let mut header_static: HashMap<&str, Vec<FuncRef>> = HashMap::new();
        for (fi, file) in program.files.iter().enumerate() {
            let is_header = file.rel_path.ends_with(".h");
            for (fj, f) in file.facts.functions.iter().enumerate() {
                if !f.is_static {
                    global.entry(f.name.as_str()).or_default().push((fi, fj));
                } else if is_header {
                    header_static
                        .entry(f.name.as_str())
                        .or_default()
                        .push((fi, fj));
                }
            }
        }
        // Of several definitions (per-architecture variants, a user-space tool's own
        // helper), the one nearest the caller in the tree; ties go to file order.
        let nearest = |caller: &str, defs: &Vec<FuncRef>| -> FuncRef {
            *defs
                .iter()
                .max_by_key(|&&(fi, _)| {
                    (
                        common_dirs(caller, &program.files[fi].rel_path),
                        std::cmp::Reverse(fi),
                    )
                })
                .expect("definitions are never empty")
        };
        // A header's `static inline` is seen only where the header is: a global include
        // directory, the caller's directory, or included by the caller or by a header of
        // its directory (two drivers' private headers may define the same helper).
        let mut dir_includes: HashMap<&str, Vec<&str>> = HashMap::new();
        for file in &program.files {
            if file.rel_path.ends_with(".h") {
                dir_includes
                    .entry(parent_dir(&file.rel_path))
                    .or_default()
                    .extend(file.facts.includes.iter().map(String::as_str));
            }
        }
        let visible = |caller: &SourceFileRef, header: &str| -> bool {
            let dir = parent_dir(header);
            dir == parent_dir(caller.path)
                || dir.starts_with("include/")
                || (dir.starts_with("arch/") && dir.contains("/include/"))
                || caller
                    .includes
                    .iter()
                    .chain(
                        dir_includes
                            .get(parent_dir(caller.path))
                            .into_iter()
                            .flatten(),
                    )
                    .any(|i| {
                        header == *i || header.strip_suffix(i).is_some_and(|p| p.ends_with('/'))
                    })
        };
        // Headers declaring each function name.
        let mut declared_in: HashMap<&str, Vec<usize>> = HashMap::new();
        for (hi, file) in program.files.iter().enumerate() {
            if file.rel_path.ends_with(".h") {
                for (name, _) in &file.facts.return_types {
                    declared_in.entry(name.as_str()).or_default().push(hi);
                }
            }
        }
        // A global definition is linked to a caller unless it is plainly out of reach: a
        // user-space tool's (`tools/`) for kernel code, or one declared only in headers
        // the caller cannot see (another driver's private helper of the same name, where
        // the caller's own is a macro).
        let global_visible = |caller: &SourceFileRef, def: usize, name: &str| -> bool {
            let def_path = program.files[def].rel_path.as_str();
            if def_path.starts_with("tools/") != caller.path.starts_with("tools/") {
                return false;
            }
            if parent_dir(def_path) == parent_dir(caller.path) {
                return true;
            }
            match declared_in.get(name) {
                None => true,
                Some(headers) => headers
                    .iter()
                    .any(|&h| visible(caller, &program.files[h].rel_path)),
            }
        };
        let per_file: Vec<Vec<Option<FuncRef>>> = program
            .files
            .par_iter()
            .enumerate()
            .map(|(fi, file)| {
                let caller = SourceFileRef {
                    path: &file.rel_path,
                    includes: file.facts.includes.iter().map(String::as_str).collect(),
                };
                let statics: HashMap<&str, usize> = file
                    .facts
                    .functions
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.is_static)
                    .map(|(fj, f)| (f.name.as_str(), fj))
                    .collect();
                file.facts
                    .names
                    .iter()
                    .map(|n| {
                        statics
                            .get(n.as_str())
                            .map(|&fj| (fi, fj))
                            .or_else(|| {
                                let seen: Vec<FuncRef> = global
                                    .get(n.as_str())?
                                    .iter()
                                    .copied()
                                    .filter(|&(di, _)| global_visible(&caller, di, n))
                                    .collect();
                                (!seen.is_empty()).then(|| nearest(&file.rel_path, &seen))
                            })
                            .or_else(|| {
                                let seen: Vec<FuncRef> = header_static
                                    .get(n.as_str())?
                                    .iter()
                                    .copied()
                                    .filter(|&(hi, _)| {
                                        visible(&caller, &program.files[hi].rel_path)
                                    })
                                    .collect();
                                (!seen.is_empty()).then(|| nearest(&file.rel_path, &seen))
                            })
                    })
                    .collect()
            })
            .collect();
        // Slot class → the functions bound to it anywhere (resolved from the binding's
        // file, like a call there would be).
        let mut bound: Vec<Vec<FuncRef>> = vec![Vec::new(); classes.slot_class_count];
        for (fi, file) in program.files.iter().enumerate() {
            for &(slot, name) in &file.facts.slot_bindings {
                if let Some(target) = per_file[fi].get(name as usize).copied().flatten() {
                    bound[classes.slot_class(fi, slot) as usize].push(target);
                }
            }
        }
        let mut groups = Vec::new();
        let over_cap: Vec<bool> = bound
            .iter()
            .map(|fs| {
                let mut fs = fs.clone();
                fs.sort_unstable();
                fs.dedup();
                fs.len() > MAX_INDIRECT_TARGETS
            })
            .collect();
        let slot_targets: Vec<Option<Target>> = bound
            .into_iter()
            .map(|mut fs| {
                fs.sort_unstable();
                fs.dedup();
                match fs.len() {
                    0 => None,
                    1 => Some(Target::Function(fs[0])),
                    n if n <= MAX_INDIRECT_TARGETS => {
                        groups.push(fs);
                        Some(Target::Group(groups.len() - 1))
                    }
                    _ => None,
                }
            })
            .collect();
        // Counted per call site, so `--statistics` says how much the cap leaves out.
        let mut indirect = IndirectStats::default();
        let mut per_file_slots = Vec::with_capacity(program.files.len());
        for (fi, file) in program.files.iter().enumerate() {
            let targets: Vec<Option<Target>> = (0..file.facts.slots.len() as u32)
                .map(|s| slot_targets[classes.slot_class(fi, s) as usize])
                .collect();
            for call in file.facts.functions.iter().flat_map(|f| f.calls()) {
                if call.indirect {
                    indirect.calls += 1;
                    let class = classes.slot_class(fi, call.callee);
                    match targets.get(call.callee as usize).copied().flatten() {
                        Some(_) => indirect.resolved += 1,
                        None if over_cap[class as usize] => indirect.over_cap += 1,
                        None => indirect.unresolved += 1,
                    }
                }
            }
            per_file_slots.push(targets);
        }
        CallResolver {
            per_file,
            per_file_slots,
            groups,
            indirect,
        }
    }

    /// Every function a call may reach: its target, or each member of its group.
    pub fn targets(&self, file: usize, call: &Call) -> Vec<FuncRef> {
        match self.resolve(file, call) {
            Some(Target::Function(t)) => vec![t],
            Some(Target::Group(g)) => self.groups[g].clone(),
            None => Vec::new(),
        }
    }

    /// The function a name interned in `file` resolves to there.
    pub fn resolve_name(&self, file: usize, name: u32) -> Option<FuncRef> {
        self.per_file[file].get(name as usize).copied().flatten()
    }

    pub fn resolve(&self, file: usize, call: &Call) -> Option<Target> {
        if call.indirect {
            return self.per_file_slots[file]
                .get(call.callee as usize)
                .copied()
                .flatten();
        }
        self.per_file[file]
            .get(call.callee as usize)
            .copied()
            .flatten()
            .map(Target::Function)
    }
}

/// A calling file, for header visibility.
struct SourceFileRef<'a> {
    path: &'a str,
    includes: Vec<&'a str>,
}

/// The directory part of a `/`-separated path (`""` at the top).
pub fn parent_dir(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |d| d.0)
}

/// How many leading directories two `/`-separated paths share.
fn common_dirs(a: &str, b: &str) -> usize {
    let (a, b) = (parent_dir(a), parent_dir(b));
    a.split('/')
        .zip(b.split('/'))
        .take_while(|(x, y)| x == y && !x.is_empty())
        .count()
}

/// Whether `f` downs a semaphore itself (see `hand_off_semaphores`).
fn downs_semaphore(f: &lockorder_ir::Function) -> bool {
    f.blocks.iter().flat_map(|b| &b.events).any(|e| {
        matches!(e, lockorder_ir::Event::Acquire { acq, .. } | lockorder_ir::Event::CondAcquire { acq, .. }
            if acq.kind == lockorder_ir::LockKind::Semaphore)
    })
}

/// Functions grouped so that every callee outside a function's own SCC is in an earlier
/// group: each group can be analysed in parallel once the previous ones are summarised.
///
/// An indirect call may reach half the kernel back (`d_op->d_iput` → `iput` → ... →
/// `d_delete`): taken as an ordinary edge, it would merge large parts of the call graph
/// into one SCC and leave their direct calls unsummarised. So SCCs come from direct
/// calls; an indirect edge is kept unless it closes a cycle, which is decided by the
/// position of its target in the direct callees-first order. A dropped call is left
/// unsummarised, deterministically: summaries are read only from earlier levels.
pub fn bottom_up_levels(program: &Program, resolver: &CallResolver) -> Vec<Vec<Target>> {
    let mut direct: DiGraph<FuncRef, ()> = DiGraph::new();
    let mut index: Vec<Vec<NodeIndex>> = Vec::with_capacity(program.files.len());
    for (fi, file) in program.files.iter().enumerate() {
        index.push(
            (0..file.facts.functions.len())
                .map(|fj| direct.add_node((fi, fj)))
                .collect(),
        );
    }
    let mut indirect: Vec<(NodeIndex, Target)> = Vec::new();
    for (fi, file) in program.files.iter().enumerate() {
        for (fj, f) in file.facts.functions.iter().enumerate() {
            for call in f.calls() {
                match resolver.resolve(fi, call) {
                    Some(Target::Function((ti, tj))) if !call.indirect => {
                        direct.update_edge(index[fi][fj], index[ti][tj], ());
                    }
                    Some(t) => indirect.push((index[fi][fj], t)),
                    None => {}
                }
            }
            // A function that downs a semaphore may hand it to a callback it passes on
            // (see `hand_off_semaphores`): the callback's summary comes first.
            if downs_semaphore(f) {
                let args = f
                    .blocks
                    .iter()
                    .flat_map(|b| &b.events)
                    .filter_map(|e| match e {
                        lockorder_ir::Event::Call { args, .. } => Some(f.args(*args)),
                        _ => None,
                    });
                for args in args {
                    for &a in args.iter().filter(|&&a| a != lockorder_ir::NO_ARG) {
                        if let Some((ti, tj)) = resolver.resolve_name(fi, a) {
                            direct.update_edge(index[fi][fj], index[ti][tj], ());
                        }
                    }
                }
            }
        }
    }
    indirect.sort_unstable_by_key(|&(n, t)| (n.index(), t));
    indirect.dedup();
    let sccs = tarjan_scc(&direct);
    let mut component = vec![0usize; direct.node_count()];
    for (i, scc) in sccs.iter().enumerate() {
        for n in scc {
            component[n.index()] = i;
        }
    }
    let comp_of = |(fi, fj): FuncRef| component[index[fi][fj].index()];
    // The condensation, groups added: nodes 0..sccs.len() are components, then groups.
    // A position orders nodes callees first; a group sits just above its last member.
    let n_comp = sccs.len();
    let position = |node: usize| -> (usize, bool) {
        if node < n_comp {
            (node, false)
        } else {
            let members = &resolver.groups[node - n_comp];
            (members.iter().map(|&m| comp_of(m)).max().unwrap_or(0), true)
        }
    };
    let mut full: DiGraph<usize, bool> = DiGraph::new();
    let nodes: Vec<NodeIndex> = (0..n_comp + resolver.groups.len())
        .map(|i| full.add_node(i))
        .collect();
    for e in direct.edge_indices() {
        let (a, b) = direct.edge_endpoints(e).expect("edge exists");
        let (ca, cb) = (component[a.index()], component[b.index()]);
        if ca != cb {
            full.update_edge(nodes[ca], nodes[cb], false);
        }
    }
    for (gi, members) in resolver.groups.iter().enumerate() {
        for &m in members {
            full.update_edge(nodes[n_comp + gi], nodes[comp_of(m)], false);
        }
    }
    for &(from, t) in &indirect {
        let to = match t {
            Target::Function(f) => comp_of(f),
            Target::Group(gi) => n_comp + gi,
        };
        let from = component[from.index()];
        if from != to {
            full.update_edge(nodes[from], nodes[to], true);
        }
    }
    // Indirect edges inside a cycle of the full graph are kept only going down.
    let full_sccs = tarjan_scc(&full);
    let mut full_scc = vec![0usize; full.node_count()];
    for (i, scc) in full_sccs.iter().enumerate() {
        for n in scc {
            full_scc[n.index()] = i;
        }
    }
    full.retain_edges(|g, e| {
        let (a, b) = g.edge_endpoints(e).expect("edge exists");
        !g[e] || full_scc[a.index()] != full_scc[b.index()] || position(g[b]) < position(g[a])
    });
    // Now acyclic: levels by longest path from the leaves, in a callees-first order.
    let order = tarjan_scc(&full);
    let mut level = vec![0usize; full.node_count()];
    let mut levels: Vec<Vec<Target>> = Vec::new();
    for scc in &order {
        // Singletons; were one not, its nodes would share a level and see no summaries
        // of each other, as in any SCC.
        let l = scc
            .iter()
            .flat_map(|&n| full.neighbors(n))
            .filter(|c| !scc.contains(c))
            .map(|c| level[c.index()] + 1)
            .max()
            .unwrap_or(0);
        if levels.len() <= l {
            levels.resize(l + 1, Vec::new());
        }
        for &n in scc {
            level[n.index()] = l;
            let node = full[n];
            if node < n_comp {
                levels[l].extend(sccs[node].iter().map(|&f| Target::Function(direct[f])));
            } else {
                levels[l].push(Target::Group(node - n_comp));
            }
        }
    }
    for l in &mut levels {
        l.sort_unstable();
    }
    levels
}
