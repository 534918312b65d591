//! The Rust front end (syn, guard lifetimes, lowering) and the analysis behind it, on one
//! file, the way `lockorder check` runs them: the program-wide type index built from the
//! file, the file lowered under both editions, then analysed as a one-file program.
//!
//! Invariants beyond "no panic": no internal error, and every finding's spans lie inside
//! the input.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lockorder_analysis::{Program, SourceFile};
use lockorder_ir::{FileId, Span};
use lockorder_rules::Rules;
use lockorder_rust::{Edition, RustIndex};

/// As check.rs's WORKER_STACK.
const WORKER_STACK: usize = 64 * 1024 * 1024;

struct Env {
    rules: Rules,
    pool: rayon::ThreadPool,
}

fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| Env {
        rules: Rules::defaults(),
        pool: rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .stack_size(WORKER_STACK)
            .build()
            .expect("one worker thread"),
    })
}

fn inside(span: Span, len: usize) -> bool {
    span.start <= span.end && (span.end as usize) <= len
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let env = env();
    env.pool.install(|| {
        let path = Path::new("fuzz.rs");
        let index = RustIndex::of_text(path, text, &env.rules);
        for edition in [Edition::E2021, Edition::E2024] {
            let (facts, _warning) =
                lockorder_rust::lower_file_with(FileId(0), text, path, &env.rules, &index, edition);
            assert!(
                facts.internal_errors.is_empty(),
                "{:?}",
                facts.internal_errors
            );
            let program = Program {
                files: vec![SourceFile {
                    rel_path: "fuzz.rs".into(),
                    facts,
                    learn_only: false,
                }],
                context_slots: Vec::new(),
                declared_order: Vec::new(),
            };
            let analysis = lockorder_analysis::analyze(&program, true);
            assert!(
                analysis.internal_errors.is_empty(),
                "{:?}",
                analysis.internal_errors
            );
            for f in &analysis.findings {
                assert!(inside(f.primary.span, text.len()), "{f:?}");
                for r in &f.related {
                    assert!(inside(r.span, text.len()), "{f:?}");
                }
            }
        }
    });
});
