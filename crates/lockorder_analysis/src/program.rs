use std::sync::Mutex;
use std::time::Instant;

use lockorder_ir::FileFacts;
use rayon::prelude::*;

use crate::checks;
use crate::classes::ClassTable;
use crate::finding::Finding;
use crate::function_pass::{self, EntryContext, EntryLock, FunctionResult, ProgramWide};
use crate::order_graph::OrderGraph;
use crate::summary::{
    bottom_up_levels, merge_summaries, summarize_for_callers, CallResolver, FunctionSummary,
    IndirectStats, SummarySlot, Target,
};

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
    /// Ops-table slots whose functions run in a context by contract, unless the
    /// function's file sets the field named true (from the rules).
    pub context_slots: Vec<(String, lockorder_ir::ExecContext, Option<String>)>,
    /// Ops-table slots whose functions are called holding a lock: (slot, class name,
    /// mode), from the rules.
    pub held_slots: Vec<(String, String, lockorder_ir::Mode)>,
    /// Lock orders declared in the configuration, in displayed class names.
    pub declared_order: Vec<Vec<String>>,
    /// Functions that run before the scheduler does, sorted (from the rules).
    pub booting: Vec<String>,
}

#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct AnalysisStats {
    pub classes: usize,
    pub order_edges: usize,
    pub functions_analysed: usize,
    /// Program points where the per-point state cap was hit.
    pub state_cap_hits: u64,
    pub functions_over_budget: u64,
    /// Cycles longer than the reported maximum, left out.
    pub long_cycles: usize,
    pub indirect: IndirectStats,
    pub analysis_ns: u64,
}

pub struct Analysis {
    pub findings: Vec<Finding>,
    pub stats: AnalysisStats,
    /// The lock-order graph, when asked for.
    pub graph: Vec<GraphEdge>,
    /// Panics caught in single functions or checks, sorted; their results are left out.
    pub internal_errors: Vec<String>,
}

/// One edge of the lock-order graph: `to` waited for while `from` is held.
#[derive(Clone, Debug)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    /// Functions that take the two in this order.
    pub count: usize,
    /// One of them, and where it takes `to`.
    pub witness: String,
    pub site: lockorder_ir::Span,
    /// The edge lies on a cycle.
    pub in_cycle: bool,
}

/// Passes over a call-graph cycle after the first, each with the summaries of the one
/// before; a cycle whose summaries still change after these keeps the last.
const RECURSION_ROUNDS: usize = 2;

/// Analyses the program; the order graph is exported (for `lockorder graph`) only when
/// `export_graph` asks for it.
pub fn analyze(program: &Program, export_graph: bool) -> Analysis {
    let t0 = Instant::now();
    let timing = std::env::var_os("LOCKORDER_DEBUG_TIMING").is_some();
    let phase = |name: &str| {
        if timing {
            eprintln!("analysis {name}: {:.3}s", t0.elapsed().as_secs_f64());
        }
    };
    let internal = Mutex::new(Vec::<String>::new());
    let classes = ClassTable::build(program);
    let constant_tests = crate::guards::ConstantTests::build(program);
    let mut graph = OrderGraph::default();
    let mut stats = AnalysisStats::default();

    let units: Vec<(usize, usize)> = program
        .files
        .iter()
        .enumerate()
        .flat_map(|(fi, f)| (0..f.facts.functions.len()).map(move |fj| (fi, fj)))
        .collect();
    // Bottom-up over the call graph: each level sees its callees' summaries.
    phase("classes");
    let resolver = CallResolver::build(program, &classes);
    phase("resolver");
    stats.indirect = resolver.indirect;
    let levels = bottom_up_levels(program, &resolver);
    phase("levels");
    let offsets: Vec<usize> = program
        .files
        .iter()
        .scan(0, |acc, f| {
            let o = *acc;
            *acc += f.facts.functions.len();
            Some(o)
        })
        .collect();
    let entry_contexts = entry_contexts(program, &classes, &resolver, &offsets);
    let waited_for = waited_for(program, &resolver, &offsets);
    let entry_locks = entry_locks(program, &classes, &resolver, &offsets);
    phase("entry");
    // Slots kept small: most functions have no summary and no program-wide observation,
    // and a slot per function of the kernel is 600,000 of them.
    let mut summaries: Vec<SummarySlot> = vec![SummarySlot::Empty; units.len()];
    let mut group_summaries: Vec<SummarySlot> = vec![SummarySlot::Empty; resolver.groups.len()];
    let mut results: Vec<Option<Box<FunctionResult>>> = (0..units.len()).map(|_| None).collect();
    // Once a level is done, what of its results the program-wide checks read.
    let mut program_wide: Vec<Option<Box<ProgramWide>>> = (0..units.len()).map(|_| None).collect();
    // Per unit, the findings of the per-function checks, run as soon as a level is done.
    let mut local_findings: Vec<Vec<Finding>> = (0..units.len()).map(|_| Vec::new()).collect();
    let mut handovers = crate::handover::Handovers::default();
    let ctx = checks::FunctionContext {
        program,
        classes: &classes,
    };
    // A call to a function of its own level is a call inside a cycle of the call graph
    // (a level holds whole SCCs, callees below): its first pass sees no summary.
    let mut unit_level = vec![usize::MAX; units.len()];
    let mut group_level = vec![usize::MAX; resolver.groups.len()];
    for (l, level) in levels.iter().enumerate() {
        for t in level {
            match *t {
                Target::Function((fi, fj)) => unit_level[offsets[fi] + fj] = l,
                Target::Group(g) => group_level[g] = l,
            }
        }
    }
    // For lockorder developers: the summaries of these functions, on stderr.
    let debug_summaries = std::env::var("LOCKORDER_DEBUG_SUMMARY").ok();
    let calls_own_level = |(fi, fj): (usize, usize), l: usize| -> bool {
        program.files[fi].facts.functions[fj]
            .calls()
            .any(|call| match resolver.resolve(fi, call) {
                Some(Target::Function((ti, tj))) => unit_level[offsets[ti] + tj] == l,
                Some(Target::Group(g)) => group_level[g] == l,
                None => false,
            })
    };
    for (l, level) in levels.iter().enumerate() {
        let level_functions: Vec<(usize, usize)> = level
            .iter()
            .filter_map(|t| match t {
                Target::Function(f) => Some(*f),
                Target::Group(_) => None,
            })
            .collect();
        let mut functions = level_functions.clone();
        // Recursive functions are analysed again with their cycle's summaries of the
        // round before, until nothing changes: a helper that drops its caller's lock
        // (`task_rq_unlock` under `__set_cpus_allowed_ptr_locked`) must not look like a
        // leak just because a far-away call closes a cycle through it.
        for round in 0..=RECURSION_ROUNDS {
            // The first round runs even with no function: it merges the level's groups.
            if round == 1 {
                functions.retain(|&f| calls_own_level(f, l));
                if functions.is_empty() {
                    break;
                }
            }
            let done: Vec<(FunctionResult, FunctionSummary)> = functions
                .par_iter()
                .map(|&(fi, fj)| {
                    let effects = |call: &lockorder_ir::Call| match resolver.resolve(fi, call)? {
                        Target::Function((ti, tj)) => summaries[offsets[ti] + tj].get(),
                        Target::Group(g) => group_summaries[g].get(),
                    };
                    let entry = entry_contexts[offsets[fi] + fj];
                    let f = &program.files[fi].facts.functions[fj];
                    let r = lockorder_ir::isolate(|| {
                        lockorder_ir::fault_point("analyse", &f.name);
                        function_pass::analyse_function(
                            program,
                            &classes,
                            &constant_tests,
                            &effects,
                            (fi, fj),
                            entry,
                            &entry_locks[offsets[fi] + fj],
                        )
                    })
                    .unwrap_or_else(|message| {
                        internal_error(&internal, program, fi, &f.name, &message);
                        FunctionResult::default()
                    });
                    let s = summarize_for_callers(&r, &classes, (fi, fj));
                    (r, s)
                })
                .collect();
            let mut changed = false;
            for (&(fi, fj), (r, s)) in functions.iter().zip(done) {
                if let Some(names) = &debug_summaries {
                    let name = &program.files[fi].facts.functions[fj].name;
                    if names.split(',').any(|n| n == name) {
                        print_debug_summary(program, &classes, (fi, fj), &r, &s);
                    }
                }
                let s = SummarySlot::new(s);
                if summaries[offsets[fi] + fj] != s {
                    changed = true;
                    summaries[offsets[fi] + fj] = s;
                }
                results[offsets[fi] + fj] = Some(Box::new(r));
            }
            for t in level {
                if let Target::Group(g) = *t {
                    let members: Vec<Option<&FunctionSummary>> = resolver.groups[g]
                        .iter()
                        .map(|&(fi, fj)| summaries[offsets[fi] + fj].get())
                        .collect();
                    let s = SummarySlot::new(merge_summaries(&members));
                    if group_summaries[g] != s {
                        changed = true;
                        group_summaries[g] = s;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        // The level's results are final: the per-function checks run on them now, and
        // only what the program-wide checks read is kept.
        let taken: Vec<(usize, Box<FunctionResult>)> = level_functions
            .iter()
            .map(|&(fi, fj)| offsets[fi] + fj)
            .filter_map(|u| Some((u, results[u].take()?)))
            .collect();
        for (u, r) in &taken {
            handovers.record(program, &resolver, &offsets, (*u, units[*u]), r);
        }
        let checked: Vec<(usize, Vec<Finding>, Option<Box<ProgramWide>>)> = taken
            .into_par_iter()
            .map(|(u, r)| {
                let (fi, fj) = units[u];
                let found = local_checks(&ctx, &internal, fi, fj, &r);
                (u, found, r.into_program_wide(waited_for[u]))
            })
            .collect();
        for (u, found, r) in checked {
            local_findings[u] = found;
            program_wide[u] = r;
        }
    }
    phase("functions");
    // Only the program-wide results are read from here on: the peak of a kernel run is in
    // the checks below.
    drop((results, summaries, group_summaries, levels, entry_locks));
    drop((unit_level, group_level, waited_for));
    for (&(fi, fj), r) in units.iter().zip(&mut program_wide) {
        let Some(r) = r else { continue };
        stats.state_cap_hits += r.stats.state_cap_hits;
        stats.functions_over_budget += u64::from(r.stats.over_budget);
        for e in std::mem::take(&mut r.edges) {
            if !classes.is_novalidate(e.from) && !classes.is_novalidate(e.to) {
                graph.add(fi, fj, e);
            }
        }
    }
    stats.functions_analysed = units.len();
    stats.classes = classes.len();
    stats.order_edges = graph.edge_count();

    let mut findings = Vec::new();
    // A check that panics loses its own findings only.
    let whole = |name: &str, run: &mut dyn FnMut(&mut Vec<Finding>)| {
        let mut found = Vec::new();
        match lockorder_ir::isolate(|| run(&mut found)) {
            Ok(()) => found,
            Err(message) => {
                push_error(&internal, format!("internal error in {name}: {message}"));
                Vec::new()
            }
        }
    };
    phase("graph");
    findings.extend(whole("lock-order-cycle", &mut |out| {
        stats.long_cycles = checks::lock_order_cycle::check(program, &classes, &graph, out);
    }));
    findings.extend(whole("declared-order-violation", &mut |out| {
        checks::declared_order_violation::check(program, &classes, &graph, out)
    }));
    let callees = |(fi, fj): (usize, usize)| -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = program.files[fi].facts.functions[fj]
            .calls()
            .flat_map(|call| resolver.targets(fi, call))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let pcx = checks::ProgramContext {
        program,
        classes: &classes,
        resolver: &resolver,
        units: &units,
        results: &program_wide,
        entry_contexts: &entry_contexts,
        offsets: &offsets,
        callees: &callees,
    };
    phase("cycles");
    findings.extend(whole("irq-unsafe-lock", &mut |out| {
        checks::irq_unsafe_lock::check(&pcx, out)
    }));
    findings.extend(whole("wait-under-lock", &mut |out| {
        checks::wait_under_lock::check(&pcx, out)
    }));
    findings.extend(whole("lock-across-await", &mut |out| {
        checks::lock_across_await::check(&pcx, out)
    }));
    phase("program-wide");
    handovers.drop_handed_over(&classes, &mut local_findings);
    findings.extend(local_findings.into_iter().flatten());
    findings.retain(|f| !program.files[f.primary.span.file.0 as usize].learn_only);
    sort_findings(&mut findings);
    stats.analysis_ns = t0.elapsed().as_nanos() as u64;
    let graph = if export_graph {
        graph_edges(program, &classes, &graph)
    } else {
        Vec::new()
    };
    let mut internal_errors = internal.into_inner().unwrap_or_else(|e| e.into_inner());
    internal_errors.sort();
    Analysis {
        findings,
        stats,
        graph,
        internal_errors,
    }
}

/// For lockorder developers (`LOCKORDER_DEBUG_SUMMARY`): a function's summary and its
/// returns, on stderr.
fn print_debug_summary(
    program: &Program,
    classes: &ClassTable,
    (fi, fj): (usize, usize),
    r: &FunctionResult,
    s: &FunctionSummary,
) {
    let cn = |c: &crate::classes::ClassId| classes.name(*c).to_string();
    eprintln!(
        "summary {}::{}: releases {:?} on failure {:?} with flag {:?} guarded {:?} params {:?} acquires {:?} cond {:?} with flag {:?} waits {:?} requires {:?} sleep {:?} entry {:?} guarded entry {:?}",
        program.files[fi].rel_path,
        program.files[fi].facts.functions[fj].name,
        s.releases.iter().map(cn).collect::<Vec<_>>(),
        s.releases_on_failure
            .iter()
            .map(|(c, w)| (cn(c), *w))
            .collect::<Vec<_>>(),
        s.releases_with_flag
            .iter()
            .map(|(c, p, t)| (cn(c), *p, *t))
            .collect::<Vec<_>>(),
        s.releases_guarded
            .iter()
            .map(|(c, p, t)| (cn(c), *p, *t))
            .collect::<Vec<_>>(),
        s.release_params,
        s.acquires
            .iter()
            .map(|l| (cn(&l.class), l.depth, l.handle))
            .collect::<Vec<_>>(),
        s.cond_acquires
            .iter()
            .map(|(l, w)| (cn(&l.class), *w, l.guard.clone(), l.handle))
            .collect::<Vec<_>>(),
        s.acquires_with_flag
            .iter()
            .map(|(l, p, t)| (cn(&l.class), *p, *t))
            .collect::<Vec<_>>(),
        s.waits_for
            .iter()
            .map(|l| (cn(&l.class), l.guard.clone()))
            .collect::<Vec<_>>(),
        s.requires
            .iter()
            .map(|l| (cn(&l.class), l.guard.clone()))
            .collect::<Vec<_>>(),
        s.may_sleep.as_ref().map(|x| x.what.clone()),
        r.entry_held.iter().map(cn).collect::<Vec<_>>(),
        r.guarded_entry.iter().map(|g| cn(&g.0)).collect::<Vec<_>>(),
    );
    // The lowered function itself, for reading what the front end made of the source.
    if std::env::var_os("LOCKORDER_DEBUG_IR").is_some() {
        let f = &program.files[fi].facts.functions[fj];
        for (i, b) in f.blocks.iter().enumerate() {
            eprintln!("  block {i}: {:?} -> {:?}", b.events, b.terminator);
        }
        eprintln!("  atom vars {:?} plain {:?}", f.atom_vars, f.atom_var);
    }
    for ret in &r.returns {
        eprintln!(
            "  return {:?} at {}: held {:?} released {:?} pending {:?} wrote {:?} entered without {:?}",
            ret.value,
            ret.span.start,
            ret.held.iter().map(|h| cn(&h.class)).collect::<Vec<_>>(),
            ret.released.iter().map(|x| cn(&x.0)).collect::<Vec<_>>(),
            ret.pending
                .iter()
                .map(|x| (cn(&x.0.class), x.1))
                .collect::<Vec<_>>(),
            ret.written_params,
            r.guarded_entry
                .iter()
                .enumerate()
                .filter(|(i, _)| !ret.started_with(*i))
                .map(|(_, g)| cn(&g.0))
                .collect::<Vec<_>>(),
        );
    }
}

/// The per-function checks on one function's result; a check that panics loses that
/// function's findings only.
fn local_checks(
    ctx: &checks::FunctionContext,
    internal: &Mutex<Vec<String>>,
    fi: usize,
    fj: usize,
    r: &FunctionResult,
) -> Vec<Finding> {
    let unit = checks::FunctionUnit {
        file: fi,
        function: fj,
        result: r,
    };
    let mut found = Vec::new();
    let checked = lockorder_ir::isolate(|| {
        checks::double_lock::check(ctx, &unit, &mut found);
        checks::unreleased_lock::check(ctx, &unit, &mut found);
        checks::unbalanced_unlock::check(ctx, &unit, &mut found);
        checks::lock_not_held::check(ctx, &unit, &mut found);
        checks::sleep_in_atomic::check(ctx, &unit, &mut found);
    });
    match checked {
        Ok(()) => found,
        Err(message) => {
            let name = &ctx.program.files[fi].facts.functions[fj].name;
            internal_error(internal, ctx.program, fi, name, &message);
            Vec::new()
        }
    }
}

fn push_error(errors: &Mutex<Vec<String>>, message: String) {
    errors
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(message);
}

fn internal_error(
    errors: &Mutex<Vec<String>>,
    program: &Program,
    file: usize,
    function: &str,
    message: &str,
) {
    push_error(
        errors,
        format!(
            "{}: `{function}`: internal error in the analysis: {message}",
            program.files[file].rel_path
        ),
    );
}

/// The context each function runs in by registration (`request_irq`, `timer_setup`, an
/// atomic ops slot), the most atomic when several say so; `None` for plain functions.
fn entry_contexts(
    program: &Program,
    classes: &ClassTable,
    resolver: &CallResolver,
    offsets: &[usize],
) -> Vec<Option<EntryContext>> {
    let total = program.files.iter().map(|f| f.facts.functions.len()).sum();
    let mut out: Vec<Option<EntryContext>> = vec![None; total];
    let mut set = |(ti, tj): (usize, usize), e: EntryContext| {
        let slot = &mut out[offsets[ti] + tj];
        if slot.is_none_or(|old| e.context < old.context) {
            *slot = Some(e);
        }
    };
    for (fi, file) in program.files.iter().enumerate() {
        for r in &file.facts.registrations {
            if let Some(target) = resolver.resolve_name(fi, r.function) {
                set(
                    target,
                    EntryContext {
                        context: r.context,
                        span: r.span,
                        via_name: Some(r.via),
                    },
                );
            }
        }
    }
    let slots: Vec<(u32, (lockorder_ir::ExecContext, Option<&str>))> = program
        .context_slots
        .iter()
        .filter_map(|(name, c, unless)| {
            Some((classes.slot_class_named(name)?, (*c, unless.as_deref())))
        })
        .collect();
    for (class, target) in slot_bound_functions(program, classes, resolver, &slots) {
        let Some(&(_, (context, unless))) = slots.iter().find(|s| s.0 == class) else {
            continue;
        };
        // `pcm->nonatomic = true;` in the function's file: its framework calls it unlocked.
        let fields_set = &program.files[target.0].facts.fields_set;
        if unless.is_some_and(|field| fields_set.iter().any(|f| f == field)) {
            continue;
        }
        let span = program.files[target.0].facts.functions[target.1].name_span;
        set(
            target,
            EntryContext {
                context,
                span,
                via_name: None,
            },
        );
    }
    out
}

/// Each function bound to an ops slot (`.open = foo_open`) of a class `rules` names, with
/// that slot class: a rule on the slot applies to it. Nothing when `rules` is empty.
fn slot_bound_functions<'p, T>(
    program: &'p Program,
    classes: &'p ClassTable,
    resolver: &'p CallResolver,
    rules: &'p [(u32, T)],
) -> impl Iterator<Item = (u32, (usize, usize))> + 'p {
    let files = if rules.is_empty() {
        &program.files[..0]
    } else {
        &program.files[..]
    };
    files.iter().enumerate().flat_map(move |(fi, file)| {
        file.facts
            .slot_bindings
            .iter()
            .filter_map(move |&(slot, name)| {
                let class = classes.slot_class(fi, slot);
                if !rules.iter().any(|r| r.0 == class) {
                    return None;
                }
                Some((class, resolver.resolve_name(fi, name)?))
            })
    })
}

/// Per function, whether a registration makes something wait for it to finish
/// (`INIT_WORK` then `cancel_work_sync`, `request_irq` then `free_irq`): the functions
/// whose waited-for locks `wait_under_lock` reads.
fn waited_for(program: &Program, resolver: &CallResolver, offsets: &[usize]) -> Vec<bool> {
    let total = program.files.iter().map(|f| f.facts.functions.len()).sum();
    let mut out = vec![false; total];
    for (.., (ti, tj)) in checks::wait_under_lock::waited_registrations(program, resolver) {
        out[offsets[ti] + tj] = true;
    }
    out
}

/// Per function, the locks its callers hold by contract: ops bound to a slot of the
/// rules' `held_slot` (`ethtool_ops` under RTNL).
fn entry_locks(
    program: &Program,
    classes: &ClassTable,
    resolver: &CallResolver,
    offsets: &[usize],
) -> Vec<Vec<EntryLock>> {
    let total = program.files.iter().map(|f| f.facts.functions.len()).sum();
    let mut out = vec![Vec::new(); total];
    let slots: Vec<(u32, EntryLock)> = program
        .held_slots
        .iter()
        .filter_map(|(slot, lock, mode)| {
            let class = classes.class_named(lock)?;
            let kind = classes.kind(class).unwrap_or(lockorder_ir::LockKind::Mutex);
            Some((classes.slot_class_named(slot)?, (class, kind, *mode)))
        })
        .collect();
    for (class, (ti, tj)) in slot_bound_functions(program, classes, resolver, &slots) {
        for &(_, lock) in slots.iter().filter(|s| s.0 == class) {
            let locks: &mut Vec<EntryLock> = &mut out[offsets[ti] + tj];
            if !locks.iter().any(|l| l.0 == lock.0) {
                locks.push(lock);
                locks.sort();
            }
        }
    }
    out
}

/// The order graph with names, witness counts and cycle membership (an edge is on a
/// cycle when both ends are in one strongly connected component).
fn graph_edges(program: &Program, classes: &ClassTable, graph: &OrderGraph) -> Vec<GraphEdge> {
    use petgraph::graph::{DiGraph, NodeIndex};
    let mut g: DiGraph<u32, ()> = DiGraph::new();
    let mut node: foldhash::HashMap<u32, NodeIndex> = foldhash::HashMap::default();
    for &(a, b) in graph.edges.keys() {
        let na = *node.entry(a).or_insert_with(|| g.add_node(a));
        let nb = *node.entry(b).or_insert_with(|| g.add_node(b));
        g.add_edge(na, nb, ());
    }
    let mut component = foldhash::HashMap::default();
    for (i, scc) in petgraph::algo::tarjan_scc(&g).iter().enumerate() {
        for n in scc {
            component.insert(g[*n], (i, scc.len()));
        }
    }
    graph
        .edges
        .iter()
        .map(|(&(a, b), ws)| {
            let mut functions: Vec<(usize, usize)> =
                ws.iter().map(|w| (w.file, w.function)).collect();
            functions.sort_unstable();
            functions.dedup();
            let w = &ws[0];
            let (ca, cb) = (component[&a], component[&b]);
            GraphEdge {
                from: classes.name(a).to_string(),
                to: classes.name(b).to_string(),
                count: functions.len(),
                witness: program.files[w.file].facts.functions[w.function]
                    .name
                    .clone(),
                site: w.to_site,
                in_cycle: ca.0 == cb.0 && ca.1 > 1,
            }
        })
        .collect()
}

/// The output order, whatever the thread count: by file, position, code and message.
pub fn sort_findings(findings: &mut [Finding]) {
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
}
