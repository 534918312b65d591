use std::time::Instant;

use lockorder_ir::FileFacts;
use rayon::prelude::*;

use crate::checks;
use crate::classes::ClassTable;
use crate::dataflow::DataflowStats;
use crate::finding::Finding;
use crate::order_graph::OrderGraph;

/// A source file as the analysis sees it.
pub struct SourceFile {
    /// Relative to the project root, `/`-separated: used in lock class names and
    /// fingerprints, so both are independent of where the tool runs.
    pub rel_path: String,
    pub facts: FileFacts,
    /// Learned from (`-I`) but never reported on.
    pub learn_only: bool,
}

/// The whole program: files in a deterministic (sorted) order; `FileId(i)` is `files[i]`.
pub struct Program {
    pub files: Vec<SourceFile>,
}

#[derive(Clone, Debug, Default)]
pub struct AnalysisStats {
    pub classes: usize,
    pub order_edges: usize,
    pub functions_analysed: usize,
    /// Program points where the per-point state cap was hit.
    pub state_cap_hits: u64,
    pub functions_over_budget: u64,
    pub analysis_ns: u64,
}

pub struct Analysis {
    pub findings: Vec<Finding>,
    pub stats: AnalysisStats,
}

/// Per-function results of the dataflow, merged in file and function order.
pub(crate) struct FunctionResult {
    pub edges: Vec<crate::order_graph::LocalEdge>,
    pub stats: DataflowStats,
}

pub fn analyze(program: &Program) -> Analysis {
    let t0 = Instant::now();
    let classes = ClassTable::build(program);
    let mut graph = OrderGraph::default();
    let mut stats = AnalysisStats::default();

    let units: Vec<(usize, usize)> = program
        .files
        .iter()
        .enumerate()
        .flat_map(|(fi, f)| (0..f.facts.functions.len()).map(move |fj| (fi, fj)))
        .collect();
    let results: Vec<FunctionResult> = units
        .par_iter()
        .map(|&(fi, fj)| crate::dataflow::analyse_function(program, &classes, fi, fj))
        .collect();
    for (&(fi, fj), r) in units.iter().zip(results) {
        stats.state_cap_hits += r.stats.state_cap_hits;
        stats.functions_over_budget += u64::from(r.stats.over_budget);
        for e in r.edges {
            graph.add(fi, fj, e);
        }
    }
    stats.functions_analysed = units.len();
    stats.classes = classes.len();
    stats.order_edges = graph.edge_count();

    let mut findings = Vec::new();
    checks::lock_order_cycle::check(program, &classes, &graph, &mut findings);
    findings.retain(|f| !program.files[f.primary.span.file.0 as usize].learn_only);
    findings.sort_by(|a, b| {
        (
            a.primary.span.file,
            a.primary.span.start,
            a.code,
            &a.message,
        )
            .cmp(&(
                b.primary.span.file,
                b.primary.span.start,
                b.code,
                &b.message,
            ))
    });
    stats.analysis_ns = t0.elapsed().as_nanos() as u64;
    Analysis { findings, stats }
}
