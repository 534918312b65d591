//! The C front end (pre-pass, tree-sitter-c, lowering) and the analysis behind it, on one
//! file, the way `lockorder check` runs them (crates/lockorder_cli/src/check.rs):
//! bytes are read like `source::load` (NUL: skipped; invalid UTF-8: one `?` per byte),
//! the file is lowered with the default rules on a worker thread with the CLI's 64 MiB
//! stack, lowered again with its own lock wrapper macros as header macros (the CLI's
//! headers-first pass), then analysed as a one-file program.
//!
//! Invariants checked beyond "no panic": no internal error (a panic contained by
//! `lockorder_ir::isolate`), and every finding's spans lie inside the input (front ends
//! keep byte offsets exact, lockorder_ir::Span).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lockorder_analysis::{Program, SourceFile};
use lockorder_c::{CFrontEnd, MacroTable};
use lockorder_ir::{FileFacts, FileId, Span};
use lockorder_rules::Rules;

/// As check.rs's WORKER_STACK.
const WORKER_STACK: usize = 64 * 1024 * 1024;

struct Env {
    rules: Rules,
    context_slots: Vec<(String, lockorder_ir::ExecContext)>,
    /// One worker, so the fuzzer keeps to one core; the CLI's stack size.
    pool: rayon::ThreadPool,
}

fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| {
        let rules = Rules::defaults();
        let mut context_slots: Vec<_> = rules
            .context_slots
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        context_slots.sort();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .stack_size(WORKER_STACK)
            .build()
            .expect("worker thread");
        Env {
            rules,
            context_slots,
            pool,
        }
    })
}

/// crates/lockorder_cli/src/source.rs `decode_lossy_same_length`.
fn decode_lossy_same_length(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for _ in chunk.invalid() {
            out.push('?');
        }
    }
    out
}

fn check_span(span: Span, len: usize, what: &str) {
    assert!(
        span.start <= span.end && span.end as usize <= len,
        "{what} span {}..{} outside the {len}-byte input",
        span.start,
        span.end
    );
}

fn run(text: &str) {
    let env = env();
    let mut fe = CFrontEnd::new();
    let facts: FileFacts = fe.lower_file(FileId(0), text, &env.rules, &MacroTable::new());
    // Headers first in the CLI: a file's wrapper macros are then header macros of others.
    let facts = if facts.macro_wrappers.is_empty() {
        facts
    } else {
        let macros: MacroTable = facts
            .macro_wrappers
            .iter()
            .map(|w| (w.name.clone(), w.clone()))
            .collect();
        fe.lower_file(FileId(0), text, &env.rules, &macros)
    };
    let program = Program {
        files: vec![SourceFile {
            rel_path: "fuzz.c".into(),
            facts,
            learn_only: false,
        }],
        context_slots: env.context_slots.clone(),
        declared_order: Vec::new(),
    };
    // Both isolate a panicking function (lockorder_ir::isolate) and report it as an
    // internal error; libfuzzer-sys's panic hook aborts before that, but a contained
    // panic is a finding all the same.
    let internal = &program.files[0].facts.internal_errors;
    assert!(
        internal.is_empty(),
        "internal errors while lowering: {internal:?}"
    );
    let analysis = lockorder_analysis::analyze(&program, true);
    let internal = &analysis.internal_errors;
    assert!(
        internal.is_empty(),
        "internal errors in the analysis: {internal:?}"
    );
    for f in &analysis.findings {
        check_span(f.primary.span, text.len(), f.code);
        for s in &f.related {
            check_span(s.span, text.len(), f.code);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // `source::load` skips binary files.
    if data.contains(&0) {
        return;
    }
    let text = match std::str::from_utf8(data) {
        Ok(s) => s.to_owned(),
        Err(_) => decode_lossy_same_length(data),
    };
    env().pool.install(|| run(&text));
});
