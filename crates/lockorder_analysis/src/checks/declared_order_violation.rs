use std::collections::BTreeSet;

use crate::checks::declare_rule;
use crate::classes::ClassTable;
use crate::finding::{fingerprint, Finding, Severity, Site};
use crate::order_graph::OrderGraph;
use crate::program::Program;

declare_rule! {
    /// ## What it does
    /// Checks the lock order declared in `lockorder.toml` (`order = [["rtnl_mutex",
    /// "struct net_device::lock"]]`, each list outermost first, in displayed class names):
    /// every place that holds a later lock of a list while it waits for an earlier one is
    /// reported, whether or not the opposite order is seen anywhere.
    ///
    /// ## Why is this bad?
    /// A subsystem's documented order is its contract; code that breaks it deadlocks
    /// against code that keeps it, including code outside the checked tree.
    ///
    /// ## Example
    /// ```c
    /// mutex_lock(&dev->lock);
    /// rtnl_lock();        /* declared: rtnl_mutex before struct net_device::lock */
    /// ```
    ///
    /// ## How to fix
    /// Take the locks in the declared order, or fix the declaration.
    pub DECLARED_ORDER_VIOLATION = ("LO008", "declared-order-violation", Severity::Error,
        "two locks taken against the order declared in lockorder.toml")
}

pub fn check(program: &Program, classes: &ClassTable, graph: &OrderGraph, out: &mut Vec<Finding>) {
    let id = |name: &str| (0..classes.len() as u32).find(|&c| classes.name(c) == name);
    for chain in &program.declared_order {
        let ids: Vec<Option<u32>> = chain.iter().map(|n| id(n)).collect();
        for i in 0..chain.len() {
            for j in i + 1..chain.len() {
                let (Some(first), Some(later)) = (ids[i], ids[j]) else {
                    continue;
                };
                let Some(witnesses) = graph.edges.get(&(later, first)) else {
                    continue;
                };
                let mut seen = BTreeSet::new();
                for w in witnesses {
                    if !seen.insert((w.file, w.function)) {
                        continue;
                    }
                    let function = program.files[w.file].facts.functions[w.function]
                        .name
                        .clone();
                    let (a, b) = (&chain[i], &chain[j]);
                    out.push(Finding {
                        code: DECLARED_ORDER_VIOLATION.code,
                        rule: DECLARED_ORDER_VIOLATION.name,
                        severity: DECLARED_ORDER_VIOLATION.default_severity,
                        message: format!(
                            "`{a}` acquired while `{b}` is held, against the declared order"
                        ),
                        primary: Site {
                            span: w.to_site,
                            function: Some(function.clone()),
                            message: format!("`{a}` acquired here"),
                        },
                        related: vec![Site {
                            span: w.from_site,
                            function: Some(function.clone()),
                            message: format!("`{b}` acquired first here"),
                        }],
                        locks: vec![b.clone(), a.clone()],
                        notes: vec![format!("lockorder.toml declares `{a}` before `{b}`")],
                        chains: Vec::new(),
                        help: Some(format!("acquire `{a}` before `{b}` in `{function}`")),
                        suggestion: None,
                        fingerprint: fingerprint(&[
                            DECLARED_ORDER_VIOLATION.code,
                            &program.files[w.file].rel_path,
                            &function,
                            a,
                            b,
                        ]),
                    });
                }
            }
        }
    }
}
