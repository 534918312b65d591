//! The held-lock dataflow: every path of a function's CFG is followed with a state of held
//! locks, pending conditional acquisitions and known branch outcomes. Distinct states are
//! kept apart (path sensitivity), up to a bound per program point.

use std::collections::{HashSet, VecDeque};

use lockorder_ir::{AtomId, Event, Function, LockId, LockKind, Mode, Span, Success, Terminator};

use crate::classes::{ClassId, ClassTable};
use crate::order_graph::LocalEdge;
use crate::program::{FunctionResult, Program};

/// Distinct states kept per block entry; more are dropped (and counted).
const MAX_STATES_PER_BLOCK: usize = 32;
/// (block, state) pairs one function may process before it is cut short.
const MAX_STEPS_PER_FUNCTION: usize = 50_000;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Held {
    pub lock: LockId,
    pub class: ClassId,
    pub kind: LockKind,
    pub mode: Mode,
    pub nested: bool,
    pub site: Span,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct State {
    /// In acquisition order.
    pub held: Vec<Held>,
    /// Conditional acquisitions not yet decided by a branch on their atom.
    pub pending: Vec<(AtomId, Held, Success)>,
    /// Outcomes of branches taken on atoms tested more than once.
    pub facts: Vec<(AtomId, bool)>,
}

#[derive(Clone, Debug, Default)]
pub struct DataflowStats {
    pub state_cap_hits: u64,
    pub over_budget: bool,
}

pub fn analyse_function(
    program: &Program,
    classes: &ClassTable,
    fi: usize,
    fj: usize,
) -> FunctionResult {
    let f = &program.files[fi].facts.functions[fj];
    let mut edges = Vec::new();
    let mut seen_edges = HashSet::new();
    let stats = run(
        f,
        |lock| classes.class_of(fi, lock),
        |state, event| {
            // Waiting for a lock while holding another orders the two.
            let acq = match event {
                Event::Acquire { acq, span } if acq.waits => Some((acq, *span)),
                Event::CondAcquire { acq, span, .. } if acq.waits => Some((acq, *span)),
                _ => None,
            };
            if let Some((acq, span)) = acq {
                let class = classes.class_of(fi, acq.lock);
                for h in &state.held {
                    if h.class != class && seen_edges.insert((h.class, class)) {
                        edges.push(LocalEdge {
                            from: h.class,
                            to: class,
                            from_site: h.site,
                            to_site: span,
                        });
                    }
                }
            }
        },
    );
    FunctionResult { edges, stats }
}

/// Follows every path of `f`, calling `observe` with the state before each event.
pub fn run(
    f: &Function,
    class_of: impl Fn(LockId) -> ClassId,
    mut observe: impl FnMut(&State, &Event),
) -> DataflowStats {
    let mut stats = DataflowStats::default();
    if f.blocks.is_empty() {
        return stats;
    }
    // Only atoms tested more than once are worth remembering.
    let mut tests = vec![0u32; f.atom_vars.len()];
    for b in &f.blocks {
        if let Terminator::Branch { atom, .. } = b.terminator {
            tests[atom as usize] += 1;
        }
    }
    let mut seen: Vec<HashSet<State>> = vec![HashSet::new(); f.blocks.len()];
    let mut work: VecDeque<(usize, State)> = VecDeque::new();
    seen[0].insert(State::default());
    work.push_back((0, State::default()));
    let mut steps = 0;
    while let Some((b, mut state)) = work.pop_front() {
        steps += 1;
        if steps > MAX_STEPS_PER_FUNCTION {
            stats.over_budget = true;
            break;
        }
        let block = &f.blocks[b];
        for event in &block.events {
            observe(&state, event);
            apply(&mut state, event, f, &class_of);
        }
        let mut push = |target: u32, s: State, work: &mut VecDeque<(usize, State)>| {
            let t = target as usize;
            if seen[t].contains(&s) {
                return;
            }
            if seen[t].len() >= MAX_STATES_PER_BLOCK {
                stats.state_cap_hits += 1;
                return;
            }
            seen[t].insert(s.clone());
            work.push_back((t, s));
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
                    if let Some(s) = assume(&state, *atom, truth, tests[*atom as usize] > 1) {
                        push(target, s, &mut work);
                    }
                }
            }
            Terminator::Return { .. } | Terminator::Unreachable => {}
        }
    }
    stats
}

/// The state on the edge where `atom` evaluated to `truth`, or `None` if that edge
/// contradicts what this path already knows.
fn assume(state: &State, atom: AtomId, truth: bool, remember: bool) -> Option<State> {
    if state.facts.iter().any(|&(a, v)| a == atom && v != truth) {
        return None;
    }
    let mut s = state.clone();
    if remember && !s.facts.iter().any(|&(a, _)| a == atom) {
        s.facts.push((atom, truth));
        s.facts.sort_unstable();
    }
    let mut i = 0;
    while i < s.pending.len() {
        if s.pending[i].0 == atom {
            let (_, held, success) = s.pending.remove(i);
            if success.held_when(truth) && !s.held.iter().any(|h| h.lock == held.lock) {
                s.held.push(held);
            }
        } else {
            i += 1;
        }
    }
    Some(s)
}

fn apply(state: &mut State, event: &Event, f: &Function, class_of: &impl Fn(LockId) -> ClassId) {
    match event {
        Event::Acquire { acq, span } => {
            if !state.held.iter().any(|h| h.lock == acq.lock) {
                state.held.push(Held {
                    lock: acq.lock,
                    class: class_of(acq.lock),
                    kind: acq.kind,
                    mode: acq.mode,
                    nested: acq.nested,
                    site: *span,
                });
            }
        }
        Event::CondAcquire {
            acq,
            atom,
            success,
            span,
        } => {
            state.pending.retain(|p| p.0 != *atom);
            state.pending.push((
                *atom,
                Held {
                    lock: acq.lock,
                    class: class_of(acq.lock),
                    kind: acq.kind,
                    mode: acq.mode,
                    nested: acq.nested,
                    site: *span,
                },
                *success,
            ));
        }
        Event::Release { lock, .. } => {
            let class = class_of(*lock);
            let pos = state
                .held
                .iter()
                .rposition(|h| h.lock == *lock)
                .or_else(|| state.held.iter().rposition(|h| h.class == class));
            if let Some(p) = pos {
                state.held.remove(p);
            }
        }
        Event::Downgrade { lock, .. } => {
            if let Some(h) = state.held.iter_mut().rev().find(|h| h.lock == *lock) {
                h.mode = Mode::Shared;
            }
        }
        Event::Assign { var } => {
            let reads = |a: AtomId| {
                f.atom_vars
                    .get(a as usize)
                    .is_some_and(|vs| vs.contains(var))
            };
            state.facts.retain(|&(a, _)| !reads(a));
            state.pending.retain(|p| !reads(p.0));
        }
        Event::Call { .. } => {}
    }
}
