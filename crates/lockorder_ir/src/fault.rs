//! Fault isolation: one function's panic must not cost the run. Front ends and the
//! analysis run each function under [`isolate`]; the tests inject panics through
//! [`fault_point`] to prove it.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `f`, turning a panic into the panic's message.
pub fn isolate<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into())
    })
}

/// In debug builds, panics when `LOCKORDER_INJECT_PANIC` is `phase:function` (`lower:foo`,
/// `analyse:foo`), so tests can check that a panic is contained. Release builds never
/// read the variable.
pub fn fault_point(phase: &str, function: &str) {
    #[cfg(debug_assertions)]
    if let Some(v) = std::env::var_os("LOCKORDER_INJECT_PANIC") {
        if v.to_str()
            .and_then(|v| v.split_once(':'))
            .is_some_and(|(p, f)| p == phase && f == function)
        {
            panic!("injected panic in {phase} of `{function}`");
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = (phase, function);
}
