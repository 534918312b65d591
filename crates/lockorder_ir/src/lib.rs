//! The language-neutral intermediate representation that front ends produce and the
//! analysis consumes. No parsing and no analysis lives here: front ends lower a file to
//! [`FileFacts`] and drop their syntax tree.

mod cfg;
mod facts;
mod fault;
mod lock;
mod span;

pub use cfg::{
    constant_truth, Acquire, ArgRange, AtomId, Block, BlockId, Call, ContextOp, Event, Function,
    ReturnValue, Success, Terminator, VarFact, VarId, WaitKind, NO_ARG,
};
pub use facts::{
    scan_suppressions, Annotation, AnnotationKind, ExecContext, FieldDef, FileFacts, FileStats,
    GlobalDecl, MacroWrapper, Registration, StructDef, Suppression, SuppressionScope,
};
pub use fault::{fault_point, isolate};
pub use lock::{Irq, LockExpr, LockId, LockKind, LockRoot, Mode, PathStep};
pub use span::{line_col, line_starts, with_file_id, FileId, LineIndex, Span};
