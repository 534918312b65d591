//! One dataflow run per function, observing what every check needs: order edges, second
//! acquisitions of held locks, the locks held at each return, and releases of locks that
//! are not held. Locks the function releases before it ever takes them are held on entry
//! (`__releases`-style callees, drop-and-retake helpers) and seed the run.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use lockorder_ir::{
    AtomId, Event, Function, LockId, LockKind, Mode, ReturnValue, Span, Terminator, NO_ARG,
};

use crate::classes::{ClassId, ClassTable};
use crate::dataflow::{
    self, AtomicReason, CallEffects, DataflowStats, GuardedEntry, Held, Observer, State,
};
use crate::guards::{self, ConstantTests, GuardKey};
use crate::order_graph::LocalEdge;
use crate::program::Program;
use crate::summary::{
    canonical_path, param_path, Chain, ChainStep, FuncRef, FunctionSummary, LockHandle, Sleep,
    SummaryLock, MAX_CALL_DEPTH, POINTEE,
};

/// How many calls below a function a sleep is still reported there: deeper sleeps on the
/// kernel are mostly conditional on arguments the path does not pass (`if (wait)`,
/// `gfpflags_allow_blocking(gfp)`).
const MAX_SLEEP_DEPTH: u8 = 2;

/// A lock acquired while an instance of its class is held.
#[derive(Clone, Debug)]
pub struct DoubleLock {
    pub class: ClassId,
    pub kind: LockKind,
    pub first: Span,
    pub second: Span,
    pub first_on_entry: bool,
    /// When the second acquisition is below the call at `second`: the path down to it.
    pub chain: Option<Chain>,
}

/// A lock acquired in the function and still held at a return.
#[derive(Clone, Debug)]
pub struct HeldAtReturn {
    pub class: ClassId,
    pub lock: LockId,
    pub kind: LockKind,
    pub mode: Mode,
    pub site: Span,
    pub irq: lockorder_ir::Irq,
    /// How a caller would know the lock: it is returned (`return ptl;`), or the
    /// caller's argument (`spin_lock(lock)` on a parameter), or its class.
    pub handle: LockHandle,
    /// Stored where the caller reaches it before this return (see `Held::handed`).
    pub handed: Option<u8>,
}

#[derive(Clone, Debug)]
pub struct ReturnObservation {
    pub span: Span,
    pub value: ReturnValue,
    pub held: Vec<HeldAtReturn>,
    /// Locks released on some path to this return (and not held at it), with a site.
    pub released: Vec<(ClassId, Span)>,
    /// Locks held on entry that are still held here.
    pub entry_held_at: Vec<ClassId>,
    /// Conditional acquisitions still undecided whose outcome is the returned value
    /// (`return __foo_trylock(x);`), with their success polarity.
    pub pending: Vec<(HeldAtReturn, lockorder_ir::Success)>,
    /// Parameters every path to this return wrote a constant through, by index, with the
    /// constant's truth (`*mmap_locked = false`): out-parameters a caller can test.
    pub written_params: Vec<(u8, bool)>,
    /// Of the locks held on entry where a parameter says so
    /// ([`FunctionResult::guarded_entry`]), by index, those this path started holding (bit
    /// set). One started without tells nothing of what the function does with it for a
    /// caller holding it.
    pub start: u8,
    /// Classes of the function's locks reached through a pointer this path knows is NULL
    /// (`if (!inode) return true;` for `inode->i_lock`): the path has no such lock to
    /// hold, so its return says nothing of whether the function keeps it.
    pub null_roots: Vec<ClassId>,
}

impl ReturnObservation {
    /// Whether the path to this return started holding guarded entry lock `i`.
    pub fn started_with(&self, i: usize) -> bool {
        self.start & (1 << i) != 0
    }

    /// The polarity of the conditional acquisition of `class` this return hands on in its
    /// value, if any (see [`Self::pending`]).
    pub fn forwarded(&self, class: ClassId) -> Option<lockorder_ir::Success> {
        self.pending
            .iter()
            .find(|p| p.0.class == class)
            .map(|p| p.1)
    }

    /// Whether this return tells whether the function keeps `class` held: it is not
    /// handed on in the value and its pointer is not NULL here.
    pub fn decides(&self, class: ClassId) -> bool {
        self.forwarded(class).is_none() && !self.null_roots.contains(&class)
    }
}

/// A release of a lock that is not held.
#[derive(Clone, Debug)]
pub struct UnheldRelease {
    pub class: ClassId,
    pub kind: LockKind,
    pub span: Span,
    /// Where this path released it before, if it did.
    pub previous_release: Option<Span>,
}

#[derive(Default)]
pub struct FunctionResult {
    pub edges: Vec<LocalEdge>,
    /// Locks a callee returned held that this function releases, by the call's span: the
    /// callee returning them held is its contract with this caller (`reserve_space()`
    /// returns 0 with the journal head locked; `release_head()` unlocks it).
    pub released_from_calls: Vec<(Span, ClassId)>,
    /// Callers' locks a callee drops where it writes the flag this function passes on
    /// from its own parameter (a wrapper around `__get_user_pages_locked`), as
    /// [`FunctionSummary::releases_with_flag`] has them for this function.
    pub forwarded_flag_releases: Vec<(ClassId, u8, bool)>,
    pub double_locks: Vec<DoubleLock>,
    pub returns: Vec<ReturnObservation>,
    pub unheld_releases: Vec<UnheldRelease>,
    /// Classes held on entry.
    pub entry_held: Vec<ClassId>,
    /// Classes held on entry only where a parameter says so (see [`GuardedEntry`]), with
    /// the test as a guard's index ([`POINTEE`] set for `*locked`) and its truth where
    /// held.
    pub guarded_entry: Vec<(ClassId, u8, bool)>,
    /// Of those, the ones that are a parameter (`spinlock_t *ptl`), with its index.
    pub entry_params: Vec<(ClassId, u8)>,
    /// Locks waited for here or in summarised callees.
    pub waits_for: Vec<SummaryLock>,
    /// Locks the code says must be held on entry (`__must_hold`, `lockdep_assert_held`
    /// before any acquisition), here or in callees this function does not lock for.
    pub requires: Vec<SummaryLock>,
    /// Calls reaching a function that requires a lock this function does not hold there.
    pub not_held: Vec<NotHeld>,
    /// A path on which the function may sleep (in a context that allows it).
    pub may_sleep: Option<Sleep>,
    /// Sleeps where the code is atomic.
    pub sleeps_in_atomic: Vec<SleepInAtomic>,
    /// Every direct acquisition with the interrupt state it happened in (LO006).
    pub usages: Vec<Usage>,
    /// Waits for registered work while holding locks (LO009).
    pub waits: Vec<WaitUnderLock>,
    /// `__acquires(x)` / `__cond_acquires(x)`: locks the annotations say the function
    /// returns holding (always / on success), whatever its body shows.
    pub annotated_returns: Vec<(SummaryLock, bool)>,
    /// `.await`s reached with locks held (LO007).
    pub awaits_held: Vec<AwaitHeld>,
    /// The calls made only ever with hard interrupts off, or with soft ones off: `(call,
    /// hard, soft)`; a call not listed is made with both on (a helper only ever called
    /// with interrupts off takes its locks with them off).
    pub call_irqs: Vec<(lockorder_ir::Call, bool, bool)>,
    pub stats: DataflowStats,
}

/// What the order graph and the program-wide checks read of a function's result, kept
/// once the per-function checks have run on the rest.
#[derive(Default)]
pub struct ProgramWide {
    pub edges: Vec<LocalEdge>,
    pub waits_for: Vec<SummaryLock>,
    pub usages: Vec<Usage>,
    pub waits: Vec<WaitUnderLock>,
    pub awaits_held: Vec<AwaitHeld>,
    pub call_irqs: Vec<(lockorder_ir::Call, bool, bool)>,
    pub stats: DataflowStats,
}

impl ProgramWide {
    /// The observations of a function with nothing for the program-wide checks.
    pub fn empty() -> &'static ProgramWide {
        static EMPTY: std::sync::OnceLock<ProgramWide> = std::sync::OnceLock::new();
        EMPTY.get_or_init(ProgramWide::default)
    }
}

impl FunctionResult {
    /// Whether the function is entered holding locks of `class`, always or where a
    /// parameter says so: a caller's lock, not one it takes.
    pub fn entered_holding(&self, class: ClassId) -> bool {
        self.entry_held.contains(&class) || self.guarded_entry.iter().any(|g| g.0 == class)
    }

    /// The part the program-wide checks read: `None` when that is nothing (most
    /// functions of a kernel). The locks it waits for only where something waits for the
    /// function to finish (`wait_under_lock` reads them of registered work, timers,
    /// handlers and threads): kept for all, they were an eighth of a kernel run's peak.
    pub fn into_program_wide(self, waited_for: bool) -> Option<Box<ProgramWide>> {
        let kept = ProgramWide {
            edges: self.edges,
            waits_for: if waited_for {
                self.waits_for
            } else {
                Vec::new()
            },
            usages: self.usages,
            waits: self.waits,
            awaits_held: self.awaits_held,
            call_irqs: self.call_irqs,
            stats: self.stats,
        };
        let nothing = kept.edges.is_empty()
            && kept.waits_for.is_empty()
            && kept.usages.is_empty()
            && kept.waits.is_empty()
            && kept.awaits_held.is_empty()
            && kept.call_irqs.is_empty()
            && kept.stats == DataflowStats::default();
        (!nothing).then(|| Box::new(kept))
    }
}

/// An `.await` reached with locks held: `(class, lock, acquisition site)` of each.
#[derive(Clone, Debug)]
pub struct AwaitHeld {
    pub span: Span,
    pub call: Option<lockorder_ir::Call>,
    pub held: Vec<(ClassId, LockId, Span)>,
}

/// Why a function runs atomic as a whole: a registration made it an IRQ handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryContext {
    pub context: lockorder_ir::ExecContext,
    /// The registering call (or, for an atomic ops slot, the function's name).
    pub span: Span,
    /// The registering call's name in its file's names (`request_irq`); `None` for an
    /// ops slot.
    pub via_name: Option<u32>,
}

/// A lock an ops callback's framework holds when it calls it (the rules' `held_slot`).
pub type EntryLock = (ClassId, LockKind, Mode);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SleepReason {
    Atomic(AtomicReason),
    Entry(EntryContext),
}

/// A call that may sleep (or below which something sleeps) where the code is atomic.
#[derive(Clone, Debug)]
pub struct SleepInAtomic {
    pub span: Span,
    pub what: std::sync::Arc<str>,
    pub reason: SleepReason,
    /// When the sleep is below the call at `span`: the path down to it.
    pub chain: Option<Chain>,
}

/// One acquisition and whether interrupts were off for it.
#[derive(Clone, Copy, Debug)]
pub struct Usage {
    /// False for a trylock, which never spins on its holder.
    pub waits: bool,
    pub class: ClassId,
    pub kind: LockKind,
    pub mode: Mode,
    pub span: Span,
    pub hardirqs_off: bool,
    pub softirqs_off: bool,
    /// The acquisition itself switches interrupts off (`spin_lock_irqsave`).
    pub irq: lockorder_ir::Irq,
}

/// A wait for registered work (`cancel_work_sync(&dev->work)`) with locks held.
#[derive(Clone, Debug)]
pub struct WaitUnderLock {
    pub object: ClassId,
    pub kind: lockorder_ir::WaitKind,
    pub span: Span,
    pub held: Vec<(ClassId, Span)>,
}

/// A call to a function requiring a lock, on a path where the caller does not hold it
/// although it takes or drops that lock itself elsewhere.
#[derive(Clone, Debug)]
pub struct NotHeld {
    pub class: ClassId,
    pub call: Span,
    /// Where this path last released the lock, if it did.
    pub released: Option<Span>,
    /// From the callee down to the requirement (annotation or assertion).
    pub chain: Chain,
}

/// Why a function is taken to be entered holding a lock.
#[derive(Clone, Debug, PartialEq, Eq)]
enum EntryReason {
    /// `__must_hold`, `__releases`: at the definition.
    Annotation,
    /// `lockdep_assert_held` before any acquisition, at this span, reached only where
    /// the parameters test as the guard says (`if (intr_ctx) lockdep_assert_held(...)`).
    Assertion(Span, Vec<(GuardKey, bool)>),
    /// The first event on it is a release.
    ReleasedFirst,
    /// An ops callback its framework calls holding the lock (the rules' `held_slot`).
    Contract,
}

struct Collector<'a> {
    function: &'a Function,
    /// Locks held on entry where a parameter says so.
    guarded: &'a [GuardedEntry],
    /// Variables whose address the next call is passed, with their truth just before.
    passed_values: Vec<(lockorder_ir::VarId, Option<bool>)>,
    /// The lock this function names by an argument's text.
    arg_lock: &'a dyn Fn(u32) -> Option<LockId>,
    /// Locks held on entry that are parameters (`spinlock_t *ptl`), with the index.
    entry_params: Vec<(ClassId, u8)>,
    me: FuncRef,
    classes: &'a ClassTable,
    entry_context: Option<EntryContext>,
    seen_sleep: HashSet<u32>,
    /// Per call: whether every visit had hard interrupts off, and soft ones (or both).
    call_irqs: HashMap<lockorder_ir::Call, (bool, bool)>,
    seen_usages: HashSet<(u32, ClassId, bool, bool)>,
    /// Classes held on entry.
    entry_held: Vec<ClassId>,
    /// Of those, the ones no annotation or assertion backs (released before taken).
    guessed_entry: Vec<ClassId>,
    class_of: &'a dyn Fn(LockId) -> ClassId,
    /// The function's file's lock expressions and interned names, and its parameters.
    locks: &'a [lockorder_ir::LockExpr],
    names: &'a [String],
    params: &'a [String],
    /// Atoms that test a parameter the function never assigns, as guard keys.
    param_atoms: HashMap<AtomId, GuardKey>,
    /// The program's tests of parameters against named constants.
    constant_tests: &'a ConstantTests,
    /// The parameters the function never assigns: what it passes of them is its caller's.
    fixed_params: Vec<u8>,
    single_instance: &'a dyn Fn(ClassId) -> bool,
    /// Classes the function takes or drops itself (directly or through a summarised
    /// callee): a requirement on them is its own business, not its callers'.
    manages: HashSet<ClassId>,
    /// The paths (`dev.lock`) of the locks it takes or drops by name.
    managed_paths: HashSet<String>,
    seen_not_held: HashSet<(u32, ClassId)>,
    result: FunctionResult,
    seen_edges: HashSet<(ClassId, ClassId)>,
    seen_double: HashSet<(u32, u32)>,
    seen_release: HashSet<u32>,
    returns: HashMap<ReturnKey, usize>,
}

/// What tells observations of one return apart: its span and value, the locks held at it,
/// what the path wrote through out-parameters and which guarded entry locks it started
/// with. One `return ret;` reached with the lock held (ret == 0) and without it (ret < 0)
/// is two observations.
type ReturnKey = (u32, u32, ReturnValue, Vec<ClassId>, Vec<(u8, bool)>, u8);

/// Queued rwlock readers nest in interrupt context; the function's context is not known
/// yet, so reader-on-reader of an `rwlock_t` is left alone.
fn may_nest(held: Mode, again: Mode, kind: LockKind) -> bool {
    held == Mode::Shared && again == Mode::Shared && kind == LockKind::Rwlock
}

impl Collector<'_> {
    #[allow(clippy::too_many_arguments)]
    fn add_wait(
        &mut self,
        class: ClassId,
        kind: LockKind,
        mode: Mode,
        depth: u8,
        via_param: Option<(u8, Box<str>)>,
        span: Span,
        below: Option<&Chain>,
        dropped: Vec<ClassId>,
        guard: Vec<(GuardKey, bool)>,
    ) {
        // Taken only where a warning fires: the handling of a bug orders nothing for callers.
        if self.function.on_warning_path(span) {
            return;
        }
        // Taken on several paths: only what every one of them tests still guards it. Paths
        // entered with and without a guarded lock stay apart: a caller's flag tells which
        // one it takes (and which drops its lock first). So do paths that dropped
        // different caller's locks first (GUP's retake after a fault dropped `mmap_lock`).
        let entry_keys: Vec<GuardKey> = self
            .guarded
            .iter()
            .map(|g| guards::key(g.param, None))
            .collect();
        let entered = |g: &[(GuardKey, bool)]| -> Vec<(GuardKey, bool)> {
            g.iter()
                .copied()
                .filter(|x| entry_keys.contains(&x.0))
                .collect()
        };
        let mine = entered(&guard);
        if let Some(l) = self
            .result
            .waits_for
            .iter_mut()
            .find(|l| l.class == class && entered(&l.guard) == mine && l.dropped == dropped)
        {
            l.guard.retain(|g| guard.contains(g));
            return;
        }
        if depth <= MAX_CALL_DEPTH {
            let step = ChainStep {
                function: self.me,
                span,
            };
            let chain: Chain = match below {
                Some(b) => std::iter::once(step).chain(b.iter().copied()).collect(),
                None => Chain::from([step]),
            };
            self.result.waits_for.push(SummaryLock {
                irq: lockorder_ir::Irq::None,
                class,
                kind,
                mode,
                depth,
                via_param,
                chain,
                dropped,
                guard,
                handle: LockHandle::Class,
            });
        }
    }

    /// What this path has tested of the parameters the function never assigns, and
    /// what it started from of those that guard an entry lock.
    fn path_guard(&self, state: &State) -> Vec<(GuardKey, bool)> {
        let mut guard: Vec<(GuardKey, bool)> = state
            .facts
            .iter()
            .filter_map(|&(atom, truth)| Some((*self.param_atoms.get(&atom)?, truth)))
            .chain(
                self.guarded
                    .iter()
                    .enumerate()
                    .map(|(i, g)| (guards::key(g.param, None), g.truth == state.started_with(i))),
            )
            .collect();
        guard.sort_unstable();
        guard.dedup();
        guard
    }

    /// Whether the constants this call passes satisfy every test of `guard`. A test
    /// against a named constant the argument does not decide (another enumerator) counts
    /// as met: only a flag's own value is the caller's to choose.
    fn guard_met(&self, state: &State, guard: &[(GuardKey, bool)], args: &[u32]) -> bool {
        guard.iter().all(|&(p, truth)| {
            let passed = self.arg_truth(state, args, p);
            passed == Some(truth) || (passed.is_none() && guards::test(p).is_some())
        })
    }

    /// Whether a call passes a constant that fails one of the callee's guards, or one of
    /// this function's parameters this path tested the other way (a test that only rules
    /// out: `if (!bufs)` before passing `bufs` on says nothing of a lock).
    fn ruled_out(&self, state: &State, guard: &[(GuardKey, bool)], args: &[u32]) -> bool {
        guard.iter().any(|&(p, truth)| {
            self.arg_truth(state, args, p)
                .or_else(|| self.tested_param_truth(state, args, p))
                .is_some_and(|t| t != truth)
        })
    }

    /// The truth of a parameter of this function the call passes on for `p`, as this
    /// path has tested it.
    fn tested_param_truth(&self, state: &State, args: &[u32], p: GuardKey) -> Option<bool> {
        if guards::test(p).is_some() {
            return None;
        }
        let q = self.passed_param(args, guards::param(p))?;
        let var = self.function.var_params.iter().find(|x| x.1 == q)?.0;
        let atom = self.function.atom_testing(var)?;
        self.param_atoms.contains_key(&atom).then_some(())?;
        state.facts.iter().find(|x| x.0 == atom).map(|x| x.1)
    }

    /// The truth of a constant the call passes for parameter `p` (`true`, `0`, `NULL`), or
    /// of the callee's test of it against a named constant; for a guard on what the
    /// parameter points to, of the variable whose address it passes (`&locked` after
    /// `locked = 1`) as this path knows it.
    fn arg_truth(&self, state: &State, args: &[u32], key: GuardKey) -> Option<bool> {
        let p = guards::param(key);
        if let Some(test) = guards::test(key) {
            return self.constant_tests.truth(test, self.arg_text(args, p)?);
        }
        if p & POINTEE != 0 {
            let var = self
                .function
                .address_var(*args.get((p & !POINTEE) as usize)?)?;
            return state
                .truth_of(var, self.function.atom_testing(var))
                .or_else(|| self.passed_values.iter().find(|x| x.0 == var)?.1);
        }
        let text = self.arg_text(args, p)?;
        // An address (`&locked`) is never NULL.
        if text.starts_with('&') {
            return Some(true);
        }
        self.constant_tests
            .constant_truth(text)
            .or_else(|| self.reaches_held(state, text).then_some(true))
    }

    /// Whether a lock this path holds is reached through the pointer `text` (`tz` with
    /// `tz->lock` held): it is not NULL.
    fn reaches_held(&self, state: &State, text: &str) -> bool {
        state.held.iter().any(|h| {
            self.locks.get(h.lock as usize).is_some_and(|l| {
                l.text
                    .trim_start_matches('&')
                    .strip_prefix(text)
                    .is_some_and(|rest| rest.starts_with("->"))
            })
        })
    }

    /// The guard of something a callee does under `callee_guard`, as seen here: this
    /// path's tests, and the callee's tests of parameters this function passes straight
    /// on from its own (`f(x, locked)` with `locked` never written here).
    fn caller_guard(
        &self,
        state: &State,
        callee_guard: &[(GuardKey, bool)],
        args: &[u32],
    ) -> Vec<(GuardKey, bool)> {
        let mut guard = self.path_guard(state);
        for &(k, truth) in callee_guard {
            let p = guards::param(k);
            let mine = self.passed_param(args, p & !POINTEE).and_then(|q| {
                if p & POINTEE == 0 {
                    return Some(guards::with_param(k, q));
                }
                // A pointer passed on (`locked`): what it points to is still the caller's
                // where this path has not written it.
                (!self.pointee_written(state, q)).then_some(guards::with_param(k, q | POINTEE))
            });
            if let Some(q) = mine {
                if !guard.iter().any(|g| g.0 == q) {
                    guard.push((q, truth));
                }
            }
        }
        guard.sort_unstable();
        guard
    }

    /// This function's parameter, never assigned here, that a call passes straight on as
    /// the callee's parameter `p`.
    fn passed_param(&self, args: &[u32], p: u8) -> Option<u8> {
        let text = self.arg_text(args, p)?;
        let q = self.params.iter().position(|q| q == text)?;
        let q = u8::try_from(q).ok().filter(|&q| q < POINTEE)?;
        self.fixed_params.contains(&q).then_some(q)
    }

    /// Whether this path wrote what parameter `q` points to (`*locked = 1`).
    fn pointee_written(&self, state: &State, q: u8) -> bool {
        self.function
            .pointees()
            .any(|(v, i)| i == q && state.values.iter().any(|x| x.0 == v))
    }

    /// The guarded entry locks this path started with (`started`) or without.
    fn guarded_started<'s>(
        &'s self,
        state: &'s State,
        started: bool,
    ) -> impl Iterator<Item = ClassId> + 's {
        self.guarded
            .iter()
            .enumerate()
            .filter(move |(i, _)| state.started_with(*i) == started)
            .map(|(_, g)| g.held.class)
    }

    /// The locks this path was entered holding: the function's, and its guarded ones
    /// where the path started with them.
    fn entered_with<'s>(&'s self, state: &'s State) -> impl Iterator<Item = ClassId> + 's {
        self.entry_held
            .iter()
            .copied()
            .chain(self.guarded_started(state, true))
    }

    /// The caller's locks this path no longer holds when it sleeps (`below`: in a callee
    /// whose sleep this is): its entry locks it dropped, and those the callee drops that
    /// this function neither holds nor takes (a halt helper between the holder and a
    /// reset that unlocks around its sleep).
    fn released_before_sleep(&self, state: &State, below: Option<&Sleep>) -> Vec<ClassId> {
        let below = below.map_or(&[][..], |b| &b.releases[..]);
        let not_held = |c: &ClassId| !state.held.iter().any(|h| h.class == *c);
        let mut releases: Vec<ClassId> = self
            .entered_with(state)
            .filter(|c| not_held(c) || below.contains(c))
            .collect();
        for &c in below {
            if !releases.contains(&c) && not_held(&c) {
                releases.push(c);
            }
        }
        releases
    }

    /// Locks held on entry (this path's guarded ones included) that it has released.
    fn dropped_here(&self, state: &State) -> Vec<ClassId> {
        self.entered_with(state)
            .filter(|c| !state.held.iter().any(|h| h.class == *c))
            .collect()
    }

    /// A sleep at `span` (below it, when `below` is the callee's): reported where the code
    /// is atomic, else remembered as the function's own may-sleep path.
    fn sleep_at(
        &mut self,
        state: &State,
        what: std::sync::Arc<str>,
        span: Span,
        below: Option<&Sleep>,
        guard: Vec<(GuardKey, bool)>,
    ) {
        let reason = match self.entry_context {
            Some(e) if e.context != lockorder_ir::ExecContext::Process => {
                Some(SleepReason::Entry(e))
            }
            _ => {
                // Locks only guessed held on entry (released before taken) are no reason:
                // the guess is wrong where a helper took them in a way no summary shows.
                let mut ignored = self.guessed_entry.clone();
                ignored.extend(below.map_or(&[][..], |b| &b.releases));
                state
                    .atomic_reason(&ignored, below.map_or(0, |b| b.releases_ctx))
                    .map(SleepReason::Atomic)
            }
        };
        match reason {
            Some(reason) if self.seen_sleep.insert(span.start) => {
                self.result.sleeps_in_atomic.push(SleepInAtomic {
                    span,
                    what,
                    reason,
                    chain: below.map(|b| b.chain.clone()),
                });
            }
            Some(_) => {}
            // The handling of a bug the kernel warns about: not a sleep callers see.
            None if self.function.on_warning_path(span) => {}
            // Another sleeping path: only the tests both pass still guard the sleep. A
            // path entered without a guarded lock does not sleep under it.
            None if self.result.may_sleep.is_some() => {
                // A guarded lock stays released only if this path, entered with it, dropped
                // it too (a path entered without it does not sleep under it).
                let entered: Vec<ClassId> = self.guarded_started(state, true).collect();
                let mine = self.released_before_sleep(state, below);
                if let Some(s) = &mut self.result.may_sleep {
                    s.guard.retain(|g| guard.contains(g));
                    s.releases
                        .retain(|c| !entered.contains(c) || mine.contains(c));
                    let releases = &s.releases;
                    s.guarded_releases.retain(|g| releases.contains(&g.0));
                }
            }
            None => {
                let step = ChainStep {
                    function: self.me,
                    span,
                };
                let (chain, depth): (Chain, u8) = match below {
                    Some(b) => (
                        std::iter::once(step)
                            .chain(b.chain.iter().copied())
                            .collect(),
                        b.depth + 1,
                    ),
                    None => (Chain::from([step]), 1),
                };
                let mut releases = self.released_before_sleep(state, below);
                // Guarded locks this path was entered without: a caller holding one passes
                // the test's other value, and its paths say whether they drop it.
                for c in self.guarded_started(state, false) {
                    if !releases.contains(&c) {
                        releases.push(c);
                    }
                }
                let releases_ctx = state.ctx.dropped | below.map_or(0, |b| b.releases_ctx);
                // Those that are parameters, for callers that know them by their argument.
                let release_params = releases
                    .iter()
                    .filter_map(|c| self.entry_params.iter().find(|p| p.0 == *c))
                    .map(|p| p.1)
                    .collect();
                let mut guarded_releases: Vec<(ClassId, u8, bool)> = self
                    .guarded
                    .iter()
                    .filter(|g| releases.contains(&g.held.class))
                    .map(|g| (g.held.class, g.param, g.truth))
                    .collect();
                guarded_releases.sort_unstable();
                self.result.may_sleep = Some(Sleep {
                    what,
                    depth,
                    chain,
                    releases,
                    release_params,
                    releases_ctx,
                    guard,
                    guarded_releases,
                });
            }
        }
    }

    /// Notes a release of `h` if a call here returned it held (its site is the call's).
    fn released_from_call(&mut self, h: &dataflow::Held) {
        let entry = (h.site, h.class);
        if h.lock == dataflow::VIA_CALL
            && !h.on_entry
            && !self.result.released_from_calls.contains(&entry)
        {
            self.result.released_from_calls.push(entry);
        }
    }

    /// The lock the release at `span` names, if a release in this function is there.
    fn released_at(&self, span: Span) -> Option<LockId> {
        self.function
            .blocks
            .iter()
            .flat_map(|b| &b.events)
            .find_map(|e| match e {
                Event::Release { lock, span: s, .. } if *s == span => Some(*lock),
                _ => None,
            })
    }

    /// Whether two expressions of one class may name different instances: they are
    /// written differently, and the class is not a single global object.
    fn other_instance(&self, a: LockId, b: LockId) -> bool {
        let (Some(x), Some(y)) = (self.locks.get(a as usize), self.locks.get(b as usize)) else {
            return false;
        };
        // `work[i].mutex` released again, in a loop over the array: another element.
        (x.text != y.text || indexed_by_variable(&x.text))
            && !(self.single_instance)((self.class_of)(a))
    }

    /// The parameter that is the lock itself (`spinlock_t *lock`), when `lock` names one.
    fn lock_param(&self, lock: LockId) -> Option<u8> {
        let e = self.locks.get(lock as usize)?;
        match param_path(self.params, &e.text)? {
            (i, rest) if rest.is_empty() && !e.text.starts_with('&') => Some(i),
            _ => None,
        }
    }

    /// A callee's parameter-rooted lock (`(0, ".lock")`) as a path in this function, when
    /// that parameter's argument is a plain path (`dev` gives `dev.lock`).
    fn mapped_path(&self, via: &Option<(u8, Box<str>)>, args: &[u32]) -> Option<String> {
        let (i, rest) = via.as_ref()?;
        Some(format!(
            "{}{rest}",
            canonical_path(self.arg_text(args, *i)?)
        ))
    }

    /// The text of argument `i` of a call, if it is a plain path.
    fn arg_text(&self, args: &[u32], i: u8) -> Option<&str> {
        let id = *args.get(i as usize)?;
        (id != NO_ARG).then(|| self.names[id as usize].as_str())
    }
}

impl Observer for Collector<'_> {
    fn event(&mut self, state: &State, event: &Event) {
        match event {
            // `helper(mm, &locked)` forgets `locked` just before the call (the callee
            // may write it); what it was before is what the callee finds.
            Event::Assign { var, value: None } if self.function.address_passed(*var) => {
                let before = state.truth_of(*var, self.function.atom_testing(*var));
                self.passed_values.retain(|x| x.0 != *var);
                self.passed_values.push((*var, before));
            }
            Event::Call { call, .. } => {
                let (hard, soft) = (state.hardirqs_off(), state.softirqs_off());
                let all = self.call_irqs.entry(*call).or_insert((true, true));
                all.0 &= hard;
                all.1 &= soft || hard;
            }
            Event::Await { span, call } => {
                let held: Vec<(ClassId, LockId, Span)> = state
                    .held
                    .iter()
                    .filter(|h| !h.on_entry && h.lock != dataflow::VIA_CALL)
                    .map(|h| (h.class, h.lock, h.site))
                    .collect();
                if !held.is_empty() {
                    match self.result.awaits_held.iter_mut().find(|a| a.span == *span) {
                        Some(a) => {
                            for h in held {
                                if !a.held.iter().any(|x| x.0 == h.0) {
                                    a.held.push(h);
                                }
                            }
                        }
                        None => self.result.awaits_held.push(AwaitHeld {
                            span: *span,
                            call: *call,
                            held,
                        }),
                    }
                }
            }
            // A user access where page faults are disabled fails instead of sleeping.
            Event::Sleep { fault: true, .. } if state.ctx.pagefault > 0 => {}
            Event::Sleep { name, span, .. } => {
                let what: std::sync::Arc<str> = format!("`{}`", self.names[*name as usize]).into();
                self.sleep_at(state, what, *span, None, self.path_guard(state));
            }
            Event::WaitFor { object, kind, span } => {
                // Locks only guessed held on entry are no evidence of holding.
                let held: Vec<(ClassId, Span)> = state
                    .held
                    .iter()
                    .filter(|h| !(h.on_entry && self.guessed_entry.contains(&h.class)))
                    .map(|h| (h.class, h.site))
                    .collect();
                let object = (self.class_of)(*object);
                let known = self
                    .result
                    .waits
                    .iter()
                    .any(|w| w.span == *span && w.object == object);
                if !held.is_empty() && !known {
                    self.result.waits.push(WaitUnderLock {
                        object,
                        kind: *kind,
                        span: *span,
                        held,
                    });
                }
            }
            // Nor does it fault, which would take the mmap_lock (`__might_fault`).
            Event::Acquire { acq, .. } if acq.fault && state.ctx.pagefault > 0 => {}
            Event::Acquire { acq, span } | Event::CondAcquire { acq, span, .. } => {
                let class = (self.class_of)(acq.lock);
                // Once per acquisition and interrupt state, however many paths reach it.
                let hardirqs_off = acq.irq == lockorder_ir::Irq::Hard || state.hardirqs_off();
                let softirqs_off = acq.irq != lockorder_ir::Irq::None || state.softirqs_off();
                if self
                    .seen_usages
                    .insert((span.start, class, hardirqs_off, softirqs_off))
                {
                    self.result.usages.push(Usage {
                        waits: acq.waits,
                        class,
                        kind: acq.kind,
                        mode: acq.mode,
                        span: *span,
                        hardirqs_off,
                        softirqs_off,
                        irq: acq.irq,
                    });
                }
                let sleeping = matches!(
                    acq.kind,
                    LockKind::Mutex | LockKind::Semaphore | LockKind::Rwsem
                );
                if sleeping && acq.waits && matches!(event, Event::Acquire { .. }) {
                    let what: std::sync::Arc<str> =
                        format!("sleeping lock `{}`", self.classes.name(class)).into();
                    self.sleep_at(state, what, *span, None, self.path_guard(state));
                }
                // Waiting for a lock while holding another orders the two; a trylock never
                // waits.
                if acq.waits {
                    let guessed = &self.guessed_entry;
                    for h in state.held.iter().filter(|h| !guessed_entry(guessed, h)) {
                        if h.class != class && self.seen_edges.insert((h.class, class)) {
                            self.result.edges.push(LocalEdge {
                                from: h.class,
                                to: class,
                                from_site: h.site,
                                to_site: *span,
                                chain: None,
                            });
                        }
                    }
                }
                if !acq.waits || acq.nested {
                    return;
                }
                let via = (acq.lock != dataflow::VIA_CALL)
                    .then(|| param_path(self.params, &self.locks[acq.lock as usize].text))
                    .flatten();
                let dropped = self.dropped_here(state);
                let guard = self.path_guard(state);
                self.add_wait(
                    class, acq.kind, acq.mode, 1, via, *span, None, dropped, guard,
                );
                let again = state.held.iter().find(|h| h.lock == acq.lock && !h.nested);
                if let Some(h) = again {
                    if !may_nest(h.mode, acq.mode, acq.kind)
                        && self.seen_double.insert((h.site.start, span.start))
                    {
                        self.result.double_locks.push(DoubleLock {
                            class,
                            kind: acq.kind,
                            first: h.site,
                            second: *span,
                            first_on_entry: h.on_entry,
                            chain: None,
                        });
                    }
                }
            }
            Event::Release {
                lock, kind, span, ..
            } => {
                let class = (self.class_of)(*lock);
                if let Some(p) = dataflow::released_index(state, *lock, class) {
                    self.released_from_call(&state.held[p]);
                    return;
                }
                if dataflow::result_pending_index(state, self.function, *lock, class).is_some() {
                    return;
                }
                let previous_release = state.released.iter().find(|r| r.0 == class).map(|r| r.1);
                // This path released another instance of the class first (`spin_unlock(&a->
                // lock); spin_unlock(&b->lock);` after a helper that took both): the class
                // alone does not tell which one is still held.
                let other_instance = previous_release
                    .and_then(|s| self.released_at(s))
                    .is_some_and(|before| self.other_instance(before, *lock));
                if !other_instance && self.seen_release.insert(span.start) {
                    self.result.unheld_releases.push(UnheldRelease {
                        class,
                        kind: *kind,
                        span: *span,
                        previous_release,
                    });
                }
            }
            _ => {}
        }
    }

    fn summary_call(&mut self, state: &State, summary: &FunctionSummary, span: Span, args: &[u32]) {
        // `__get_user_pages_locked(mm, ..., locked, ...)` in a wrapper passing its own
        // `locked` on: the callee's word on the caller's lock is the wrapper's.
        for &(class, p, truth) in &summary.releases_with_flag {
            let mine = self
                .passed_param(args, p)
                .filter(|&q| !self.pointee_written(state, q));
            if let Some(q) = mine {
                let forwarded = (class, q, truth);
                if !self.result.forwarded_flag_releases.contains(&forwarded) {
                    self.result.forwarded_flag_releases.push(forwarded);
                }
            }
        }
        // `i915_request_add(rq)` after `rq = i915_request_create(ce)`: a callee releasing
        // what another returned held.
        for &class in &summary.releases {
            if let Some(h) = state.held.iter().rev().find(|h| h.class == class) {
                self.released_from_call(h);
            }
        }
        if let Some(s) = summary
            .may_sleep
            .as_ref()
            .filter(|s| s.depth <= MAX_SLEEP_DEPTH && !self.ruled_out(state, &s.guard, args))
        {
            // `wait_on_freeing(obj, false)` holding the lock the callee drops only where
            // told to: it sleeps under it.
            let kept: Vec<ClassId> = s
                .guarded_releases
                .iter()
                .filter(|&&(_, p, truth)| {
                    self.arg_truth(state, args, guards::key(p, None)) == Some(!truth)
                })
                .map(|g| g.0)
                .collect();
            let narrowed;
            let s = if kept.is_empty() {
                s
            } else {
                let mut n = s.clone();
                n.releases.retain(|c| !kept.contains(c));
                n.guarded_releases.retain(|g| !kept.contains(&g.0));
                narrowed = n;
                &narrowed
            };
            let guard = self.caller_guard(state, &s.guard, args);
            if s.release_params.is_empty() {
                self.sleep_at(state, s.what.clone(), span, Some(s), guard);
            } else {
                // The callee drops the lock passed to it before it sleeps
                // (`migration_entry_wait_on_locked(entry, ptl)`): this function's lock.
                let mut s = s.clone();
                let passed: Vec<LockId> = s
                    .release_params
                    .iter()
                    .filter_map(|&i| (self.arg_lock)(*args.get(i as usize)?))
                    .collect();
                s.release_params = passed.iter().filter_map(|&l| self.lock_param(l)).collect();
                s.releases
                    .extend(passed.iter().map(|&l| (self.class_of)(l)));
                self.sleep_at(state, s.what.clone(), span, Some(&s), guard);
            }
        }
        for r in &summary.requires {
            // Required only where the callee's parameter tests so (`if (intr_ctx)
            // lockdep_assert_held(...)`), and this call passes the other value.
            if self.ruled_out(state, &r.guard, args) {
                continue;
            }
            // Held, or taken by a conditional call whose outcome this path has not tested
            // in a way the analysis follows: reaching the requirement means it succeeded.
            if state.held.iter().any(|h| h.class == r.class)
                || state.pending.iter().any(|p| p.1.class == r.class)
            {
                continue;
            }
            // The callee's lock as a path here, when its parameter maps onto an argument.
            let here = self.mapped_path(&r.via_param, args);
            // Held under another class name (an untyped local such as `MA_STATE(mas, ...)`'s
            // `mas`): the same path is the same lock.
            let same_path_held = here.as_ref().is_some_and(|h| {
                state
                    .held
                    .iter()
                    .chain(state.pending.iter().map(|p| &p.1))
                    .any(|x| {
                        x.lock != dataflow::VIA_CALL
                            && canonical_path(&self.locks[x.lock as usize].text) == *h
                    })
            });
            if same_path_held {
                continue;
            }
            // Whether this function takes or drops that very lock: for a field class, the
            // same path (another instance is somebody else's business).
            let manages = if (self.single_instance)(r.class) {
                self.manages.contains(&r.class)
            } else {
                here.as_ref()
                    .is_some_and(|h| self.managed_paths.contains(h))
            };
            if manages {
                if self.seen_not_held.insert((span.start, r.class)) {
                    let released = state.released.iter().find(|x| x.0 == r.class).map(|x| x.1);
                    self.result.not_held.push(NotHeld {
                        class: r.class,
                        call: span,
                        released,
                        chain: r.chain.clone(),
                    });
                }
                continue;
            }
            // Not this function's lock: its callers must hold it — when they can name it.
            let via = here.as_deref().and_then(|p| param_path(self.params, p));
            let nameable = via.is_some() || (self.single_instance)(r.class);
            let guard = self.caller_guard(state, &r.guard, args);
            // Required on several paths: only what every one of them tests still guards it.
            if let Some(x) = self.result.requires.iter_mut().find(|x| x.class == r.class) {
                x.guard.retain(|g| guard.contains(g));
                continue;
            }
            if nameable && r.depth < MAX_CALL_DEPTH {
                let step = ChainStep {
                    function: self.me,
                    span,
                };
                self.result.requires.push(SummaryLock {
                    irq: lockorder_ir::Irq::None,
                    via_param: via,
                    depth: r.depth + 1,
                    guard,
                    chain: std::iter::once(step)
                        .chain(r.chain.iter().copied())
                        .collect(),
                    ..r.clone()
                });
            }
        }
        // What the callee waits for, it waits for under the caller's locks — except those
        // it releases first.
        for l in summary.waits_for.iter().chain(&summary.acquires) {
            // `f(x, true)` where f takes the lock only `if (!locked)`: not on this call.
            if self.ruled_out(state, &l.guard, args) {
                continue;
            }
            // The callee's lock, as a path in this function when its parameter maps onto
            // a plain-path argument.
            let here = self.mapped_path(&l.via_param, args);
            let via = here.as_deref().and_then(|p| param_path(self.params, p));
            let mut dropped = self.dropped_here(state);
            // The callee's drops of this function's entry locks, and of locks this
            // function does not hold at all (its caller's, two calls up).
            let passed_on: Vec<ClassId> = l
                .dropped
                .iter()
                .copied()
                .filter(|c| {
                    (self.entered_with(state).any(|e| e == *c)
                        || !state.held.iter().any(|h| h.class == *c))
                        && !dropped.contains(c)
                })
                .collect();
            dropped.extend(passed_on);
            let guard = self.caller_guard(state, &l.guard, args);
            // Taken only where the callee's parameter tests so (`if (!locked)`): a second
            // acquisition for certain only where this call passes a constant that does.
            let guard_met = self.guard_met(state, &l.guard, args);
            self.add_wait(
                l.class,
                l.kind,
                l.mode,
                l.depth + 1,
                via,
                span,
                Some(&l.chain),
                dropped,
                guard,
            );
            // A sleeping lock below a call under a spinning one would be a sleep in atomic
            // context: such paths are almost always ones that cannot happen, and a real
            // one is a sleep-in-atomic bug, not an order.
            let spinning = |k: LockKind| matches!(k, LockKind::Spinlock | LockKind::Rwlock);
            let guessed = &self.guessed_entry;
            for h in state
                .held
                .iter()
                .filter(|h| !l.dropped.contains(&h.class))
                .filter(|h| !guessed_entry(guessed, h) || h.class == l.class)
                .filter(|h| spinning(l.kind) || !spinning(h.kind))
            {
                if h.class != l.class {
                    if self.seen_edges.insert((h.class, l.class)) {
                        self.result.edges.push(LocalEdge {
                            from: h.class,
                            to: l.class,
                            from_site: h.site,
                            to_site: span,
                            chain: Some(l.chain.clone()),
                        });
                    }
                } else if !h.nested
                    && guard_met
                    && !may_nest(h.mode, l.mode, l.kind)
                    // Below a call, a field class may be another instance (the parent
                    // inode's lock); a global or static lock is certainly the same one,
                    // and so is the one the call's argument leads to.
                    && ((self.single_instance)(l.class)
                        || (h.lock != dataflow::VIA_CALL
                            && here.as_deref() == Some(canonical_path(&self.locks[h.lock as usize].text).as_str())))
                    && self.seen_double.insert((h.site.start, span.start))
                {
                    self.result.double_locks.push(DoubleLock {
                        class: l.class,
                        kind: l.kind,
                        first: h.site,
                        second: span,
                        first_on_entry: h.on_entry,
                        chain: Some(l.chain.clone()),
                    });
                }
            }
        }
    }

    fn ret(&mut self, state: &State, span: Span, value: ReturnValue, atom: Option<AtomId>) {
        // A lock a callee dropped or kept as `*locked` says, untested here: the caller's
        // flag tells (what the function leaves in `*locked` is what it passed on).
        let flagged = state.pending.iter().find_map(|p| {
            let var = self
                .function
                .atom_var
                .get(p.0 as usize)
                .copied()
                .flatten()?;
            let unknown = !state.values.iter().any(|x| x.0 == var);
            (unknown && self.function.pointees().any(|x| x.0 == var)).then_some((p.0, var))
        });
        if let Some((flag, var)) = flagged {
            for truth in [true, false] {
                if let Some(mut s) = dataflow::assume(state, self.function, flag, truth, true) {
                    let constant = if truth {
                        ReturnValue::One
                    } else {
                        ReturnValue::Zero
                    };
                    dataflow::assign_value(&mut s.values, var, Some(constant));
                    self.ret_observed(&s, span, value, atom);
                }
            }
            return;
        }
        self.ret_observed(state, span, value, atom);
    }
}

impl Collector<'_> {
    fn ret_observed(
        &mut self,
        state: &State,
        span: Span,
        value: ReturnValue,
        atom: Option<AtomId>,
    ) {
        // The lock whose address this return hands back: a callee's returned lock kept in
        // the returned variable, or a lock named by that variable.
        let named = atom.and_then(|a| self.function.lock_named_by(a));
        let handle = |h: &dataflow::Held| {
            if atom.is_some()
                && (h.handle == atom || (h.lock != dataflow::VIA_CALL && Some(h.lock) == named))
            {
                return LockHandle::Returned;
            }
            match self.lock_param(h.lock) {
                Some(i) => LockHandle::Param(i),
                None => LockHandle::Class,
            }
        };
        let at_return = |h: &dataflow::Held| HeldAtReturn {
            class: h.class,
            lock: h.lock,
            kind: h.kind,
            mode: h.mode,
            site: h.site,
            irq: h.irq,
            handle: handle(h),
            handed: h.handed,
        };
        let pending: Vec<(HeldAtReturn, lockorder_ir::Success)> = state
            .pending
            .iter()
            .filter(|p| Some(p.0) == atom && !p.1.on_entry)
            .map(|(_, h, s)| (at_return(h), *s))
            .collect();
        let held: Vec<HeldAtReturn> = state
            .held
            .iter()
            .filter(|h| !h.on_entry && !h.again)
            .map(at_return)
            .collect();
        let released: Vec<(ClassId, Span)> = state
            .released
            .iter()
            .copied()
            .filter(|(c, _)| !state.held.iter().any(|h| h.class == *c))
            .collect();
        let mut classes: Vec<ClassId> = held.iter().map(|h| h.class).collect();
        classes.sort_unstable();
        classes.dedup();
        let written_params: Vec<(u8, bool)> = self
            .function
            .pointees()
            .filter_map(|(var, p)| {
                let value = state.values.iter().find(|x| x.0 == var)?.1;
                Some((p, dataflow::truth_of(value)?))
            })
            .collect();
        let mut null_roots: Vec<ClassId> = self
            .function
            .lock_pointers()
            .filter(|&(_, var)| state.truth_of(var, self.function.atom_testing(var)) == Some(false))
            .map(|(lock, _)| (self.class_of)(lock))
            .filter(|c| !state.held.iter().any(|h| h.class == *c))
            .collect();
        null_roots.sort_unstable();
        null_roots.dedup();
        // Paths that wrote different constants through an out-parameter stay apart: what
        // they wrote tells the caller which locks they left it.
        let key = (
            span.start,
            span.end,
            value,
            classes,
            written_params.clone(),
            state.start,
        );
        match self.returns.get(&key) {
            Some(&i) => {
                let r = &mut self.result.returns[i];
                r.null_roots.retain(|c| null_roots.contains(c));
                for h in held {
                    if !r.held.iter().any(|x| x.class == h.class) {
                        r.held.push(h);
                    }
                }
                for rel in released {
                    if !r.released.iter().any(|x| x.0 == rel.0) {
                        r.released.push(rel);
                    }
                }
            }
            None => {
                self.returns.insert(key, self.result.returns.len());
                let mut unique: Vec<HeldAtReturn> = Vec::new();
                for h in held {
                    if !unique.iter().any(|x| x.class == h.class) {
                        unique.push(h);
                    }
                }
                // A caller's lock a call dropped only where bits of its result say, which
                // this path never tested: still the caller's (the function returns what
                // it was entered with, or an error that says nothing of the lock).
                let result_pending = state
                    .pending
                    .iter()
                    .filter(|p| self.function.bit_test(p.0).is_some())
                    .map(|p| &p.1);
                let entry_held_at = state
                    .held
                    .iter()
                    .chain(result_pending)
                    .filter(|h| h.on_entry)
                    .map(|h| h.class)
                    .collect();
                self.result.returns.push(ReturnObservation {
                    span,
                    value,
                    held: unique,
                    released,
                    entry_held_at,
                    pending,
                    written_params,
                    start: state.start,
                    null_roots,
                });
            }
        }
    }
}

pub fn analyse_function(
    program: &Program,
    classes: &ClassTable,
    constant_tests: &ConstantTests,
    effects: CallEffects,
    (fi, fj): FuncRef,
    entry_context: Option<EntryContext>,
    entry_locks: &[EntryLock],
) -> FunctionResult {
    let f = &program.files[fi].facts.functions[fj];
    let class_of = |lock: LockId| classes.class_of(fi, lock);
    // Semaphores used as completions are waits and signals, not locks.
    let stripped;
    let f = if has_completion_events(f, &|l| classes.is_completion(class_of(l))) {
        stripped = without_completions(f, &|l| classes.is_completion(class_of(l)));
        &stripped
    } else {
        f
    };
    let facts = &program.files[fi].facts;
    // The lock this function names by the text of a call's argument (`ptl` in
    // `migration_entry_wait_on_locked(entry, ptl)`): the same text, else the same path
    // (`&ptl` where `pte_offset_map_lock(..., &ptl)` took it).
    let own_locks: Vec<LockId> = {
        let mut v: Vec<LockId> = f
            .blocks
            .iter()
            .flat_map(|b| &b.events)
            .filter_map(lock_of)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let arg_lock = |arg: u32| {
        let text = facts.names.get(arg as usize)?;
        let text_of = |l: &LockId| facts.locks[*l as usize].text.as_str();
        own_locks
            .iter()
            .find(|l| text_of(l) == text)
            .or_else(|| {
                let path = canonical_path(text);
                own_locks
                    .iter()
                    .find(|l| canonical_path(text_of(l)) == path)
            })
            .copied()
    };
    let (entry_reasons, guarded) =
        held_on_entry(f, &facts.locks, &class_of, &arg_lock, effects, entry_locks);
    let entry_held = entry_reasons.iter().map(|h| h.0.class).collect();
    // What the code says callers must hold: annotations and assertions, not locks merely
    // released first (whose callers are checked by LO004's rules, not LO010's).
    let requires: Vec<SummaryLock> = entry_reasons
        .iter()
        .filter_map(|(h, reason)| {
            let (span, guard) = match reason {
                EntryReason::Annotation => (f.name_span, Vec::new()),
                EntryReason::Assertion(span, guard) => (*span, guard.clone()),
                EntryReason::ReleasedFirst | EntryReason::Contract => return None,
            };
            let via_param = (h.lock != dataflow::VIA_CALL)
                .then(|| param_path(&f.params, &facts.locks[h.lock as usize].text))
                .flatten();
            // A caller can hold only a lock it can name: a global, or one reached from
            // the arguments it passes.
            if via_param.is_none() && !classes.is_single_instance(h.class) {
                return None;
            }
            Some(SummaryLock {
                irq: lockorder_ir::Irq::None,
                class: h.class,
                kind: h.kind,
                mode: h.mode,
                depth: 1,
                via_param,
                chain: Chain::from([ChainStep {
                    function: (fi, fj),
                    span,
                }]),
                dropped: Vec::new(),
                guard,
                handle: LockHandle::Class,
            })
        })
        .collect();
    let guessed_entry: Vec<ClassId> = entry_reasons
        .iter()
        .filter(|(_, r)| *r == EntryReason::ReleasedFirst)
        .map(|(h, _)| h.class)
        .chain(guarded.iter().filter(|g| g.guessed).map(|g| g.held.class))
        .collect();
    let entry: Vec<Held> = entry_reasons.into_iter().map(|h| h.0).collect();
    let single_instance = |c: ClassId| classes.is_single_instance(c);
    let assigned = dataflow::assigned_vars(f);
    let mut c = Collector {
        function: f,
        guarded: &guarded,
        passed_values: Vec::new(),
        arg_lock: &arg_lock,
        entry_params: Vec::new(),
        manages: managed_classes(f, &class_of, &arg_lock, effects),
        managed_paths: managed_paths(f, &facts.locks),
        seen_not_held: HashSet::new(),
        me: (fi, fj),
        classes,
        entry_context,
        seen_sleep: HashSet::new(),
        call_irqs: HashMap::new(),
        seen_usages: HashSet::new(),
        entry_held: entry.iter().map(|h| h.class).collect(),
        guessed_entry,
        class_of: &class_of,
        locks: &facts.locks,
        names: &facts.names,
        params: &f.params,
        param_atoms: param_atoms(f, &assigned, constant_tests.of_function(fi, fj)),
        constant_tests,
        fixed_params: fixed_params(f, &assigned),
        single_instance: &single_instance,
        result: FunctionResult::default(),
        seen_edges: HashSet::new(),
        seen_double: HashSet::new(),
        seen_release: HashSet::new(),
        returns: HashMap::new(),
    };
    c.result.requires = requires;
    // The annotations pair with `returns_holding` in order.
    let conditional = f
        .annotations
        .iter()
        .filter(|(k, _)| {
            matches!(
                k,
                lockorder_ir::AnnotationKind::Acquires | lockorder_ir::AnnotationKind::CondAcquires
            )
        })
        .map(|(k, _)| *k == lockorder_ir::AnnotationKind::CondAcquires);
    // Only where the body shows no lock taken (an arch helper, assembly), and only for a
    // lock some code really takes: `__acquires(RCU)` names a sparse context, and a body
    // with its own (owner-recursive, flag-driven) locking is better read than trusted.
    let body_locks = f
        .blocks
        .iter()
        .flat_map(|b| &b.events)
        .any(|e| matches!(e, Event::Acquire { .. } | Event::CondAcquire { .. }));
    c.result.annotated_returns = f
        .returns_holding
        .iter()
        .zip(conditional)
        .filter(|&(&lock, _)| !body_locks && classes.kind(class_of(lock)).is_some())
        .map(|(&lock, cond)| {
            let class = class_of(lock);
            let kind = f
                .blocks
                .iter()
                .flat_map(|b| &b.events)
                .find_map(|e| match e {
                    Event::Acquire { acq, .. } | Event::CondAcquire { acq, .. }
                        if class_of(acq.lock) == class =>
                    {
                        Some(acq.kind)
                    }
                    _ => None,
                })
                .or_else(|| classes.kind(class))
                .unwrap_or(LockKind::Mutex);
            let lock_summary = SummaryLock {
                irq: lockorder_ir::Irq::None,
                class,
                kind,
                mode: Mode::Exclusive,
                depth: 1,
                via_param: param_path(&f.params, &facts.locks[lock as usize].text),
                chain: Chain::from([ChainStep {
                    function: (fi, fj),
                    span: f.name_span,
                }]),
                dropped: Vec::new(),
                guard: Vec::new(),
                handle: LockHandle::Class,
            };
            (lock_summary, cond)
        })
        .collect();
    c.entry_params = entry
        .iter()
        .filter_map(|h| Some((h.class, c.lock_param(h.lock)?)))
        .collect();
    let arg_truth = |arg: u32| constant_tests.constant_truth(facts.names.get(arg as usize)?);
    let arg_param = |arg: u32| {
        let text = facts.names.get(arg as usize)?.trim_start_matches('&');
        let root = &text[..text.find(['-', '.', '[']).unwrap_or(text.len())];
        u8::try_from(f.params.iter().position(|q| q == root)?).ok()
    };
    let stats = dataflow::run(
        f, entry, &guarded, &class_of, &arg_lock, &arg_truth, &arg_param, effects, &mut c,
    );
    let mut result = c.result;
    result.call_irqs = c
        .call_irqs
        .into_iter()
        .filter(|&(_, (hard, soft))| hard || soft)
        .map(|(call, (hard, soft))| (call, hard, soft))
        .collect();
    result
        .call_irqs
        .sort_unstable_by_key(|(call, ..)| (call.callee, call.indirect));
    result.stats = stats;
    result.entry_held = entry_held;
    result.guarded_entry = guarded
        .iter()
        .map(|g| (g.held.class, g.param, g.truth))
        .collect();
    result.entry_params = c.entry_params;
    result
}

/// The parameters the function never writes (nor passes by address).
fn fixed_params(f: &Function, assigned: &HashSet<lockorder_ir::VarId>) -> Vec<u8> {
    (0..f.params.len().min(u8::MAX as usize) as u8)
        .filter(|&i| {
            !f.var_params
                .iter()
                .any(|&(v, p)| p == i && assigned.contains(&v))
        })
        .collect()
}

/// The atoms that are a parameter the function never assigns, or a test of one against a
/// named constant (`tests`, by id): what a branch on one knows is what the caller passed.
fn param_atoms(
    f: &Function,
    assigned: &HashSet<lockorder_ir::VarId>,
    tests: &[(AtomId, lockorder_ir::VarId, u32)],
) -> HashMap<AtomId, GuardKey> {
    let fixed = |var: lockorder_ir::VarId| {
        let &(_, p) = f.var_params.iter().find(|(v, _)| *v == var)?;
        (!assigned.contains(&var) && p < POINTEE).then_some(p)
    };
    f.atom_var
        .iter()
        .enumerate()
        .filter_map(|(atom, var)| Some((atom as AtomId, guards::key(fixed((*var)?)?, None))))
        .chain(
            tests
                .iter()
                .filter_map(|&(atom, var, id)| Some((atom, guards::key(fixed(var)?, Some(id))))),
        )
        .collect()
}

/// A lock path with a subscript or an offset that is not a number (`work[i].mutex`,
/// `sb->s_writers.rw_sem + level`): the same text names another element where the index
/// changed.
fn indexed_by_variable(text: &str) -> bool {
    let number = |t: &str| t.trim().bytes().all(|b| b.is_ascii_digit());
    let subscript = text
        .split('[')
        .skip(1)
        .any(|rest| !number(rest.split(']').next().unwrap_or("")));
    let offset = text
        .replace("->", ".")
        .split(['+', '-'])
        .skip(1)
        .any(|t| !number(t.trim_end_matches(')')));
    subscript || offset
}

/// A lock only guessed held on entry (the function releases it before taking it): the
/// guess says nothing of what it was taken before, so it orders nothing.
fn guessed_entry(guessed: &[ClassId], h: &dataflow::Held) -> bool {
    h.on_entry && guessed.contains(&h.class)
}

fn lock_of(e: &Event) -> Option<LockId> {
    match e {
        Event::Acquire { acq, .. } | Event::CondAcquire { acq, .. } => Some(acq.lock),
        Event::Release { lock, .. } | Event::Downgrade { lock, .. } => Some(*lock),
        _ => None,
    }
}

fn has_completion_events(f: &Function, is_completion: &dyn Fn(LockId) -> bool) -> bool {
    f.blocks
        .iter()
        .flat_map(|b| &b.events)
        .filter_map(lock_of)
        .any(is_completion)
}

fn without_completions(f: &Function, is_completion: &dyn Fn(LockId) -> bool) -> Function {
    let mut f = f.clone();
    for b in &mut f.blocks {
        b.events.retain(|e| !lock_of(e).is_some_and(is_completion));
    }
    f
}

/// Locks whose first event on every path that touches them is a release: the function
/// is entered holding them. A lock taken first on some path is not (its release on
/// another path is then an unbalanced unlock, unless a branch fact rules the path out).
/// Last, the locks its framework holds by `contract`, where nothing else said so.
fn held_on_entry(
    f: &Function,
    locks: &[lockorder_ir::LockExpr],
    class_of: &dyn Fn(LockId) -> ClassId,
    arg_lock: &dyn Fn(u32) -> Option<LockId>,
    effects: CallEffects,
    contract: &[EntryLock],
) -> (Vec<(Held, EntryReason)>, Vec<GuardedEntry>) {
    let events = || f.blocks.iter().flat_map(|b| &b.events);
    let kind_of = |class: ClassId| {
        events()
            .find_map(|e| match e {
                Event::Acquire { acq, .. } | Event::CondAcquire { acq, .. }
                    if class_of(acq.lock) == class =>
                {
                    Some(acq.kind)
                }
                Event::Release { lock, kind, .. } if class_of(*lock) == class => Some(*kind),
                _ => None,
            })
            .unwrap_or(LockKind::Mutex)
    };
    let entry = |lock: LockId, class: ClassId, kind: LockKind, mode: Mode| Held {
        lock,
        class,
        kind,
        mode: if mode == Mode::Any {
            Mode::Exclusive
        } else {
            mode
        },
        nested: false,
        irq: lockorder_ir::Irq::None,
        site: f.name_span,
        on_entry: true,
        again: false,
        handle: None,
        witness: None,
        owner: None,
        handed: None,
    };
    let mut out: Vec<(Held, EntryReason)> = Vec::new();
    let mut guarded: Vec<GuardedEntry> = Vec::new();
    // `__must_hold(x)`, `__releases(x)`: held on entry, whatever the body does.
    for &lock in &f.held_on_entry {
        let class = class_of(lock);
        if !out.iter().any(|h| h.0.class == class) {
            out.push((
                entry(lock, class, kind_of(class), Mode::Exclusive),
                EntryReason::Annotation,
            ));
        }
    }
    // Otherwise: a lock released (directly or by a summarised callee) or asserted held
    // before any path takes it.
    let mut candidates: Vec<(LockId, ClassId, LockKind, Mode, EntryReason)> = Vec::new();
    // A callee's requirement (`mmap_assert_locked(mm)`, an inline asserting helper) met
    // before any acquisition proposes only a guarded entry: where the function takes the
    // lock itself on the other paths of a parameter's test.
    let mut required: Vec<(ClassId, LockKind, Mode)> = Vec::new();
    for e in events() {
        match e {
            Event::Release {
                lock, kind, mode, ..
            } => candidates.push((
                *lock,
                class_of(*lock),
                *kind,
                *mode,
                EntryReason::ReleasedFirst,
            )),
            Event::AssertHeld { lock, span } => {
                let class = class_of(*lock);
                candidates.push((
                    *lock,
                    class,
                    kind_of(class),
                    Mode::Exclusive,
                    EntryReason::Assertion(*span, Vec::new()),
                ));
            }
            Event::Call {
                call, result, args, ..
            } => {
                let Some(s) = effects(call) else { continue };
                for l in &s.requires {
                    if !required.iter().any(|r| r.0 == l.class) {
                        required.push((l.class, l.kind, l.mode));
                    }
                }
                // A callee that drops it where it fails (`wait_task_zombie` drops the
                // task list lock where it returns a pid) is entered with it, unless a
                // flag the caller passes says whether it was (GUP's `*locked`).
                let on_failure = s
                    .releases_on_failure
                    .iter()
                    .map(|x| &x.0)
                    .filter(|&&c| !s.releases_with_flag.iter().any(|w| w.0 == c));
                for &c in s.releases.iter().chain(on_failure) {
                    candidates.push((
                        dataflow::VIA_CALL,
                        c,
                        LockKind::Mutex,
                        Mode::Exclusive,
                        EntryReason::ReleasedFirst,
                    ));
                }
                let dropped = bound_locks(f, s, *result, f.args(*args), arg_lock);
                for (lock, _) in dropped.into_iter().filter(|&(_, take)| !take) {
                    let class = class_of(lock);
                    candidates.push((
                        lock,
                        class,
                        kind_of(class),
                        Mode::Exclusive,
                        EntryReason::ReleasedFirst,
                    ));
                }
            }
            _ => {}
        }
    }
    // An assertion states a requirement even when a release comes first on some path.
    candidates.sort_by_key(|c| !matches!(c.4, EntryReason::Assertion(..)));
    let known = |class: ClassId, out: &[(Held, EntryReason)], guarded: &[GuardedEntry]| {
        out.iter().any(|h| h.0.class == class) || guarded.iter().any(|g| g.held.class == class)
    };
    // Held where the entry test that splits the first events says so.
    let guarded_by = |first: &FirstEvents, held: Held, guessed: bool| {
        let (atom, truth) = first.split()?;
        Some(GuardedEntry {
            held,
            atom,
            truth,
            param: entry_atom(f, atom)?,
            guessed,
        })
    };
    for (lock, class, kind, mode, reason) in candidates {
        if known(class, &out, &guarded) {
            continue;
        }
        let first = first_events(f, locks, lock, class, class_of, arg_lock, effects, false);
        let held = entry(lock, class, kind, mode);
        if first.release_first && !first.acquire_first {
            // Asserted only behind tests of the parameters: required only there.
            let reason = match reason {
                EntryReason::Assertion(span, _) => {
                    let guard = first
                        .release_tests
                        .iter()
                        .flatten()
                        .filter_map(|&(atom, truth)| {
                            Some((guards::key(entry_atom(f, atom)?, None), truth))
                        })
                        .collect();
                    EntryReason::Assertion(span, guard)
                }
                reason => reason,
            };
            out.push((held, reason));
        } else {
            let guessed = reason == EntryReason::ReleasedFirst;
            guarded.extend(guarded_by(&first, held, guessed));
        }
    }
    for (class, kind, mode) in required {
        if known(class, &out, &guarded) {
            continue;
        }
        let lock = dataflow::VIA_CALL;
        let first = first_events(f, locks, lock, class, class_of, arg_lock, effects, true);
        guarded.extend(guarded_by(&first, entry(lock, class, kind, mode), false));
    }
    for &(class, kind, mode) in contract {
        if !out.iter().any(|h| h.0.class == class) {
            guarded.retain(|g| g.held.class != class);
            out.push((
                entry(dataflow::VIA_CALL, class, kind, mode),
                EntryReason::Contract,
            ));
        }
    }
    guarded.truncate(dataflow::MAX_GUARDED_ENTRIES);
    (out, guarded)
}

/// The paths of the locks `f` takes or drops by name, in [`canonical_path`] form.
fn managed_paths(f: &Function, locks: &[lockorder_ir::LockExpr]) -> HashSet<String> {
    f.blocks
        .iter()
        .flat_map(|b| &b.events)
        .filter_map(|e| match e {
            Event::Acquire { acq, .. } | Event::CondAcquire { acq, .. } => Some(acq.lock),
            Event::Release { lock, .. } => Some(*lock),
            _ => None,
        })
        .filter_map(|l| locks.get(l as usize))
        .map(|e| canonical_path(&e.text))
        .collect()
}

/// Classes `f` takes or drops itself, directly or through a summarised callee.
fn managed_classes(
    f: &Function,
    class_of: &dyn Fn(LockId) -> ClassId,
    arg_lock: &dyn Fn(u32) -> Option<LockId>,
    effects: CallEffects,
) -> HashSet<ClassId> {
    let mut out = HashSet::new();
    for e in f.blocks.iter().flat_map(|b| &b.events) {
        match e {
            Event::Acquire { acq, .. } | Event::CondAcquire { acq, .. } => {
                out.insert(class_of(acq.lock));
            }
            Event::Release { lock, .. } => {
                out.insert(class_of(*lock));
            }
            Event::Call {
                call, result, args, ..
            } => {
                if let Some(s) = effects(call) {
                    let bound = bound_locks(f, s, *result, f.args(*args), arg_lock);
                    out.extend(bound.into_iter().map(|(l, _)| class_of(l)));
                    out.extend(s.releases.iter().copied());
                    out.extend(s.left_held().map(|l| l.class));
                }
            }
            _ => {}
        }
    }
    out
}

/// The locks of `f` a summarised call takes (`true`) or drops (`false`) knowing only
/// their address: returned into the variable that names them here (`ptl = pmd_lock(mm,
/// pmd)`), or passed as an argument (`migration_entry_wait_on_locked(entry, ptl)`).
fn bound_locks(
    f: &Function,
    s: &FunctionSummary,
    result: Option<AtomId>,
    args: &[u32],
    arg_lock: &dyn Fn(u32) -> Option<LockId>,
) -> Vec<(LockId, bool)> {
    let bound = |handle| dataflow::bound_lock(f, handle, result, args, arg_lock);
    let mut out: Vec<(LockId, bool)> = s
        .release_params
        .iter()
        .filter_map(|&i| Some((bound(LockHandle::Param(i))?, false)))
        .collect();
    for l in s.left_held() {
        out.extend(bound(l.handle).map(|l| (l, true)));
    }
    out
}

/// What the paths from the entry meet first of a lock: a release (or assertion), an
/// acquisition, and which entry tests (see [`entry_atom`]) every such path passed.
#[derive(Default)]
struct FirstEvents {
    release_first: bool,
    acquire_first: bool,
    /// Entry tests every release-first path passed (`None`: no such path yet); when cut
    /// short, the tests of parameters never written that every path to a block where a
    /// path met the release first passes, whatever the flags.
    release_tests: Option<Vec<(AtomId, bool)>>,
    acquire_tests: Option<Vec<(AtomId, bool)>>,
    /// Too many paths to follow each: the tests are not known for all of them.
    cut_short: bool,
}

impl FirstEvents {
    /// For a lock met first both ways, the entry test every release-first path passed
    /// one way and every feasible acquire-first path the other (`if (!*locked) lock();
    /// else assert_held();`, or `if (flag) unlock(); ... if (flag) lock();` where only
    /// paths testing the flag both ways take it first), with its truth where released.
    fn split(&self) -> Option<(AtomId, bool)> {
        if self.cut_short || !(self.release_first && self.acquire_first) {
            return None;
        }
        let acquire = self.acquire_tests.as_ref();
        self.release_tests
            .as_ref()?
            .iter()
            .copied()
            .find(|&(a, t)| acquire.is_none_or(|acq| acq.contains(&(a, !t))))
    }
}

/// An atom whose value at entry the caller chose: a parameter (`if (!locked)`) or what a
/// pointer parameter points to (`if (!*locked)`), with the parameter's index in a
/// guard's form (see [`SummaryLock::guard`]).
fn entry_atom(f: &Function, atom: AtomId) -> Option<u8> {
    let var = f.atom_var.get(atom as usize).copied().flatten()?;
    let param = |v: lockorder_ir::VarId| {
        let &(_, p) = f.var_params.iter().find(|x| x.0 == v)?;
        (p < crate::guards::FIELD).then_some(p)
    };
    if let Some(p) = param(var) {
        return Some(p);
    }
    if let Some((_, p)) = f.pointees().find(|x| x.0 == var) {
        return (p < crate::guards::FIELD).then_some(p | POINTEE);
    }
    // `if (info->task)`: a field of what a parameter points to, read through nothing
    // else (besides the field itself, the atom reads only the parameter), that the
    // function itself writes: state it keeps across calls (an iterator that sets
    // `info->task` where it returns holding the lock). A field it only reads says
    // nothing of what its caller holds.
    let mut others = f
        .atom_vars
        .get(atom as usize)?
        .iter()
        .filter(|&&v| v != var);
    let (Some(&only), None) = (others.next(), others.next()) else {
        return None;
    };
    let writes = f
        .blocks
        .iter()
        .flat_map(|b| &b.events)
        .any(|e| matches!(e, Event::Assign { var: v, .. } if *v == var));
    param(only)
        .filter(|_| writes)
        .map(|p| p | crate::guards::FIELD)
}

/// What the paths from the entry meet first of `lock` (see [`FirstEvents`]); with
/// `required`, a callee's requirement of it counts as an assertion.
#[allow(clippy::too_many_arguments)]
fn first_events(
    f: &Function,
    locks: &[lockorder_ir::LockExpr],
    lock: LockId,
    class: ClassId,
    class_of: &dyn Fn(LockId) -> ClassId,
    arg_lock: &dyn Fn(u32) -> Option<LockId>,
    effects: CallEffects,
    required: bool,
) -> FirstEvents {
    // The same lock: the same class, except that two different named variables of one
    // class (`chip->mutex`, `contender->mutex`) are different instances; an unnamed root
    // (`container_of(...)->x`, a call's result) may alias either.
    let named = |l: LockId| match locks.get(l as usize).map(|e| &e.root) {
        Some(lockorder_ir::LockRoot::Var { name, .. }) => Some(name.as_str()),
        _ => None,
    };
    let same = |l: LockId| {
        class_of(l) == class
            && (lock == dataflow::VIA_CALL
                || l == lock
                || named(l).is_none()
                || named(lock).is_none()
                || named(l) == named(lock))
    };
    let mut out = FirstEvents::default();
    // Paths follow the flags the function sets to constants (`bool locked = true;` ...
    // `if (!locked) mutex_lock(...)`): a lock taken only once the flag says it was dropped
    // is not taken first. A path is its block and those flags' values; past a budget of
    // paths, blocks are visited once whatever the flags.
    // A path also keeps the outcomes of the entry tests it passed, `None` once the
    // variable was written (a later test reads the new value). A path that tests one the
    // other way than before still counts as a path (as it did before entry tests were
    // followed), but says nothing of which tests lead where.
    type Values = Vec<(lockorder_ir::VarId, ReturnValue)>;
    // Each entry test with its outcome at entry (`None`: written before any test) and
    // whether the variable was written since: a later test reads the new value, but the
    // path still started on the side the first test said.
    type Tests = Vec<(AtomId, Option<bool>, bool)>;
    let budget = f.blocks.len() * 4;
    let mut visited: HashSet<(usize, Values, Tests, bool)> = HashSet::new();
    let mut seen_block = vec![false; f.blocks.len()];
    let mut release_blocks = vec![false; f.blocks.len()];
    let mut stack: Vec<(usize, Values, Tests, bool)> = vec![(0, Vec::new(), Vec::new(), true)];
    seen_block[0] = true;
    // The entry tests, in order, found once.
    let entry_atoms: Vec<AtomId> = (0..f.atom_vars.len() as AtomId)
        .filter(|&a| entry_atom(f, a).is_some())
        .collect();
    let written = |tests: &mut Tests, var: lockorder_ir::VarId| {
        for &a in &entry_atoms {
            if f.atom_vars[a as usize].contains(&var) {
                match tests.iter_mut().find(|x| x.0 == a) {
                    Some(x) => x.2 = true,
                    None => tests.push((a, None, true)),
                }
            }
        }
        tests.sort_unstable();
    };
    let meet = |tests: &Tests, into: &mut Option<Vec<(AtomId, bool)>>| {
        let mine: Vec<(AtomId, bool)> = tests
            .iter()
            .filter_map(|&(a, t, _)| Some((a, t?)))
            .collect();
        match into {
            Some(v) => v.retain(|x| mine.contains(x)),
            None => *into = Some(mine),
        }
    };
    while let Some((b, mut values, mut tests, feasible)) = stack.pop() {
        let block = &f.blocks[b];
        let mut first = None;
        for e in &block.events {
            first = match e {
                Event::Release { lock, .. } | Event::AssertHeld { lock, .. } if same(*lock) => {
                    Some(true)
                }
                Event::Acquire { acq, .. } | Event::CondAcquire { acq, .. } if same(acq.lock) => {
                    Some(false)
                }
                Event::Call {
                    call, result, args, ..
                } => effects(call).and_then(|s| {
                    let bound = bound_locks(f, s, *result, f.args(*args), arg_lock);
                    if s.releases.contains(&class)
                        || s.releases_with_flag.iter().any(|x| x.0 == class)
                        || s.releases_on_failure.iter().any(|x| x.0 == class)
                        || (required && s.requires.iter().any(|x| x.class == class))
                        || bound.iter().any(|&(l, take)| !take && same(l))
                    {
                        Some(true)
                    } else if bound.iter().any(|&(l, take)| take && same(l))
                        || s.left_held().any(|l| l.class == class)
                        // A helper that may take it (`xfs_ilock(ip, flags)`, depending on
                        // its flags): the lock may be this function's own, not its caller's.
                        || s.waits_for.iter().any(|l| l.class == class && l.depth == 1)
                    {
                        Some(false)
                    } else {
                        None
                    }
                }),
                Event::Assign { var, value } => {
                    dataflow::assign_value(&mut values, *var, *value);
                    written(&mut tests, *var);
                    None
                }
                Event::Copy { var, from } => {
                    dataflow::copy_value(&mut values, *var, *from);
                    None
                }
                // Not NULL from here: no write, the entry test it answers stays one.
                Event::Deref { var } => {
                    dataflow::dereferenced(&mut values, *var);
                    None
                }
                _ => None,
            };
            if first.is_some() {
                break;
            }
        }
        match first {
            Some(true) => {
                release_blocks[b] = true;
                out.release_first = true;
                if feasible {
                    meet(&tests, &mut out.release_tests);
                }
            }
            Some(false) => {
                out.acquire_first = true;
                if feasible {
                    meet(&tests, &mut out.acquire_tests);
                }
            }
            None => {
                // Successors, with the entry test's outcome each learns, and whether the
                // path stays feasible.
                type Succ = (u32, Option<(AtomId, bool)>, bool);
                let succ: Vec<Succ> = match &block.terminator {
                    Terminator::Goto(t) => vec![(*t, None, feasible)],
                    Terminator::Fork(ts) => ts.iter().map(|&t| (t, None, feasible)).collect(),
                    Terminator::Branch {
                        atom,
                        then,
                        otherwise,
                    } => {
                        // Once written, a test reads the new value: it decides nothing.
                        let known = tests
                            .iter()
                            .find(|x| x.0 == *atom)
                            .map(|x| x.1.filter(|_| !x.2));
                        match (dataflow::value_truth(f, &values, *atom), known) {
                            (Some(true), _) => vec![(*then, None, feasible)],
                            (Some(false), _) => vec![(*otherwise, None, feasible)],
                            (None, Some(Some(t))) => vec![
                                (*then, None, feasible && t),
                                (*otherwise, None, feasible && !t),
                            ],
                            (None, None) if entry_atoms.binary_search(atom).is_ok() => vec![
                                (*then, Some((*atom, true)), feasible),
                                (*otherwise, Some((*atom, false)), feasible),
                            ],
                            _ => vec![(*then, None, feasible), (*otherwise, None, feasible)],
                        }
                    }
                    Terminator::Return { .. } | Terminator::Unreachable => vec![],
                };
                values.sort_unstable_by_key(|x| x.0);
                for (s, learned, feasible) in succ {
                    let s = s as usize;
                    let mut tests = tests.clone();
                    if let Some((a, t)) = learned {
                        tests.push((a, Some(t), false));
                        tests.sort_unstable();
                    }
                    let fresh = if visited.len() < budget {
                        visited.insert((s, values.clone(), tests.clone(), feasible))
                    } else {
                        out.cut_short = true;
                        !seen_block[s]
                    };
                    seen_block[s] = true;
                    if fresh {
                        stack.push((s, values.clone(), tests, feasible));
                    }
                }
            }
        }
    }
    if out.cut_short && out.release_first {
        out.release_tests = Some(guarding_tests(f, &entry_atoms, &release_blocks));
    }
    out
}

/// The entry tests, of parameters the function never writes, that every path from the
/// entry to a `target` block passes: those whose other outcome's edge, alone removed,
/// leaves no target reachable. Path-insensitive, so it may miss a guard but never
/// invents one.
fn guarding_tests(f: &Function, entry_atoms: &[AtomId], target: &[bool]) -> Vec<(AtomId, bool)> {
    // A copy is always the second half of an assignment to the same variable.
    let assigned = dataflow::assigned_vars(f);
    let written = |atom: AtomId| {
        f.atom_vars[atom as usize]
            .iter()
            .any(|v| assigned.contains(v))
    };
    let reaches_without = |atom: AtomId, truth: bool| {
        let mut seen = vec![false; f.blocks.len()];
        let mut stack = vec![0usize];
        seen[0] = true;
        while let Some(b) = stack.pop() {
            if target[b] {
                return true;
            }
            let succ: Vec<u32> = match &f.blocks[b].terminator {
                Terminator::Goto(t) => vec![*t],
                Terminator::Fork(ts) => ts.clone(),
                Terminator::Branch {
                    atom: a,
                    then,
                    otherwise,
                } if *a == atom => vec![if truth { *otherwise } else { *then }],
                Terminator::Branch {
                    then, otherwise, ..
                } => vec![*then, *otherwise],
                Terminator::Return { .. } | Terminator::Unreachable => vec![],
            };
            for s in succ {
                if !std::mem::replace(&mut seen[s as usize], true) {
                    stack.push(s as usize);
                }
            }
        }
        false
    };
    entry_atoms
        .iter()
        .filter(|&&a| !written(a))
        .flat_map(|&a| [(a, true), (a, false)])
        .filter(|&(a, t)| !reaches_without(a, t))
        .collect()
}
