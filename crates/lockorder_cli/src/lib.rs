//! The `lockorder` command line.

mod args;
mod baseline;
mod cache;
mod changed;
mod check;
mod config;
mod discover;
mod graph;
mod kernel_tree;
mod paths;
mod render;
mod run_record;
mod source;
mod suppress;

use clap::Parser;

use args::{Cli, Command};

/// Runs the command line and returns the exit status (DESIGN.md: 0 clean, 1 findings,
/// 2 usage, config or internal error).
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Graph(g) => check::run_graph(g),
        Command::DumpIr { file } => {
            let (loaded, _) = source::load(&file, u64::MAX);
            let source::Loaded::Text(text) = loaded else {
                eprintln!("error: cannot read {}", file.display());
                return 2;
            };
            let rules = lockorder_rules::Rules::defaults();
            let facts = lockorder_c::CFrontEnd::new().lower_file(
                lockorder_ir::FileId(0),
                &text,
                &rules,
                &lockorder_c::MacroTable::default(),
            );
            write_stdout(&format!("{facts:#?}\n"))
        }
        Command::Rules => {
            let mut text = String::new();
            for r in lockorder_analysis::RULES {
                text.push_str(&format!(
                    "{}  {:<25} {:<8} {}\n",
                    r.code,
                    r.name,
                    r.default_severity.as_str(),
                    r.summary
                ));
            }
            write_stdout(&text)
        }
        Command::Rule { code } => match lockorder_analysis::rule_by_code_or_name(&code) {
            Some(r) => {
                let doc = r
                    .doc
                    .lines()
                    .map(|l| l.strip_prefix(' ').unwrap_or(l))
                    .collect::<Vec<_>>()
                    .join("\n");
                write_stdout(&format!(
                    "{} ({}), default severity: {}\n\n{doc}\n",
                    r.code,
                    r.name,
                    r.default_severity.as_str()
                ))
            }
            None => {
                eprintln!("error: no rule `{code}`; `lockorder rules` lists them");
                2
            }
        },
    }
}

/// Writes a command's output. A reader that went away (`lockorder dump-ir f.c | head`)
/// ends the output quietly, as `check` does; any other failure is an error.
fn write_stdout(text: &str) -> i32 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            2
        }
    }
}

/// Locks a mutex of the run's shared results. A worker that panicked while holding it
/// has been reported already; what it left is still used.
fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A mutex's value once the workers are done, poisoned or not (see [`lock`]).
fn into_inner<T>(m: std::sync::Mutex<T>) -> T {
    m.into_inner().unwrap_or_else(|e| e.into_inner())
}
