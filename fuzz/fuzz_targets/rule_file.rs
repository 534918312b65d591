//! User rule files (the rules/*.toml schema) through `Rules::with_user_files`: Ok or a
//! located `RuleError`, never a panic; the error's file, line and column lie inside the
//! input. Rules that load are then used: the C front end lowers a fixed kernel-style
//! snippet plus one function calling each API the user file added, so the pre-pass
//! tables, lock templates and success conditions a user can write are exercised too.
#![no_main]

use std::fmt::Write;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lockorder_c::{CFrontEnd, MacroTable};
use lockorder_ir::FileId;
use lockorder_rules::Rules;

const SNIPPET: &str = r#"#include <linux/mutex.h>
static DEFINE_MUTEX(big_lock);
static DEFINE_SPINLOCK(small_lock);
struct foo { struct mutex m; spinlock_t s; };

static int __init foo_take(struct foo *f) __must_hold(&f->m)
{
	unsigned long flags;
	int ret = 0;

	mutex_lock(&big_lock);
	spin_lock_irqsave(&f->s, flags);
	if (!mutex_trylock(&f->m))
		goto out;
	scoped_guard(spinlock, &small_lock)
		ret = 1;
	mutex_unlock(&f->m);
out:
	spin_unlock_irqrestore(&f->s, flags);
	mutex_unlock(&big_lock);
	return ret;
}
"#;

/// How many of the user's APIs the generated function calls.
const MAX_CALLS: usize = 16;

fn defaults() -> &'static Rules {
    static D: OnceLock<Rules> = OnceLock::new();
    D.get_or_init(Rules::defaults)
}

fn exercise(rules: &Rules) {
    let defaults = defaults();
    let mut added: Vec<&String> = rules
        .apis
        .keys()
        .filter(|k| !defaults.apis.contains_key(*k))
        .collect();
    added.sort();
    let mut src = String::from(SNIPPET);
    src.push_str("\nvoid fuzz_user_apis(struct foo *f, int a)\n{\n");
    for name in added.iter().take(MAX_CALLS) {
        let rule = &rules.apis[*name];
        let _ = rules.lock_text(rule, &["&f->m", "a", "(f)"]);
        let _ = rules.lock_text(rule, &[]);
        // Names need not be identifiers; the source stays whatever the file wrote.
        let _ = writeln!(src, "\tif ({name}(&f->m, a, f))\n\t\ta++;");
    }
    src.push_str("}\n");
    let facts = CFrontEnd::new().lower_file(FileId(0), &src, rules, &MacroTable::new());
    std::hint::black_box(facts);
}

fuzz_target!(|data: &[u8]| {
    // The CLI reads rule files with `read_to_string`: not UTF-8 is an I/O error there.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Rules::with_user_files(vec![("fuzz.toml".into(), text.to_owned())]) {
        Ok(rules) => exercise(&rules),
        Err(e) => {
            assert_eq!(e.file, "fuzz.toml", "error located in another file: {e}");
            let lines: Vec<&str> = text.split('\n').collect();
            assert!(
                e.line >= 1 && e.line <= lines.len(),
                "line {} outside a {}-line input: {e}",
                e.line,
                lines.len()
            );
            let cols = lines[e.line - 1].chars().count() + 1;
            assert!(
                e.column >= 1 && e.column <= cols,
                "column {} outside line {} ({} columns): {e}",
                e.column,
                e.line,
                cols
            );
        }
    }
});
