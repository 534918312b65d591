//! The C front end. A file goes through a length-preserving pre-pass (so byte offsets stay
//! exact), tree-sitter-c, and a lowering of every function to a small CFG of lock events.
//! The syntax tree is dropped before [`lower_file`] returns.

mod conditions;
mod lower;
mod macros;
mod prepass;

pub use lower::CFrontEnd;
pub use macros::{scan_macro_wrappers, MacroTable};
pub use prepass::{prepass, Prepassed};
