//! The held-lock dataflow: every path of a function's CFG is followed with a state of held
//! locks, pending conditional acquisitions and known branch outcomes. States with different
//! lock parts are kept apart (path sensitivity), up to a bound per program point; states
//! with equal lock parts are merged by intersecting their branch facts (ESP-style), so the
//! cost of path sensitivity is paid only where the lock state really differs.

use std::collections::VecDeque;

use foldhash::HashSet;

use lockorder_ir::{
    AtomId, ContextOp, Event, Function, Irq, LockId, LockKind, Mode, ReturnValue, Span, Success,
    Terminator, VarId,
};

use crate::classes::ClassId;
use crate::summary::FunctionSummary;
use crate::summary::LockHandle;

/// What a call does to the caller's locks, when the callee is known and summarised.
pub type CallEffects<'a> = &'a dyn Fn(&lockorder_ir::Call) -> Option<&'a FunctionSummary>;

/// The lock id of a lock a callee took: it has no expression in the caller's file.
pub const VIA_CALL: LockId = LockId::MAX;

/// Distinct lock states kept per block entry; more are dropped (and counted).
const MAX_STATES_PER_BLOCK: usize = 32;
/// States with one lock part but different branch facts kept per block entry; more are
/// merged, intersecting their facts.
const MAX_SPLITS_PER_LOCK_STATE: usize = 8;
/// (block, state) pairs one function may process before it is cut short.
const MAX_STEPS_PER_FUNCTION: usize = 50_000;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Held {
    pub lock: LockId,
    pub class: ClassId,
    pub kind: LockKind,
    pub mode: Mode,
    pub nested: bool,
    /// Interrupts the acquisition switched off until the release (`_irqsave`, `_bh`).
    pub irq: Irq,
    pub site: Span,
    /// Held when the function was entered (it releases the lock before taking it).
    pub on_entry: bool,
    /// A second copy from a double lock (reported as such): it pairs with a release but
    /// is no leak of its own.
    pub again: bool,
    /// The atom whose value is the lock's address, for a lock a callee returned
    /// (`ptl = pmd_lock(mm, pmd)`): returning that value hands the lock on.
    pub handle: Option<AtomId>,
    /// For a lock a callee leaves held where it writes a pointer through an argument
    /// (`&orphan_dir`), that variable: not NULL where the lock turns out held.
    pub witness: Option<VarId>,
    /// For a lock a callee returned held where a test of the variable its result went to
    /// said so (`right = alloc_locked(...); if (IS_ERR(right))`), that variable: the lock
    /// is reached through it.
    pub owner: Option<VarId>,
    /// Stored where the caller reaches it through this parameter (`path->nodes[level] =
    /// eb;`): held at a return, it is the caller's now (see [`Event::HandOff`]).
    pub handed: Option<u8>,
}

impl Held {
    /// The same lock: the same expression, or for locks taken inside callees (which have
    /// no expression here) the same class.
    pub fn same_lock(&self, other: &Held) -> bool {
        self.lock == other.lock && (self.lock != VIA_CALL || self.class == other.class)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct State {
    /// In acquisition order.
    pub held: Vec<Held>,
    /// Conditional acquisitions not yet decided by a branch on their atom.
    pub pending: Vec<(AtomId, Held, Success)>,
    /// Outcomes of branches taken on atoms tested more than once.
    pub facts: Vec<(AtomId, bool)>,
    /// Classes released on the way here, with the last release site.
    pub released: Vec<(ClassId, Span)>,
    /// Variables holding a constant of a known class on this path (`locked = true`).
    pub values: Vec<(VarId, ReturnValue)>,
    /// The path blocked forever on a lock it holds: nothing after it runs.
    pub blocked: bool,
    /// Interrupts, bottom halves, preemption off and RCU read sections in force.
    pub ctx: Ctx,
    /// Of the locks held on entry only where a parameter says so ([`GuardedEntry`]), by
    /// index, those this path started holding (bit set) or not.
    pub start: u8,
}

/// A lock the caller holds exactly where a parameter tests so: `if (!*locked)
/// mmap_read_lock(mm); else mmap_assert_locked(mm);` is entered holding `mmap_lock`
/// where `*locked` is true. The function is followed from both entries.
#[derive(Clone, Debug)]
pub struct GuardedEntry {
    pub held: Held,
    /// The test (a parameter, or what a pointer parameter points to) and its truth
    /// where the lock is held.
    pub atom: AtomId,
    pub truth: bool,
    /// The test as a guard's parameter index (see `SummaryLock::guard`).
    pub param: u8,
    /// Proposed by a release met first, not an assertion: a guess, which orders nothing.
    pub guessed: bool,
}

/// Guarded entries followed both ways; more are left out.
pub const MAX_GUARDED_ENTRIES: usize = 2;

/// Nesting counts of the context switches in force on a path (capped: a loop that
/// disables without enabling cannot grow them forever), and the first still in force.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Ctx {
    pub irq: u8,
    pub bh: u8,
    pub preempt: u8,
    pub rcu: u8,
    /// `pagefault_disable` depth: user accesses do not fault. Not atomic, so neither in
    /// `since` nor in `dropped`.
    pub pagefault: u8,
    pub since: Option<(ContextOp, Span)>,
    /// Kinds (bits as in [`Ctx::bit`]) enabled more often than disabled on this path: the
    /// function undid its caller's section (`rcu_read_unlock(); cond_resched();
    /// rcu_read_lock();` in `cond_resched_rcu`).
    pub dropped: u8,
}

const MAX_CTX_DEPTH: u8 = 3;

impl Ctx {
    fn counts(&self) -> [u8; 4] {
        [self.irq, self.bh, self.preempt, self.rcu]
    }

    /// The bit of an op's kind: interrupts 1, bottom halves 2, preemption 4, RCU 8.
    pub fn bit(op: ContextOp) -> u8 {
        match op {
            ContextOp::IrqDisable | ContextOp::IrqEnable | ContextOp::IrqOn => 1,
            ContextOp::BhDisable | ContextOp::BhEnable => 2,
            ContextOp::PreemptDisable | ContextOp::PreemptEnable => 4,
            ContextOp::RcuLock | ContextOp::RcuUnlock => 8,
            ContextOp::PagefaultDisable | ContextOp::PagefaultEnable => 16,
        }
    }

    fn apply(&mut self, op: ContextOp, span: Span) {
        let bit = Ctx::bit(op);
        // (the counter, +1 / -1 / 0 for "back to none")
        let (counter, step) = match op {
            ContextOp::IrqDisable => (&mut self.irq, 1),
            ContextOp::IrqEnable => (&mut self.irq, -1),
            ContextOp::IrqOn => (&mut self.irq, 0),
            ContextOp::BhDisable => (&mut self.bh, 1),
            ContextOp::BhEnable => (&mut self.bh, -1),
            ContextOp::PreemptDisable => (&mut self.preempt, 1),
            ContextOp::PreemptEnable => (&mut self.preempt, -1),
            ContextOp::RcuLock => (&mut self.rcu, 1),
            ContextOp::RcuUnlock => (&mut self.rcu, -1),
            ContextOp::PagefaultDisable => {
                self.pagefault = (self.pagefault + 1).min(MAX_CTX_DEPTH);
                return;
            }
            ContextOp::PagefaultEnable => {
                self.pagefault = self.pagefault.saturating_sub(1);
                return;
            }
        };
        let up = step > 0;
        if !up && *counter == 0 {
            self.dropped |= bit;
        }
        *counter = match step {
            1 => (*counter + 1).min(MAX_CTX_DEPTH),
            -1 => counter.saturating_sub(1),
            _ => 0,
        };
        if up && self.since.is_none() {
            self.since = Some((op, span));
        }
        if self.counts() == [0; 4] {
            self.since = None;
        }
    }
}

/// Why code at a point may not sleep.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AtomicReason {
    /// A spinning lock is held, taken at `site`.
    Lock { class: ClassId, site: Span },
    /// A context switch is in force since `span`.
    Context { op: ContextOp, span: Span },
}

impl State {
    /// The first reason the code here may not sleep, if any, leaving out locks a callee
    /// drops before it sleeps.
    pub fn atomic_reason(&self, dropped: &[ClassId], dropped_ctx: u8) -> Option<AtomicReason> {
        if let Some(h) = self.held.iter().find(|h| {
            matches!(h.kind, LockKind::Spinlock | LockKind::Rwlock) && !dropped.contains(&h.class)
        }) {
            return Some(AtomicReason::Lock {
                class: h.class,
                site: h.site,
            });
        }
        let kinds = [
            (self.ctx.irq, 1u8),
            (self.ctx.bh, 2),
            (self.ctx.preempt, 4),
            (self.ctx.rcu, 8),
        ];
        if !kinds
            .iter()
            .any(|&(n, bit)| n > 0 && dropped_ctx & bit == 0)
        {
            return None;
        }
        self.ctx
            .since
            .map(|(op, span)| AtomicReason::Context { op, span })
    }

    /// Hard interrupts are off here (before an acquisition that does not switch them off
    /// itself).
    pub fn hardirqs_off(&self) -> bool {
        self.ctx.irq > 0 || self.held.iter().any(|h| h.irq == Irq::Hard)
    }

    pub fn softirqs_off(&self) -> bool {
        self.hardirqs_off() || self.ctx.bh > 0 || self.held.iter().any(|h| h.irq == Irq::Soft)
    }
}

/// `var = value` on a path's variables holding constants: a constant (`locked = true`),
/// or anything else (`None`).
pub(crate) fn assign_value(
    values: &mut Vec<(VarId, ReturnValue)>,
    var: VarId,
    value: Option<ReturnValue>,
) {
    values.retain(|x| x.0 != var);
    if let Some(v) = value {
        values.push((var, v));
    }
}

/// `p->field` read: `var` is not NULL, unless the path already knows its value.
pub(crate) fn dereferenced(values: &mut Vec<(VarId, ReturnValue)>, var: VarId) {
    if !values.iter().any(|x| x.0 == var) {
        values.push((var, ReturnValue::NonNull));
    }
}

/// `var = from`, after its `assign_value(var, None)`: `var` holds what `from` does.
pub(crate) fn copy_value(values: &mut Vec<(VarId, ReturnValue)>, var: VarId, from: VarId) {
    if let Some(&(_, v)) = values.iter().find(|x| x.0 == from) {
        values.retain(|x| x.0 != var);
        values.push((var, v));
    }
}

/// What the variables' constants say `atom` evaluates to (`if (locked)` after
/// `locked = false`), when it tests a plain variable.
pub(crate) fn value_truth(
    f: &Function,
    values: &[(VarId, ReturnValue)],
    atom: AtomId,
) -> Option<bool> {
    let var = f.atom_var.get(atom as usize).copied().flatten()?;
    values
        .iter()
        .find(|x| x.0 == var)
        .and_then(|x| truth_of(x.1))
}

/// The truth of a constant of this class used as a condition.
pub(crate) fn truth_of(v: ReturnValue) -> Option<bool> {
    match v {
        ReturnValue::Zero | ReturnValue::ErrorPointer => Some(false),
        ReturnValue::One | ReturnValue::Error | ReturnValue::NonNull => Some(true),
        ReturnValue::Void | ReturnValue::Other => None,
    }
}

impl State {
    /// Releases the held lock at `p` here: its class was last released at `span`.
    fn release_at(&mut self, p: usize, span: Span) -> Held {
        let h = self.held.remove(p);
        self.note_released(h.class, span);
        h
    }

    /// `class` was last released at `span` on this path.
    fn note_released(&mut self, class: ClassId, span: Span) {
        self.released.retain(|r| r.0 != class);
        self.released.push((class, span));
    }

    /// `h`, held from here where `atom` tests as `success` says, in place of what of its
    /// class pended on that atom before.
    fn pend(&mut self, atom: AtomId, h: Held, success: Success) {
        self.pending.retain(|p| p.0 != atom || p.1.class != h.class);
        self.pending.push((atom, h, success));
    }

    /// Whether this path started holding guarded entry lock `i` (see [`GuardedEntry`]).
    pub fn started_with(&self, i: usize) -> bool {
        self.start & (1 << i) != 0
    }

    /// What this path knows of variable `var`, tested as `atom`: its constant, else the
    /// outcome of a test of it.
    pub fn truth_of(&self, var: VarId, atom: Option<AtomId>) -> Option<bool> {
        self.values
            .iter()
            .find(|x| x.0 == var)
            .and_then(|x| truth_of(x.1))
            .or_else(|| self.facts.iter().find(|x| Some(x.0) == atom).map(|x| x.1))
    }

    /// Equal held and pending locks, whatever the sites, facts and release history.
    fn same_locks(&self, other: &State) -> bool {
        // The same lock taken at different sites stays apart: each acquisition may go with
        // its own facts (Rust's drop flags of two guards of one lock on two paths).
        let held = |a: &Held, b: &Held| {
            a.same_lock(b) && a.mode == b.mode && a.nested == b.nested && a.site == b.site
        };
        self.held.len() == other.held.len()
            && self.start == other.start
            && self.pending.len() == other.pending.len()
            && self.ctx.counts() == other.ctx.counts()
            && self.held.iter().zip(&other.held).all(|(a, b)| held(a, b))
            && self
                .pending
                .iter()
                .zip(&other.pending)
                .all(|(a, b)| a.0 == b.0 && a.2 == b.2 && held(&a.1, &b.1))
    }

    /// Records what this path now knows of `atom`, unless it knew already; facts stay
    /// sorted, so that equal knowledge compares equal.
    fn learn(&mut self, atom: AtomId, truth: bool) {
        if !self.facts.iter().any(|x| x.0 == atom) {
            self.facts.push((atom, truth));
            self.facts.sort_unstable();
        }
    }

    /// The same branch facts and variable values.
    fn same_knowledge(&self, other: &State) -> bool {
        self.facts == other.facts
            && self.values.len() == other.values.len()
            && self.values.iter().all(|v| other.values.contains(v))
    }

    /// How many branch facts and variable values the two have in common.
    fn shared_knowledge(&self, other: &State) -> usize {
        self.facts
            .iter()
            .filter(|f| other.facts.contains(f))
            .count()
            + self
                .values
                .iter()
                .filter(|v| other.values.contains(v))
                .count()
    }

    /// Merges `other` (same lock part) into `self`; true if `self` changed.
    fn merge(&mut self, other: &State) -> bool {
        let before = (self.facts.len(), self.released.len(), self.values.len());
        self.facts.retain(|f| other.facts.contains(f));
        self.values.retain(|v| other.values.contains(v));
        for r in &other.released {
            if !self.released.iter().any(|x| x.0 == r.0) {
                self.released.push(*r);
            }
        }
        before != (self.facts.len(), self.released.len(), self.values.len())
    }
}

/// What an analysis wants to see of the paths: the state before each event, and the state
/// at each return.
pub trait Observer {
    fn event(&mut self, state: &State, event: &Event);
    /// A summarised call, before its effect on the state.
    fn summary_call(
        &mut self,
        _state: &State,
        _summary: &FunctionSummary,
        _span: Span,
        _args: &[u32],
    ) {
    }
    /// `atom` is the returned value's, when the function returns a variable or a call.
    fn ret(&mut self, _state: &State, _span: Span, _value: ReturnValue, _atom: Option<AtomId>) {}
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataflowStats {
    pub state_cap_hits: u64,
    pub over_budget: bool,
}

/// Follows every path of `f` from a state holding `entry`, and each guarded entry
/// lock where its test says so.
#[allow(clippy::too_many_arguments)]
pub fn run(
    f: &Function,
    entry: Vec<Held>,
    guarded: &[GuardedEntry],
    class_of: &dyn Fn(LockId) -> ClassId,
    arg_lock: &dyn Fn(u32) -> Option<LockId>,
    arg_truth: &dyn Fn(u32) -> Option<bool>,
    arg_param: &dyn Fn(u32) -> Option<u8>,
    effects: CallEffects,
    observer: &mut dyn Observer,
) -> DataflowStats {
    let mut stats = DataflowStats::default();
    if f.blocks.is_empty() {
        return stats;
    }
    // Only atoms tested more than once are worth remembering.
    let mut tests = vec![0u32; f.atom_vars.len()];
    for b in &f.blocks {
        match b.terminator {
            Terminator::Branch { atom, .. }
            | Terminator::Return {
                atom: Some(atom), ..
            } => tests[atom as usize] += 1,
            _ => {}
        }
    }
    // A variable compared with constants in two places (two `switch (mode)`, a `case` and
    // an `if (mode == ...)`): every outcome of its tests is worth remembering.
    let repeated: Vec<VarId> = f
        .atom_groups()
        .filter(|&(a, _)| tests.get(a as usize).is_some_and(|&n| n > 1))
        .map(|(_, v)| v)
        .collect();
    for (a, v) in f.atom_groups() {
        if repeated.contains(&v) {
            if let Some(n) = tests.get_mut(a as usize) {
                *n = (*n).max(2);
            }
        }
    }
    // So are tests of a parameter: they say what the caller passed, which guards the
    // locks taken below them.
    for (atom, var) in f.atom_var.iter().enumerate() {
        if var.is_some_and(|v| f.var_params.iter().any(|p| p.0 == v)) {
            tests[atom] += 2;
        }
    }
    // Likewise its tests against named constants, where the function never writes it
    // (`flags |= MPOL_MF_DISCONTIG_OK` makes them its own).
    let mut constant_tests = f.constant_tests().peekable();
    if constant_tests.peek().is_some() {
        let assigned = assigned_vars(f);
        for (atom, var, ..) in constant_tests {
            if let Some(n) = tests
                .get_mut(atom as usize)
                .filter(|_| !assigned.contains(&var))
            {
                *n += 2;
            }
        }
    }
    // And tests of bits of a result that tell whether the call dropped a lock.
    for (atom, ..) in f.bit_tests() {
        if let Some(n) = tests.get_mut(atom as usize) {
            *n += 2;
        }
    }
    // Variables copied into others (`ret = key`): what is known of them is worth keeping.
    let mut copied: Vec<VarId> = f
        .blocks
        .iter()
        .flat_map(|b| &b.events)
        .filter_map(|e| match e {
            Event::Copy { from, .. } => Some(*from),
            _ => None,
        })
        .collect();
    copied.sort_unstable();
    copied.dedup();
    // A lock held on entry through a pointer variable (`if (pvmw->ptl)
    // spin_unlock(pvmw->ptl);`): the pointer is not NULL.
    let mut facts: Vec<(AtomId, bool)> = entry
        .iter()
        .filter(|h| h.lock != VIA_CALL)
        .flat_map(|h| f.non_null_atoms(h.lock))
        .map(|a| (a, true))
        .collect();
    facts.sort_unstable();
    facts.dedup();
    let base = State {
        held: entry,
        facts,
        ..State::default()
    };
    let guarded = &guarded[..guarded.len().min(MAX_GUARDED_ENTRIES)];
    let mut seen: Vec<Vec<State>> = vec![Vec::new(); f.blocks.len()];
    let mut work: VecDeque<(usize, State)> = VecDeque::new();
    for start in 0..1u8 << guarded.len() {
        let mut s = base.clone();
        s.start = start;
        let mut consistent = true;
        for (i, g) in guarded.iter().enumerate() {
            let holds = s.started_with(i);
            let truth = if holds { g.truth } else { !g.truth };
            if s.facts.iter().any(|&(a, v)| a == g.atom && v != truth) {
                consistent = false;
            }
            s.learn(g.atom, truth);
            if holds && !s.held.iter().any(|h| h.class == g.held.class) {
                s.held.push(g.held.clone());
            }
        }
        if consistent {
            seen[0].push(s.clone());
            work.push_back((0, s));
        }
    }
    let mut steps = 0;
    while let Some((b, mut state)) = work.pop_front() {
        steps += 1;
        if steps > MAX_STEPS_PER_FUNCTION {
            stats.over_budget = true;
            break;
        }
        let block = &f.blocks[b];
        // Guarded entry locks whose flag the next call is passed (see `flag_held`).
        let mut flag_after_call: Vec<(AtomId, ClassId, Success)> = Vec::new();
        for event in &block.events {
            if state.blocked {
                break;
            }
            observer.event(&state, event);
            if !matches!(event, Event::Call { .. } | Event::Assign { .. }) {
                flag_after_call.clear();
            }
            if let Event::Call {
                call,
                span,
                result,
                args,
            } = event
            {
                if let Some(summary) = effects(call) {
                    let args = f.args(*args);
                    observer.summary_call(&state, summary, *span, args);
                    let call = SummarisedCall {
                        span: *span,
                        result: *result,
                        args,
                        arg_truth,
                        arg_param,
                    };
                    apply_summary(&mut state, summary, &call, f, class_of, arg_lock);
                    // `return not_found(pvmw);` where not_found() always returns false.
                    let known = match summary.constant_return {
                        Some(ReturnValue::Zero) => Some(false),
                        Some(ReturnValue::Error) => Some(true),
                        _ => None,
                    };
                    if let (Some(atom), Some(truth)) = (*result, known) {
                        state.learn(atom, truth);
                    }
                }
                for (atom, class, success) in flag_after_call.drain(..) {
                    if let Some(p) = state.held.iter().rposition(|h| h.class == class) {
                        let h = state.held.remove(p);
                        state.pending.push((atom, h, success));
                    }
                }
                hand_off_semaphores(&mut state, f.args(*args), call, *span, effects);
                continue;
            }
            // `__get_user_pages(..., locked)`: a callee passed the flag of a lock held on
            // entry where `*locked` says so may drop the lock and say so in the flag (deep
            // in a fault handler, where no summary shows it). After the call the lock is
            // held where the flag says; during it, it is held.
            if let Event::Assign { var, value: None } = event {
                let (kept, to_flag) = flag_held(&mut state, f, guarded, *var);
                apply(&mut state, event, f, &copied, class_of);
                state.pending.extend(kept);
                flag_after_call.extend(to_flag);
                continue;
            }
            apply(&mut state, event, f, &copied, class_of);
        }
        if state.blocked {
            continue;
        }
        let mut push = |target: u32, s: State, work: &mut VecDeque<(usize, State)>| {
            let entries = &mut seen[target as usize];
            // Paths that know different things stay apart too, a few per lock state: the
            // lock taken under `a || b` is released under the same test only if the path
            // through `a` and the one through `b` are both remembered.
            let mut alike = 0;
            let mut found = None;
            for (i, e) in entries.iter().enumerate() {
                if e.same_locks(&s) {
                    alike += 1;
                    if e.same_knowledge(&s) {
                        found = Some(i);
                        break;
                    }
                }
            }
            if found.is_none()
                && (alike >= MAX_SPLITS_PER_LOCK_STATE || entries.len() >= MAX_STATES_PER_BLOCK)
            {
                // Out of room: forget what tells them apart rather than the path, merging
                // into the state that knows most of what this one does.
                found = entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.same_locks(&s))
                    .max_by_key(|(i, e)| (e.shared_knowledge(&s), std::cmp::Reverse(*i)))
                    .map(|(i, _)| i);
                if found.is_none() {
                    stats.state_cap_hits += 1;
                    return;
                }
            }
            if let Some(i) = found {
                let e = &mut entries[i];
                if e.merge(&s) {
                    work.push_back((target as usize, e.clone()));
                }
                return;
            }
            entries.push(s.clone());
            work.push_back((target as usize, s));
        };
        match &block.terminator {
            Terminator::Goto(t) => push(*t, state, &mut work),
            Terminator::Fork(ts) => {
                for t in ts {
                    push(*t, state.clone(), &mut work);
                }
            }
            Terminator::Branch {
                atom,
                then,
                otherwise,
            } => {
                for (target, truth) in [(*then, true), (*otherwise, false)] {
                    if let Some(s) = assume(&state, f, *atom, truth, tests[*atom as usize] > 1) {
                        push(target, s, &mut work);
                    }
                }
            }
            Terminator::Return {
                span,
                value,
                atom,
                pointer,
            } => {
                // `if (ret) goto out; ... out: return ret;` returns an error on that path.
                let known = atom
                    .and_then(|a| state.facts.iter().find(|f| f.0 == a))
                    .map(|f| f.1);
                // `ret = -EBUSY; goto out; ... out: return ret;`
                let constant = atom
                    .and_then(|a| f.atom_var.get(a as usize).copied().flatten())
                    .and_then(|v| state.values.iter().find(|x| x.0 == v))
                    .map(|x| x.1);
                let value = match (value, constant, known) {
                    (ReturnValue::Other, Some(ReturnValue::ErrorPointer), _) => ReturnValue::Error,
                    (ReturnValue::Other, Some(c), _) => c,
                    (ReturnValue::Other, None, Some(true)) if !pointer => ReturnValue::Error,
                    (ReturnValue::Other, None, Some(false)) => ReturnValue::Zero,
                    _ => *value,
                };
                observer.ret(&state, *span, value, *atom)
            }
            Terminator::Unreachable => {}
        }
    }
    stats
}

/// Before `var`, a guarded entry lock's flag, is written by the call that follows: the
/// lock already pending on the flag stays pending on its new value (taken out here, since
/// the write forgets what pends on the old one), and a held one becomes pending once the
/// call is made (returned as the flag's atom, the class and the polarity).
#[allow(clippy::type_complexity)]
fn flag_held(
    state: &mut State,
    f: &Function,
    guarded: &[GuardedEntry],
    var: VarId,
) -> (
    Vec<(AtomId, Held, Success)>,
    Vec<(AtomId, ClassId, Success)>,
) {
    let (mut kept, mut to_flag) = (Vec::new(), Vec::new());
    // Only a flag the caller passes by address (`*locked`): writing a parameter's own
    // value drops nothing.
    if !f.pointees().any(|(v, _)| v == var) {
        return (kept, to_flag);
    }
    for g in guarded {
        if f.atom_var.get(g.atom as usize).copied().flatten() != Some(var) {
            continue;
        }
        let success = Success::held_where(g.truth);
        if state.held.iter().any(|h| h.class == g.held.class) {
            to_flag.push((g.atom, g.held.class, success));
        } else if let Some(p) = state
            .pending
            .iter()
            .position(|p| p.0 == g.atom && p.1.class == g.held.class)
        {
            kept.push(state.pending.remove(p));
        }
    }
    (kept, to_flag)
}

/// The variables the function writes (a parameter's writes are kept in the IR).
pub(crate) fn assigned_vars(f: &Function) -> HashSet<VarId> {
    f.blocks
        .iter()
        .flat_map(|b| &b.events)
        .filter_map(|e| match e {
            Event::Assign { var, .. } => Some(*var),
            _ => None,
        })
        .collect()
}

/// The state on the edge where `atom` evaluated to `truth`, or `None` if that edge
/// contradicts what this path already knows.
pub(crate) fn assume(
    state: &State,
    f: &Function,
    atom: AtomId,
    truth: bool,
    remember: bool,
) -> Option<State> {
    if state.facts.iter().any(|&(a, v)| a == atom && v != truth) {
        return None;
    }
    // `mode == A` known true: `mode == B` is false.
    if truth {
        if let Some((_, var)) = f.atom_groups().find(|g| g.0 == atom) {
            let other_holds = state
                .facts
                .iter()
                .any(|&(a, v)| v && a != atom && f.atom_groups().any(|g| g.0 == a && g.1 == var));
            if other_holds {
                return None;
            }
        }
    }
    // `if (locked)` where this path set `locked = false`.
    if value_truth(f, &state.values, atom).is_some_and(|k| k != truth) {
        return None;
    }
    let mut s = state.clone();
    if remember {
        s.learn(atom, truth);
    }
    let mut i = 0;
    while i < s.pending.len() {
        if s.pending[i].0 == atom {
            let (_, held, success) = s.pending.remove(i);
            // The same acquisition pending on another witness (a call's result and the
            // pointer it wrote): that one now tests as this one did.
            let held_here = success.held_when(truth);
            while let Some(j) = s
                .pending
                .iter()
                .position(|p| p.0 != atom && p.1.site == held.site && p.1.class == held.class)
            {
                let (twin, _, twin_success) = s.pending.remove(j);
                let twin_truth = twin_success.held_when(true) == held_here;
                if s.facts.iter().any(|&(a, v)| a == twin && v != twin_truth) {
                    return None;
                }
                s.learn(twin, twin_truth);
                if j < i {
                    i -= 1;
                }
            }
            let again = s.held.iter().any(|h| h.same_lock(&held));
            // A trylock of an owned lock this path already holds fails: its success edge
            // cannot be taken (Rust's `if let Ok(g) = m.try_lock()` under `m`'s guard).
            if success.held_when(truth)
                && again
                && !held.nested
                && held.kind.has_owner()
                && held.lock != VIA_CALL
                && held.mode == Mode::Exclusive
            {
                return None;
            }
            // What the callee wrote through the pointer: not NULL where it left the lock
            // held, else what the caller had there (NULL, as callers of such helpers
            // start). A value, unlike a fact, survives the merge with paths that never
            // made the call.
            if let Some(var) = held.witness {
                let value = if held_here {
                    ReturnValue::NonNull
                } else {
                    ReturnValue::Zero
                };
                assign_value(&mut s.values, var, Some(value));
            }
            if success.held_when(truth) {
                // Decided by a test of the variable the call's result went to (`right =
                // alloc_locked(...); if (IS_ERR(right))`): the lock is reached through it.
                let mut held = held;
                if held.owner.is_none() {
                    held.owner = f.atom_var.get(atom as usize).copied().flatten();
                }
                if !again {
                    s.held.push(held);
                } else if held.mode == Mode::Shared
                    && s.held.iter().filter(|h| h.same_lock(&held)).count() == 1
                {
                    // A second reader got in: its copy pairs with its own release.
                    let mut h = held;
                    h.again = true;
                    s.held.push(h);
                }
            }
        } else {
            i += 1;
        }
    }
    // A lock a call dropped where bits of its result are set, pending on a test of
    // those bits, is decided by tests of others: `fault & VM_FAULT_COMPLETED` set means
    // `fault & (VM_FAULT_RETRY | VM_FAULT_COMPLETED)` is true; that clear and `fault &
    // VM_FAULT_RETRY` clear too, false.
    if let Some((pending, truth)) = decided_bit_test(&s, f, atom, truth) {
        return assume(&s, f, pending, truth, true);
    }
    Some(s)
}

/// A pending lock's test of bits that `atom` evaluating to `truth` decides, with its
/// outcome (see [`Event::ReleaseOnResult`]).
fn decided_bit_test(
    state: &State,
    f: &Function,
    atom: AtomId,
    truth: bool,
) -> Option<(AtomId, bool)> {
    let (var, bits) = f.bit_test(atom)?;
    let mut clear = if truth { 0 } else { bits };
    for (a, v, b) in f.bit_tests() {
        if v == var && state.facts.contains(&(a, false)) {
            clear |= b;
        }
    }
    state.pending.iter().find_map(|p| {
        let (v, wanted) = f.bit_test(p.0).filter(|_| p.0 != atom)?;
        if v != var {
            None
        } else if truth && bits & !wanted == 0 {
            Some((p.0, true))
        } else if clear & wanted == wanted {
            Some((p.0, false))
        } else {
            None
        }
    })
}

/// A lock a call may have dropped, pending on bits of its result not yet tested, that a
/// release of `lock` says was still held (the code's own reading of those bits).
pub fn result_pending_index(
    state: &State,
    f: &Function,
    lock: LockId,
    class: ClassId,
) -> Option<usize> {
    state
        .pending
        .iter()
        .position(|p| f.bit_test(p.0).is_some() && (p.1.lock == lock || p.1.class == class))
}

/// The held lock a release of `lock` drops: the same expression, else the same class.
pub fn released_index(state: &State, lock: LockId, class: ClassId) -> Option<usize> {
    state
        .held
        .iter()
        .rposition(|h| h.lock == lock)
        .or_else(|| state.held.iter().rposition(|h| h.class == class))
}

fn held_of(acq: &lockorder_ir::Acquire, class: ClassId, site: Span) -> Held {
    Held {
        lock: acq.lock,
        class,
        kind: acq.kind,
        mode: acq.mode,
        nested: acq.nested,
        irq: acq.irq,
        site,
        on_entry: false,
        again: false,
        handle: None,
        witness: None,
        owner: None,
        handed: None,
    }
}

/// `closure_return_with_destructor(cl, foo_write_unlock)`: a semaphore held here and
/// released by a function the call is handed (a completion callback, a closure's
/// destructor) is released when that runs, not by this function. Semaphores only: they
/// have no owner, and only they may be released from another context.
fn hand_off_semaphores(
    state: &mut State,
    args: &[u32],
    call: &lockorder_ir::Call,
    span: Span,
    effects: CallEffects,
) {
    if call.indirect || !state.held.iter().any(|h| h.kind == LockKind::Semaphore) {
        return;
    }
    for &arg in args.iter().filter(|&&a| a != lockorder_ir::NO_ARG) {
        let named = lockorder_ir::Call {
            callee: arg,
            indirect: false,
        };
        let Some(callback) = effects(&named) else {
            continue;
        };
        let handed =
            |h: &Held| h.kind == LockKind::Semaphore && callback.releases.contains(&h.class);
        while let Some(p) = state.held.iter().position(handed) {
            state.release_at(p, span);
        }
    }
}

/// A call whose callee has a summary, as the caller makes it.
struct SummarisedCall<'a> {
    span: Span,
    /// The atom its result feeds.
    result: Option<AtomId>,
    /// Its arguments' texts, as in [`Function::call_args`].
    args: &'a [u32],
    /// The truth of an argument that is a constant (`true`, `NULL`, `0`).
    arg_truth: &'a dyn Fn(u32) -> Option<bool>,
    /// The parameter of the caller an argument is a path from (`path`, `&path->nodes[0]`).
    arg_param: &'a dyn Fn(u32) -> Option<u8>,
}

/// A summarised call: the caller's locks the callee releases, then those it leaves held
/// (conditionally on its result where it returns them held only on success). A lock the
/// callee knows only by its address is the one the caller names by the variable the result
/// goes to, or by the argument it passes.
fn apply_summary(
    state: &mut State,
    summary: &FunctionSummary,
    call: &SummarisedCall,
    f: &Function,
    class_of: &dyn Fn(LockId) -> ClassId,
    arg_lock: &dyn Fn(u32) -> Option<LockId>,
) {
    let span = call.span;
    let release = |state: &mut State, p: usize| state.release_at(p, span);
    for &class in &summary.releases {
        if let Some(p) = state.held.iter().rposition(|h| h.class == class) {
            release(state, p);
        }
    }
    // `helper(mm, &locked); if (!locked) ...` where the helper drops the caller's lock
    // exactly where it writes that through its parameter: held from here only where the
    // variable says so. Before the result's test, which a caller keeping a flag ignores.
    for &(class, param, truth) in &summary.releases_with_flag {
        let Some((_, atom)) = call.args.get(param as usize).and_then(|&a| f.address_of(a)) else {
            continue;
        };
        if let Some(p) = state.held.iter().rposition(|h| h.class == class) {
            // Released on the paths the flag will tell apart: a release before the test
            // may be the second.
            let h = release(state, p);
            let success = Success::held_where(!truth);
            state.pending.push((atom, h, success));
        }
    }
    // `netlink_dump(sk, true)`: entered holding the lock where that argument says so, the
    // callee releases it.
    for &(class, param, truth) in &summary.releases_guarded {
        let passed = call
            .args
            .get(param as usize)
            .and_then(|&a| (call.arg_truth)(a));
        if passed == Some(truth) {
            if let Some(p) = state.held.iter().rposition(|h| h.class == class) {
                release(state, p);
            }
        }
    }
    // `ret = helper(dev); if (ret) return ret;` where the helper drops the caller's lock
    // when it fails: held from here only where the result says it succeeded.
    if let Some(atom) = call.result {
        for &(class, success) in &summary.releases_on_failure {
            if let Some(p) = state.held.iter().rposition(|h| h.class == class) {
                let h = state.held.remove(p);
                state.pending.push((atom, h, success));
            }
        }
    }
    for &i in &summary.release_params {
        let lock = bound_lock(f, LockHandle::Param(i), None, call.args, arg_lock);
        if let Some(p) = lock.and_then(|l| released_index(state, l, class_of(l))) {
            release(state, p);
        }
    }
    let held = |l: &crate::summary::SummaryLock| {
        let mut h = Held {
            lock: VIA_CALL,
            class: l.class,
            kind: l.kind,
            mode: l.mode,
            nested: false,
            irq: l.irq,
            site: span,
            on_entry: false,
            again: false,
            handle: None,
            witness: None,
            owner: None,
            handed: None,
        };
        let named = bound_lock(f, l.handle, call.result, call.args, arg_lock);
        // A lock nobody here can name (the result thrown away, an argument that is no
        // plain path) is left untracked.
        match l.handle {
            LockHandle::Class => return Some(h),
            LockHandle::Returned => h.handle = Some(call.result?),
            LockHandle::Param(_) => {
                named?;
            }
        }
        if let Some(lock) = named {
            h.lock = lock;
            h.class = class_of(lock);
        }
        Some(h)
    };
    // A lock the callee stored where its parameter leads, and this call passes one of this
    // function's parameters (or a path from one) for it: stored where this function's
    // caller reaches it in turn.
    let handed_to = |class: ClassId| {
        let &(_, p) = summary.handed.iter().find(|x| x.0 == class)?;
        (call.arg_param)(*call.args.get(p as usize)?)
    };
    let held = |l: &crate::summary::SummaryLock| {
        held(l).map(|mut h| {
            h.handed = handed_to(l.class);
            h
        })
    };
    for l in &summary.acquires {
        let Some(h) = held(l) else { continue };
        if !state.held.iter().any(|x| x.class == h.class) {
            state.held.push(h);
        }
    }
    if let Some(atom) = call.result {
        for (l, success) in &summary.cond_acquires {
            let Some(h) = held(l) else { continue };
            state.pend(atom, h, *success);
        }
    }
    // `req = find(ctx, &bucket); ... if (bucket) spin_unlock(&bucket->lock);`: the lock
    // pends on the variable too. Both entries are one acquisition (the same site), so the
    // first test of either tells the other (see `assume`). A variable nothing tests is
    // still the lock's witness: not NULL where the result says the lock is held, so
    // `*ret = orphan_dir;` hands the lock on in its turn.
    for (l, param, truth) in &summary.acquires_with_flag {
        let Some(var) = call
            .args
            .get(*param as usize)
            .and_then(|&a| f.address_var(a))
        else {
            continue;
        };
        let Some(mut h) = held(l) else { continue };
        if *truth {
            h.witness = Some(var);
            for p in state.pending.iter_mut() {
                if p.1.site == h.site && p.1.class == h.class {
                    p.1.witness = Some(var);
                }
            }
        }
        let Some(atom) = f.atom_testing(var) else {
            continue;
        };
        state.pend(atom, h, Success::held_where(*truth));
    }
}

/// The lock of `f` that a callee's lock known only by its address is at a call: the one
/// the variable the result goes to names (`ptl = pmd_lock(mm, pmd)`), or the argument
/// passed for the parameter (`migration_entry_wait_on_locked(entry, ptl)`). `None` for a
/// lock known by its class, or one nothing here names.
pub fn bound_lock(
    f: &Function,
    handle: LockHandle,
    result: Option<AtomId>,
    args: &[u32],
    arg_lock: &dyn Fn(u32) -> Option<LockId>,
) -> Option<LockId> {
    match handle {
        LockHandle::Class => None,
        LockHandle::Returned => f.lock_named_by(result?),
        LockHandle::Param(i) => arg_lock(*args.get(i as usize)?),
    }
}

fn apply(
    state: &mut State,
    event: &Event,
    f: &Function,
    copied: &[VarId],
    class_of: &dyn Fn(LockId) -> ClassId,
) {
    match event {
        Event::Acquire { acq, span } => {
            // `spin_lock(root_lock)`, `mutex_lock(&res->lock)`: the pointer is not NULL
            // (`if (root_lock) spin_unlock(root_lock);` later releases it).
            for atom in f.non_null_atoms(acq.lock) {
                state.learn(atom, true);
            }
            // Nor is a copy of it (`spin_lock(&key->lock); ... ret = key;`).
            for v in f.non_null_vars(acq.lock) {
                if copied.binary_search(&v).is_ok() && !state.values.iter().any(|x| x.0 == v) {
                    state.values.push((v, ReturnValue::NonNull));
                }
            }
            // A second acquisition of a held lock (a double lock, reported) is kept so that
            // its release pairs with it; a third adds nothing, which bounds loops.
            let held = state.held.iter().filter(|h| h.lock == acq.lock).count();
            if held == 0 {
                state.held.push(held_of(acq, class_of(acq.lock), *span));
            } else if acq.nested && held == 1 {
                // A recursive lock taken again by its holder (a reentrant mutex, a
                // recursive read): the copy pairs with its own release.
                let mut h = held_of(acq, class_of(acq.lock), *span);
                h.again = true;
                state.held.push(h);
            } else if !acq.nested && acq.waits {
                // A second acquisition of a held lock (reported as a double lock). Readers
                // of an rw lock block only behind a waiting writer: count the copy so the
                // releases pair. Anything else blocks forever: the path ends here.
                if acq.mode == Mode::Shared && held == 1 {
                    let mut h = held_of(acq, class_of(acq.lock), *span);
                    h.again = true;
                    state.held.push(h);
                } else {
                    state.blocked = true;
                }
            }
        }
        Event::CondAcquire {
            acq,
            atom,
            success,
            span,
        } => {
            state.pending.retain(|p| p.0 != *atom);
            state
                .pending
                .push((*atom, held_of(acq, class_of(acq.lock), *span), *success));
        }
        Event::Release { lock, span, .. } => {
            let class = class_of(*lock);
            if let Some(p) = released_index(state, *lock, class) {
                state.release_at(p, *span);
            } else if let Some(p) = result_pending_index(state, f, *lock, class) {
                state.pending.remove(p);
                state.note_released(class, *span);
            }
        }
        Event::ReleaseOnResult { lock, atom, .. } => {
            if let Some(p) = released_index(state, *lock, class_of(*lock)) {
                let h = state.held.remove(p);
                state.pend(*atom, h, Success::held_where(false));
            }
        }
        Event::Downgrade { lock, .. } => {
            if let Some(h) = state.held.iter_mut().rev().find(|h| h.lock == *lock) {
                h.mode = Mode::Shared;
            }
        }
        Event::Assign { var, value } => {
            let reads = |a: AtomId| {
                f.atom_vars
                    .get(a as usize)
                    .is_some_and(|vs| vs.contains(var))
            };
            state.facts.retain(|&(a, _)| !reads(a));
            state.pending.retain(|p| !reads(p.0));
            // The variable no longer holds a returned lock's address.
            for h in &mut state.held {
                if h.handle.is_some_and(reads) {
                    h.handle = None;
                }
            }
            // What a pointer parameter points to, written with something unknown: still
            // written (see `pointee_written`), just not known.
            let value = value.or_else(|| {
                f.pointees()
                    .any(|(v, _)| v == *var)
                    .then_some(ReturnValue::Other)
            });
            assign_value(&mut state.values, *var, value);
        }
        Event::Copy { var, from } => copy_value(&mut state.values, *var, *from),
        Event::Deref { var } => dereferenced(&mut state.values, *var),
        Event::HandOff { var, param } => {
            for h in &mut state.held {
                if h.owner == Some(*var)
                    || (h.lock != VIA_CALL && f.non_null_vars(h.lock).any(|v| v == *var))
                {
                    h.handed = Some(*param);
                }
            }
        }
        Event::Context { op, span } => state.ctx.apply(*op, *span),
        Event::Call { .. }
        | Event::AssertHeld { .. }
        | Event::Sleep { .. }
        | Event::Await { .. }
        | Event::WaitFor { .. } => {}
    }
}
