//! `lockorder check`: discover, lower every file in parallel, analyse, render.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use lockorder_analysis::{Program, Severity, SourceFile};
use lockorder_c::{CFrontEnd, MacroTable};
use lockorder_ir::{FileFacts, FileId};
use lockorder_rules::Rules;
use rayon::prelude::*;

use crate::args::{CheckArgs, ColorChoice};
use crate::cache::{text_hash, Cache, Salt};
use crate::discover::discover;
use crate::paths;
use crate::render::{self, Located};
use crate::run_record::{self, RunRecord, Stamp, Totals};
use crate::source::{load, Loaded};
use crate::{into_inner, lock};

/// Front-end threads get a generous stack: tree walks over deeply nested code recurse.
const WORKER_STACK: usize = 64 * 1024 * 1024;

struct Input {
    path: PathBuf,
    learn_only: bool,
}

/// `lockorder graph`: the check pipeline, printing the order graph instead of findings.
pub fn run_graph(g: crate::args::GraphArgs) -> i32 {
    let args = CheckArgs {
        paths: g.paths,
        format: crate::args::Format::Json,
        color: ColorChoice::Never,
        include: g.include,
        threads: g.threads,
        max_file_size: 16 * 1024 * 1024,
        statistics: false,
        no_cache: false,
        cache_dir: None,
        quiet: g.quiet,
        arch: g.arch,
        changed_since: None,
        config: g.config,
        select: Vec::new(),
        ignore: Vec::new(),
        baseline: None,
        write_baseline: None,
    };
    run_with(args, Some((g.format, g.lock, g.depth)))
}

pub fn run(args: CheckArgs) -> i32 {
    run_with(args, None)
}

fn run_with(
    args: CheckArgs,
    graph: Option<(crate::args::GraphFormat, Option<String>, usize)>,
) -> i32 {
    let started = Instant::now();
    let mut status = 0;
    let quiet = args.quiet;
    let warnings = Mutex::new(Vec::<String>::new());
    let mut warn = |w: String| push(&warnings, w);

    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = paths::project_root(&args.paths[0], &cwd);
    let config_path = args
        .config
        .clone()
        .or_else(|| Some(root.join("lockorder.toml")).filter(|p| p.is_file()));
    let mut config = match &config_path {
        Some(p) => match crate::config::Config::load(p) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
        None => crate::config::Config::default_in(&root),
    };
    if let Err(e) = config.select_and_ignore(&args.select, &args.ignore) {
        eprintln!("error: {e}");
        return 2;
    }
    let mut user_rules = Vec::new();
    for f in &config.rule_files {
        match std::fs::read_to_string(f) {
            Ok(t) => user_rules.push((f.display().to_string(), t)),
            Err(e) => {
                eprintln!("error: {}: cannot read rule file: {e}", f.display());
                return 2;
            }
        }
    }
    let mut rules = match Rules::with_user_files(user_rules) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let arch = crate::kernel_tree::ArchFilter::choose(args.arch.as_deref(), config.arch.as_deref());
    // In a Linux tree, `#if`s on configuration symbols keep the branch that is built.
    if let Some(kernel) = crate::kernel_tree::enclosing_kernel_root(&args.paths[0]) {
        let kconfig = crate::kernel_tree::kernel_config(&kernel, &arch, &rules.kconfig, &mut warn);
        rules.set_kernel_config(kconfig);
    }
    let cache = if args.no_cache {
        None
    } else {
        args.cache_dir
            .clone()
            .or_else(|| config.cache_dir.clone())
            .or_else(Cache::default_dir)
            .and_then(|dir| match Cache::open(&dir, rules.fingerprint) {
                Ok(c) => Some(c),
                Err(w) => {
                    warn(w);
                    None
                }
            })
    };
    let baseline = match &args.baseline {
        Some(path) => match crate::baseline::Baseline::read(path) {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        },
        None => None,
    };
    let changed = match &args.changed_since {
        Some(rev) => match crate::changed::ChangedLines::since(rev, &root) {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("error: --changed-since {rev}: {e}");
                return 2;
            }
        },
        None => None,
    };

    let found = discover(&args.paths, &arch, &mut warn);
    for m in &found.missing {
        eprintln!("error: {}: no such file or directory", m.display());
        status = 2;
    }
    let mut include_dirs = args.include.clone();
    include_dirs.extend(config.include_dirs.iter().cloned());
    let learned = discover(&include_dirs, &arch, &mut warn);
    for m in &learned.missing {
        eprintln!("error: {}: no such include directory", m.display());
        status = 2;
    }
    let mut inputs: Vec<Input> = found
        .files
        .into_iter()
        .filter(|p| {
            paths::relative_to(&paths::absolute(p, &cwd), &config.dir)
                .is_none_or(|rel| config.wants(&rel))
        })
        .map(|path| Input {
            path,
            learn_only: false,
        })
        .collect();
    let checked: std::collections::HashSet<PathBuf> = inputs
        .iter()
        .map(|i| paths::absolute(&i.path, &cwd))
        .collect();
    inputs.extend(
        learned
            .files
            .into_iter()
            .filter(|p| !checked.contains(&paths::absolute(p, &cwd)))
            .map(|path| Input {
                path,
                learn_only: true,
            }),
    );
    inputs.sort_by(|a, b| a.path.cmp(&b.path));

    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .stack_size(WORKER_STACK)
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: cannot start worker threads: {e}");
            return 2;
        }
    };

    // The configuration is one more file to locate: unused `[[ignore]]` entries point
    // into it.
    let mut located_paths: Vec<PathBuf> = inputs.iter().map(|i| i.path.clone()).collect();
    let config_file = lockorder_ir::FileId(located_paths.len() as u32);
    located_paths.extend(config_path.iter().cloned());
    let located = Located::new(&located_paths, &cwd, &root);

    // What the findings depend on besides the files' texts. `graph` needs the analysis'
    // graph, which records do not keep.
    let identity = cache.as_ref().filter(|_| graph.is_none()).map(|c| {
        let mut id = format!(
            "{}\0{}\0{}\0",
            cwd.display(),
            root.display(),
            args.max_file_size
        );
        if let Some(p) = &config_path {
            id.push_str(&std::fs::read_to_string(p).unwrap_or_default());
        }
        for i in &inputs {
            id.push_str(&format!("\0{}\0{}", i.path.display(), i.learn_only));
        }
        c.salt(id.as_bytes())
    });
    let input_paths: Vec<PathBuf> = inputs.iter().map(|i| i.path.clone()).collect();
    let last = cache
        .as_ref()
        .zip(identity)
        .and_then(|(c, id)| RunRecord::load(c, id, &input_paths));
    // Where a file changed since the last run, the others, unchanged by size and time,
    // load their facts from the cache without being read again.
    let trusted: Vec<Option<(u64, u128, u128)>> = last
        .as_ref()
        .map(|r| r.trusted_hashes(&input_paths))
        .unwrap_or_default();
    let reused = cache
        .as_ref()
        .zip(identity)
        .zip(last)
        .and_then(|((c, id), r)| {
            pool.install(|| r.reusable(c, id, &input_paths, args.max_file_size))
        });
    let t_front = Instant::now();
    let started_ns = run_record::now_ns();
    let mut outcome = if let Some(record) = reused {
        Outcome {
            findings: record.findings,
            front_warnings: record.warnings,
            internal: record.internal,
            // Nothing was read or parsed this time.
            totals: Totals {
                stats: lockorder_ir::FileStats {
                    prepass_ns: 0,
                    parse_ns: 0,
                    lower_ns: 0,
                    ..record.totals.stats
                },
                ..record.totals
            },
            stats: record.stats,
            graph: Vec::new(),
            read_ns: 0,
            front_time: t_front.elapsed(),
            analysis_time: std::time::Duration::ZERO,
            front_rss: None,
            reused: true,
        }
    } else {
        // Rust files first give a program-wide index of their types (struct fields,
        // statics, return types), so a method in one file knows the locks of a struct in
        // another.
        let is_rust = |p: &std::path::Path| p.extension().is_some_and(|e| e == "rs");
        let rust_paths: Vec<&std::path::Path> = inputs
            .iter()
            .map(|i| i.path.as_path())
            .filter(|p| is_rust(p))
            .collect();
        let rust_index = pool.install(|| lockorder_rust::RustIndex::build(&rust_paths, &rules));
        let front_warnings = Mutex::new(Vec::<String>::new());
        let stamps: Vec<Mutex<Option<Stamp>>> = inputs.iter().map(|_| Mutex::new(None)).collect();
        let internal_errors = Mutex::new(Vec::<String>::new());
        let read_ns = std::sync::atomic::AtomicU64::new(0);
        // Headers first: their lock wrapper macros are lock primitives for every file.
        let lower_one = |fe: &mut CFrontEnd,
                         i: usize,
                         macros: &MacroTable,
                         salt: Option<Salt>|
         -> Option<FileFacts> {
            let input = &inputs[i];
            let t = Instant::now();
            // Stat before reading: a change in between makes the next run read it again.
            let stat = run_record::stat(&input.path);
            let record_stamp = |text: Option<u128>| {
                if let Some((len, mtime_ns)) = stat {
                    *lock(&stamps[i]) = Some(Stamp {
                        path: input.path.clone(),
                        len,
                        mtime_ns,
                        text,
                    });
                }
            };
            // A Rust file's facts depend on every Rust file through the type index: not
            // cached per file (the run record still covers them).
            let salt = salt.filter(|_| !is_rust(&input.path));
            let key = |hash: u128| cache.as_ref().zip(salt).map(|(c, s)| c.key(s, hash));
            // Facts parsed in an earlier run (none of this run's parse floor), with what
            // they have to say on stderr.
            let cached = |hash: u128| {
                let mut facts = cache
                    .as_ref()
                    .zip(key(hash))
                    .and_then(|(c, k)| c.get(k, FileId(i as u32)))?;
                facts.stats.prepass_ns = 0;
                facts.stats.parse_ns = 0;
                facts.stats.lower_ns = 0;
                Some(facts)
            };
            let report = |facts: &FileFacts| {
                warn_too_deep(facts, &input.path, &front_warnings);
                for e in &facts.internal_errors {
                    push(&internal_errors, format!("{}: {e}", input.path.display()));
                }
            };
            // Unchanged since the last run by size and time (after another file changed):
            // its facts, without reading it again.
            let unchanged = trusted
                .get(i)
                .copied()
                .flatten()
                .filter(|&(len, mtime_ns, _)| stat == Some((len, mtime_ns)));
            if let Some(facts) = unchanged.and_then(|(_, _, hash)| {
                let facts = cached(hash)?;
                record_stamp(Some(hash));
                Some(facts)
            }) {
                report(&facts);
                return Some(facts);
            }
            let (loaded, warning) = load(&input.path, args.max_file_size);
            read_ns.fetch_add(
                t.elapsed().as_nanos() as u64,
                std::sync::atomic::Ordering::Relaxed,
            );
            if let Some(w) = warning {
                push(&front_warnings, w);
            }
            let text = match loaded {
                Loaded::Text(t) => t,
                Loaded::Skipped(w) => {
                    push(&front_warnings, w);
                    record_stamp(None);
                    return None;
                }
            };
            let hash = text_hash(&text);
            record_stamp(Some(hash));
            if let Some(facts) = cached(hash) {
                report(&facts);
                return Some(facts);
            }
            let key = key(hash);
            match lockorder_ir::isolate(|| {
                if is_rust(&input.path) {
                    let (facts, warning) = lockorder_rust::lower_file(
                        FileId(i as u32),
                        &text,
                        &input.path,
                        &rules,
                        &rust_index,
                    );
                    if let Some(w) = warning {
                        push(&front_warnings, w);
                    }
                    facts
                } else {
                    fe.lower_file(FileId(i as u32), &text, &rules, macros)
                }
            }) {
                Ok(facts) => {
                    // Held until the analysis ends: a fresh copy, made once the syntax
                    // tree is freed, sits densely and without spare capacity, where the
                    // facts built among the tree's nodes would keep its pages resident.
                    let facts = facts.clone();
                    if let Some((c, k)) = cache.as_ref().zip(key) {
                        if let Some(w) = c.put(k, &facts) {
                            push(&front_warnings, w);
                        }
                    }
                    report(&facts);
                    Some(facts)
                }
                Err(message) => {
                    push(
                        &internal_errors,
                        format!(
                            "{}: internal error while lowering: {message}",
                            input.path.display(),
                        ),
                    );
                    // The parser may be mid-parse: start a fresh one.
                    *fe = CFrontEnd::new();
                    None
                }
            }
        };
        let is_header = |i: &usize| inputs[*i].path.extension().is_some_and(|e| e == "h");
        let (headers, sources): (Vec<usize>, Vec<usize>) = (0..inputs.len()).partition(is_header);
        let no_macros = MacroTable::default();
        // On a terminal only, not with --quiet, and only once the run has taken a second, so
        // short runs stay silent.
        let show_progress = !quiet && std::io::stderr().is_terminal();
        let progress_shown = std::sync::atomic::AtomicBool::new(false);
        let progress = {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(inputs.len() as u64),
                indicatif::ProgressDrawTarget::hidden(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{msg:10} [{bar:30}] {pos}/{len} files ({elapsed})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.set_message("parsing");
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        };
        let lower_all = |which: &[usize],
                         macros: &MacroTable,
                         salt: Option<Salt>|
         -> Vec<(usize, Option<FileFacts>)> {
            pool.install(|| {
                // Short runs of files per task: otherwise rayon hands each thread long
                // runs, and one thread's last run leaves the other core idle for seconds.
                which
                    .par_iter()
                    .with_max_len(8)
                    .map_init(CFrontEnd::new, |fe, &i| {
                        let r = (i, lower_one(fe, i, macros, salt));
                        progress.inc(1);
                        if show_progress
                            && t_front.elapsed() > std::time::Duration::from_secs(1)
                            && !progress_shown.swap(true, std::sync::atomic::Ordering::Relaxed)
                        {
                            progress.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                        }
                        r
                    })
                    .collect()
            })
        };
        let mut lowered: Vec<Option<FileFacts>> = (0..inputs.len()).map(|_| None).collect();
        // Headers are lowered without the macro table; a `.c` file's facts depend on it.
        let header_salt = cache.as_ref().map(|c| c.salt(b"header"));
        for (i, facts) in lower_all(&headers, &no_macros, header_salt) {
            lowered[i] = facts;
        }
        // In file order, the first definition of a name wins.
        let mut macros = MacroTable::default();
        for facts in lowered.iter().flatten() {
            // A call alias is followed in its own file only: a header's would re-route
            // calls all over the tree.
            for w in facts.macro_wrappers.iter().filter(|w| w.alias.is_none()) {
                macros.entry(w.name.clone()).or_insert_with(|| w.clone());
            }
        }
        let source_salt = cache.as_ref().map(|c| c.salt(&macro_table_digest(&macros)));
        for (i, facts) in lower_all(&sources, &macros, source_salt) {
            lowered[i] = facts;
        }
        let front_time = t_front.elapsed();
        let front_rss = resident_bytes();

        let files: Vec<SourceFile> = inputs
            .iter()
            .zip(lowered)
            .map(|(input, facts)| SourceFile {
                rel_path: paths::relative_to(&paths::absolute(&input.path, &cwd), &root)
                    .unwrap_or_else(|| input.path.to_string_lossy().replace('\\', "/")),
                facts: facts.unwrap_or_default(),
                learn_only: input.learn_only,
            })
            .collect();
        let mut context_slots: Vec<(String, lockorder_ir::ExecContext, Option<String>)> = rules
            .context_slots
            .iter()
            .map(|(k, (c, unless))| (k.clone(), *c, unless.clone()))
            .collect();
        context_slots.sort();
        let mut held_slots = rules.held_slots.clone();
        held_slots.sort();
        held_slots.dedup();
        let program = Program {
            files,
            context_slots,
            held_slots,
            declared_order: std::mem::take(&mut config.order),
            booting: {
                let mut b: Vec<String> = rules.booting.iter().cloned().collect();
                b.sort();
                b
            },
        };
        progress.set_message("analysing");
        let t_analysis = Instant::now();
        let analysis = match lockorder_ir::isolate(|| {
            pool.install(|| lockorder_analysis::analyze(&program, graph.is_some()))
        }) {
            Ok(a) => a,
            Err(message) => {
                eprintln!("error: internal error in the analysis: {message}");
                return 2;
            }
        };
        progress.finish_and_clear();
        let analysis_time = t_analysis.elapsed();
        let mut findings = analysis.findings;
        crate::suppress::apply(&program, &mut findings, &located);
        let mut front_warnings = into_inner(front_warnings);
        front_warnings.sort();
        let mut internal = into_inner(internal_errors);
        internal.extend(analysis.internal_errors);
        internal.sort();
        let outcome = Outcome {
            findings,
            front_warnings,
            internal,
            totals: Totals::of(&program),
            stats: analysis.stats,
            graph: analysis.graph,
            read_ns: read_ns.into_inner(),
            front_time,
            analysis_time,
            front_rss,
            reused: false,
        };
        if let Some((c, id)) = cache.as_ref().zip(identity) {
            let record = RunRecord {
                started_ns,
                stamps: stamps.into_iter().map(into_inner).collect(),
                findings: outcome.findings.clone(),
                warnings: outcome.front_warnings.clone(),
                internal: outcome.internal.clone(),
                totals: outcome.totals.clone(),
                stats: outcome.stats.clone(),
            };
            if let Err(e) = record.store(c, id) {
                push(
                    &warnings,
                    format!(
                        "{}: cannot write the cache: {e}",
                        c.record_path(id).display()
                    ),
                );
            }
        }
        outcome
    };
    let mut findings = std::mem::take(&mut outcome.findings);

    let mut warnings = into_inner(warnings);
    warnings.extend(outcome.front_warnings.iter().cloned());
    warnings.sort();
    if !quiet {
        for w in &warnings {
            eprintln!("warning: {w}");
        }
    }
    for e in &outcome.internal {
        eprintln!("error: {e}");
        status = 2;
    }

    if let Some((format, lock, depth)) = graph {
        let edges = match crate::graph::neighbourhood(&outcome.graph, lock.as_deref(), depth) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("error: {e}");
                return 2;
            }
        };
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        if let Err(e) = crate::graph::render(format, &edges, &located, &mut out)
            .and_then(|()| std::io::Write::flush(&mut out))
        {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("error: cannot write output: {e}");
                return 2;
            }
        }
        return status;
    }
    let rel = |f: &lockorder_analysis::Finding| located.root_path(f.primary.span).to_string();
    let unused = config.apply(&mut findings, &rel);
    for (range, code) in unused {
        let span = lockorder_ir::Span::new(config_file, range.start, range.end);
        let site = lockorder_analysis::Site {
            span,
            function: None,
            message: "this [[ignore]] entry suppresses nothing".into(),
        };
        let path = located.root_path(span).to_string();
        findings.push(lockorder_analysis::checks::unused_suppression::finding(
            site,
            &path,
            &[code],
            None,
        ));
    }
    lockorder_analysis::sort_findings(&mut findings);
    if let Some(path) = &args.write_baseline {
        let b = crate::baseline::Baseline::of(&findings);
        if let Err(e) = b.write(path) {
            eprintln!("error: {e}");
            return 2;
        }
        eprintln!(
            "lockorder: wrote {} findings ({} entries) to {}",
            findings.len(),
            b.entries.len(),
            path.display()
        );
        return status;
    }
    if let Some(b) = &baseline {
        let stale = b.filter(&mut findings);
        if !stale.is_empty() && !quiet {
            eprintln!(
                "lockorder: {} stale baseline entries (fixed findings) in {}; rewrite it with --write-baseline to prune:",
                stale.len(),
                args.baseline.as_ref().map_or(String::new(), |p| p.display().to_string())
            );
            for (code, fp, n) in &stale {
                eprintln!("  {code} {fp} (x{n})");
            }
        }
    }
    if let Some(changed) = &changed {
        let abs = |file: u32| paths::absolute(&inputs[file as usize].path, &cwd);
        findings.retain(|f| changed.touches(f, &located, &abs));
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    if let Err(e) = render::render(args.format, color, &findings, &located) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write output: {e}");
            return 2;
        }
    }
    if args.statistics {
        print_statistics(&outcome, started.elapsed(), findings.len(), cache.as_ref());
    }
    if status == 0
        && findings
            .iter()
            .any(|f| matches!(f.severity, Severity::Error | Severity::Warning))
    {
        status = 1;
    }
    status
}

fn warn_too_deep(facts: &FileFacts, path: &std::path::Path, warnings: &Mutex<Vec<String>>) {
    for f in facts.functions.iter().filter(|f| f.too_deep) {
        push(
            warnings,
            format!(
                "{}: `{}` nests too deeply; analysed up to the nesting limit",
                path.display(),
                f.name
            ),
        );
    }
}

/// The macro table's content, independent of hash-map order.
fn macro_table_digest(macros: &MacroTable) -> Vec<u8> {
    let mut wrappers: Vec<_> = macros.values().collect();
    wrappers.sort_by(|a, b| a.name.cmp(&b.name));
    postcard::to_stdvec(&wrappers).unwrap_or_default()
}

/// Adds a message for the end of the run; a panic elsewhere never loses it.
fn push(messages: &Mutex<Vec<String>>, message: String) {
    lock(messages).push(message);
}

fn secs(ns: u64) -> f64 {
    ns as f64 / 1e9
}

/// What the front end and the analysis produced, or the record of a run they would
/// produce again.
struct Outcome {
    findings: Vec<lockorder_analysis::Finding>,
    front_warnings: Vec<String>,
    internal: Vec<String>,
    totals: Totals,
    stats: lockorder_analysis::AnalysisStats,
    graph: Vec<lockorder_analysis::GraphEdge>,
    read_ns: u64,
    front_time: std::time::Duration,
    analysis_time: std::time::Duration,
    /// Resident memory once every file is lowered, where the platform tells.
    front_rss: Option<u64>,
    reused: bool,
}

/// The process's resident set, from `/proc/self/statm` (Linux).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn print_statistics(
    outcome: &Outcome,
    total: std::time::Duration,
    findings: usize,
    cache: Option<&Cache>,
) {
    let s = &outcome.totals.stats;
    let stats = &outcome.stats;
    let (read_ns, front, analysis) = (outcome.read_ns, outcome.front_time, outcome.analysis_time);
    eprintln!("statistics:");
    if outcome.reused {
        eprintln!("  (no file changed since the last run: its results are reused)");
    }
    eprintln!(
        "  files:                {} ({} learned only)",
        outcome.totals.files, outcome.totals.learn_only
    );
    eprintln!("  lines:                {}", s.lines);
    eprintln!("  bytes:                {}", s.bytes);
    eprintln!("  functions:            {}", s.functions);
    eprintln!(
        "  degraded functions:   {} (syntax errors left after the pre-pass)",
        s.degraded_functions
    );
    eprintln!("  file-level ERROR nodes: {}", s.error_nodes);
    eprintln!("  lock classes:         {}", stats.classes);
    eprintln!("  order edges:          {}", stats.order_edges);
    let ind = &stats.indirect;
    eprintln!(
        "  indirect calls:       {} ({} resolved, {} with no known target, {} over the fan-out cap of {})",
        ind.calls,
        ind.resolved,
        ind.unresolved,
        ind.over_cap,
        lockorder_analysis::MAX_INDIRECT_TARGETS
    );
    match cache {
        Some(c) => eprintln!(
            "  cache:                {} hits, {} misses, {} written",
            c.hits.load(std::sync::atomic::Ordering::Relaxed),
            c.misses.load(std::sync::atomic::Ordering::Relaxed),
            c.written.load(std::sync::atomic::Ordering::Relaxed)
        ),
        None => eprintln!("  cache:                off"),
    }
    eprintln!("  state cap hits:       {}", stats.state_cap_hits);
    eprintln!("  functions over budget: {}", stats.functions_over_budget);
    eprintln!(
        "  long cycles:          {} (more than {} locks, not reported)",
        stats.long_cycles,
        lockorder_analysis::checks::lock_order_cycle::MAX_CYCLE_LOCKS
    );
    eprintln!("  findings:             {findings}");
    eprintln!("  cpu time, read:       {:.3}s", secs(read_ns));
    eprintln!("  cpu time, pre-pass:   {:.3}s", secs(s.prepass_ns));
    eprintln!("  cpu time, parse:      {:.3}s", secs(s.parse_ns));
    eprintln!(
        "  parse floor (cpu):    {:.3}s (read + pre-pass + parse)",
        secs(read_ns + s.prepass_ns + s.parse_ns)
    );
    eprintln!("  cpu time, lower:      {:.3}s", secs(s.lower_ns));
    eprintln!("  wall time, front end: {:.3}s", front.as_secs_f64());
    eprintln!("  wall time, analysis:  {:.3}s", analysis.as_secs_f64());
    eprintln!("  wall time, total:     {:.3}s", total.as_secs_f64());
    if let Some(rss) = outcome.front_rss {
        eprintln!("  memory after front end: {} MB", rss / 1_000_000);
    }
    if let Some(rss) = resident_bytes() {
        eprintln!("  memory at the end:    {} MB", rss / 1_000_000);
    }
}
