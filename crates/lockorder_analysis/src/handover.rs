//! Locks a function returns held for its callers to release. A function that returns a
//! lock held on some paths and released on others looks like a leak (LO003) unless its
//! return values say which paths hold it; where a caller releases the lock after the call,
//! returning it held is the function's contract with that caller (`reserve_space()`
//! returns 0 with the journal head locked, and the writer calls `release_head()`).

use lockorder_ir::{Event, Span};

use crate::checks::unreleased_lock::UNRELEASED_LOCK;
use crate::classes::{ClassId, ClassTable};
use crate::dataflow::VIA_CALL;
use crate::finding::Finding;
use crate::function_pass::FunctionResult;
use crate::program::Program;
use crate::summary::CallResolver;

/// What the analysed functions showed of locks handed from callee to caller.
#[derive(Default)]
pub struct Handovers {
    /// `(unit, class)`: a caller releases the lock after the unit returned it held.
    released: Vec<(usize, ClassId)>,
    /// `(unit, class, callee unit)`: the unit returns held a lock the callee returned held
    /// (`make_reservation()` keeps what `reserve_space()` took).
    passed_on: Vec<(usize, ClassId, usize)>,
}

impl Handovers {
    /// Notes what unit `u`, function `(fi, fj)`, does with the locks its callees return.
    pub fn record(
        &mut self,
        program: &Program,
        resolver: &CallResolver,
        offsets: &[usize],
        (u, (fi, fj)): (usize, (usize, usize)),
        r: &FunctionResult,
    ) {
        let callees = |span: Span| {
            program.files[fi].facts.functions[fj]
                .blocks
                .iter()
                .flat_map(|b| &b.events)
                .filter_map(move |e| match e {
                    Event::Call { call, span: s, .. } if *s == span => Some(call),
                    _ => None,
                })
                .flat_map(move |call| resolver.targets(fi, call))
                .map(|t| offsets[t.0] + t.1)
        };
        for &(span, class) in &r.released_from_calls {
            self.released.extend(callees(span).map(|t| (t, class)));
        }
        for h in r.returns.iter().flat_map(|ret| &ret.held) {
            if h.lock == VIA_CALL {
                self.passed_on
                    .extend(callees(h.site).map(|t| (u, h.class, t)));
            }
        }
    }

    /// Drops the LO003 findings of functions whose lock a caller releases, directly or
    /// through callers that pass it on.
    pub fn drop_handed_over(mut self, classes: &ClassTable, local_findings: &mut [Vec<Finding>]) {
        let released = &mut self.released;
        released.sort_unstable();
        released.dedup();
        self.passed_on.sort_unstable();
        self.passed_on.dedup();
        let mut work = released.clone();
        while let Some((u, class)) = work.pop() {
            let from = self.passed_on.partition_point(|p| (p.0, p.1) < (u, class));
            let to = self.passed_on.partition_point(|p| (p.0, p.1) <= (u, class));
            for &(_, _, callee) in &self.passed_on[from..to] {
                if let Err(i) = released.binary_search(&(callee, class)) {
                    released.insert(i, (callee, class));
                    work.push((callee, class));
                }
            }
        }
        for &(u, class) in released.iter() {
            let name = classes.name(class);
            local_findings[u].retain(|f| {
                f.code != UNRELEASED_LOCK.code || f.locks.first().is_none_or(|l| **l != *name)
            });
        }
    }
}
