//! The program-wide lock-order graph: an edge A → B wherever B is waited for while A is
//! held, with every witness function kept.

use std::collections::BTreeMap;

use lockorder_ir::Span;

use crate::classes::ClassId;
use crate::summary::Chain;

/// An order edge seen in one function.
#[derive(Clone, Debug)]
pub struct LocalEdge {
    pub from: ClassId,
    pub to: ClassId,
    pub from_site: Span,
    pub to_site: Span,
    /// When `to` is taken below the call at `to_site`: the path down to it.
    pub chain: Option<Chain>,
}

/// One function that takes `from` then `to`.
#[derive(Clone, Debug)]
pub struct Witness {
    pub file: usize,
    pub function: usize,
    pub from_site: Span,
    pub to_site: Span,
    pub chain: Option<Chain>,
}

#[derive(Default)]
pub struct OrderGraph {
    /// Ordered, so iteration (and so output) is deterministic.
    pub edges: BTreeMap<(ClassId, ClassId), Vec<Witness>>,
}

impl OrderGraph {
    pub fn add(&mut self, file: usize, function: usize, e: LocalEdge) {
        self.edges.entry((e.from, e.to)).or_default().push(Witness {
            file,
            function,
            from_site: e.from_site,
            to_site: e.to_site,
            chain: e.chain,
        });
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }
}
