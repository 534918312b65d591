//! Everything after the front ends: the program's lock classes, a held-lock dataflow over
//! each function's CFG, the lock-order graph, and the checks that turn them into findings.
//! Nothing here knows C or Rust syntax.

pub mod checks;
mod classes;
mod dataflow;
mod finding;
mod function_pass;
mod guards;
mod handover;
mod order_graph;
mod program;
mod summary;

pub use checks::{rule_by_code_or_name, RuleInfo, RULES};
pub use classes::ClassTable;
pub use finding::{CallChain, Finding, Severity, Site, Suggestion};
pub use program::{
    analyze, sort_findings, Analysis, AnalysisStats, GraphEdge, Program, SourceFile,
};
pub use summary::MAX_INDIRECT_TARGETS;
