use std::collections::{BTreeSet, VecDeque};

use foldhash::{HashMap, HashMapExt};

use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::checks::{call_chain, declare_rule};
use crate::classes::{ClassId, ClassTable};
use crate::finding::{fingerprint, Finding, Severity, Site, Suggestion};
use crate::order_graph::{OrderGraph, Witness};
use crate::program::Program;

declare_rule! {
    /// ## What it does
    /// Finds locks taken in inconsistent orders: one path holds `A` while it waits for `B`,
    /// another holds `B` while it waits for `A` — directly, or through a longer cycle
    /// `A → B → C → A` — across functions and files.
    ///
    /// ## Why is this bad?
    /// Two CPUs running the two paths at once can each take their first lock and then wait
    /// forever for the other's: an AB-BA deadlock. Lockdep reports it as "possible circular
    /// locking dependency detected", but only once a test happens to run both orders.
    ///
    /// ## Example
    /// ```c
    /// static void bad_function(void)     { down(&sem1); down(&sem2); up(&sem2); up(&sem1); }
    /// static void another_function(void) { down(&sem2); down(&sem1); up(&sem1); up(&sem2); }
    /// ```
    ///
    /// ## How to fix
    /// Take the locks in one global order everywhere. lockorder proposes the order most
    /// witnesses already use and marks the acquisition to move. If two instances of one
    /// class nest on purpose, annotate the inner one (`mutex_lock_nested`,
    /// `spin_lock_nested`) as lockdep requires.
    pub LOCK_ORDER_CYCLE = ("LO001", "lock-order-cycle", Severity::Error,
        "locks taken in inconsistent orders (AB-BA or a longer cycle)")
}

/// Witness functions listed per order before the rest are summarised.
const MAX_WITNESSES_SHOWN: usize = 8;

/// Longest cycle reported. Longer witness cycles on the kernel run through classes that
/// lockdep splits per filesystem or per device (`struct inode::i_rwsem`), which a static
/// class cannot yet; they are counted, not reported.
pub const MAX_CYCLE_LOCKS: usize = 3;

/// Reports cycles; returns how many longer than [`MAX_CYCLE_LOCKS`] were left out.
pub fn check(
    program: &Program,
    classes: &ClassTable,
    graph: &OrderGraph,
    out: &mut Vec<Finding>,
) -> usize {
    let mut long_cycles = 0;
    // Every 2-lock inversion, once per unordered pair.
    let mut covered: BTreeSet<(ClassId, ClassId)> = BTreeSet::new();
    for (&(a, b), ab) in &graph.edges {
        if a < b {
            if let Some(ba) = graph.edges.get(&(b, a)) {
                covered.insert((a, b));
                covered.insert((b, a));
                out.push(cycle_finding(
                    program,
                    classes,
                    &[((a, b), ab), ((b, a), ba)],
                ));
            }
        }
    }
    // Longer cycles: shortest witness cycles covering each remaining edge of every
    // strongly connected component once; never an enumeration of all cycles.
    let mut g: DiGraph<ClassId, ()> = DiGraph::new();
    let mut node: HashMap<ClassId, NodeIndex> = HashMap::new();
    for &(a, b) in graph.edges.keys() {
        let na = *node.entry(a).or_insert_with(|| g.add_node(a));
        let nb = *node.entry(b).or_insert_with(|| g.add_node(b));
        g.add_edge(na, nb, ());
    }
    for scc in tarjan_scc(&g) {
        if scc.len() < 3 {
            continue;
        }
        let members: BTreeSet<ClassId> = scc.iter().map(|&n| g[n]).collect();
        let inner: Vec<(ClassId, ClassId)> = graph
            .edges
            .keys()
            .filter(|(a, b)| members.contains(a) && members.contains(b))
            .copied()
            .collect();
        for &(u, v) in &inner {
            if covered.contains(&(u, v)) {
                continue;
            }
            let Some(path) = shortest_path(graph, &members, v, u) else {
                continue;
            };
            let mut cycle = vec![(u, v)];
            cycle.extend(path.windows(2).map(|w| (w[0], w[1])));
            if cycle.len() < 3 {
                continue;
            }
            for e in &cycle {
                covered.insert(*e);
            }
            if cycle.len() > MAX_CYCLE_LOCKS {
                long_cycles += 1;
                continue;
            }
            let edges: Vec<_> = cycle.iter().map(|e| (*e, &graph.edges[e])).collect();
            out.push(cycle_finding(program, classes, &edges));
        }
    }
    long_cycles
}

/// Shortest class path `from → … → to` inside one component (BFS, deterministic).
fn shortest_path(
    graph: &OrderGraph,
    members: &BTreeSet<ClassId>,
    from: ClassId,
    to: ClassId,
) -> Option<Vec<ClassId>> {
    let mut prev: HashMap<ClassId, ClassId> = HashMap::new();
    let mut queue = VecDeque::from([from]);
    prev.insert(from, from);
    while let Some(x) = queue.pop_front() {
        if x == to {
            let mut path = vec![to];
            let mut cur = to;
            while cur != from {
                cur = prev[&cur];
                path.push(cur);
            }
            path.reverse();
            return Some(path);
        }
        for (&(_, y), _) in graph.edges.range((x, 0)..=(x, ClassId::MAX)) {
            if members.contains(&y) && !prev.contains_key(&y) {
                prev.insert(y, x);
                queue.push_back(y);
            }
        }
    }
    None
}

/// One witness per function, in file and position order.
fn distinct_functions(ws: &[Witness]) -> Vec<&Witness> {
    let mut seen = BTreeSet::new();
    let mut v: Vec<&Witness> = ws
        .iter()
        .filter(|w| seen.insert((w.file, w.function)))
        .collect();
    v.sort_by_key(|w| (w.file, w.to_site.start));
    v
}

fn fn_name(program: &Program, w: &Witness) -> String {
    program.files[w.file].facts.functions[w.function]
        .name
        .clone()
}

/// A finding for one cycle, given as its edges in cycle order.
fn cycle_finding(
    program: &Program,
    classes: &ClassTable,
    edges: &[((ClassId, ClassId), &Vec<Witness>)],
) -> Finding {
    let per_edge: Vec<Vec<&Witness>> = edges.iter().map(|(_, ws)| distinct_functions(ws)).collect();
    // The order to change: fewest witness functions; ties go to the later file/line.
    let minority = (0..edges.len())
        .min_by(|&i, &j| {
            let (wi, wj) = (&per_edge[i], &per_edge[j]);
            wi.len().cmp(&wj.len()).then_with(|| {
                let li = (wi[0].file, wi[0].to_site.start);
                let lj = (wj[0].file, wj[0].to_site.start);
                lj.cmp(&li)
            })
        })
        .unwrap_or(0);
    let name = |c: ClassId| classes.name(c).to_string();
    let ((held, wanted), _) = edges[minority];
    let primary_w = per_edge[minority][0];
    let primary_fn = fn_name(program, primary_w);

    // Locks in cycle order, starting with the lock held at the primary location.
    let mut locks = Vec::new();
    for k in 0..edges.len() {
        let ((a, _), _) = edges[(minority + k) % edges.len()];
        locks.push(name(a));
    }

    // Witnesses shown, with the lock each takes second: their call chains follow.
    let mut shown: Vec<(&Witness, ClassId)> = vec![(primary_w, wanted)];
    let mut related = vec![Site {
        span: primary_w.from_site,
        function: Some(primary_fn.clone()),
        message: format!("`{}` acquired first here, in `{}`", name(held), primary_fn),
    }];
    for k in 1..edges.len() {
        let i = (minority + k) % edges.len();
        let ((a, b), _) = edges[i];
        for w in per_edge[i].iter().take(MAX_WITNESSES_SHOWN) {
            shown.push((w, b));
            let f = fn_name(program, w);
            related.push(Site {
                span: w.from_site,
                function: Some(f.clone()),
                message: format!("`{}` acquired first here, in `{}`", name(a), f),
            });
            related.push(Site {
                span: w.to_site,
                function: Some(f),
                message: format!("then `{}`", name(b)),
            });
        }
    }
    for w in per_edge[minority].iter().skip(1).take(MAX_WITNESSES_SHOWN) {
        shown.push((w, wanted));
        let f = fn_name(program, w);
        related.push(Site {
            span: w.to_site,
            function: Some(f.clone()),
            message: format!(
                "`{}` then `{}` also here, in `{}`",
                name(held),
                name(wanted),
                f
            ),
        });
    }

    let mut chains = Vec::new();
    for (w, to) in shown {
        if let Some(chain) = &w.chain {
            let f = fn_name(program, w);
            let call = Site {
                span: w.to_site,
                function: Some(f.clone()),
                message: format!("`{f}` takes `{}` below this call", name(to)),
            };
            let c = call_chain(program, call, chain, &name(to));
            related.extend(c.steps.iter().cloned());
            chains.push(c);
        }
    }

    let mut notes = Vec::new();
    let message;
    let help;
    if edges.len() == 2 {
        let other = &per_edge[1 - minority];
        let others = describe_functions(program, other);
        message = format!(
            "lock order inversion: `{}` then `{}` here, `{}` then `{}` in {}",
            name(held),
            name(wanted),
            name(wanted),
            name(held),
            others
        );
        notes.push(scenario_two(&name(wanted), &name(held)));
        help = format!(
            "acquire `{}` before `{}` in `{}`, the order {} uses",
            name(wanted),
            name(held),
            primary_fn,
            others
        );
    } else {
        let chain: Vec<String> = locks.iter().map(|l| format!("`{l}`")).collect();
        message = format!("lock order cycle: {} -> `{}`", chain.join(" -> "), locks[0]);
        let mut steps = Vec::new();
        for k in 0..edges.len() {
            let i = (minority + k) % edges.len();
            let ((a, b), _) = edges[i];
            steps.push(format!(
                "`{}` -> `{}` in {}",
                name(a),
                name(b),
                describe_functions(program, &per_edge[i])
            ));
        }
        notes.push(format!("the cycle: {}", steps.join("; ")));
        help = format!(
            "acquire `{}` before `{}` in `{}`, which breaks the cycle",
            name(wanted),
            name(held),
            primary_fn
        );
    }
    for (i, ws) in per_edge.iter().enumerate() {
        if ws.len() > MAX_WITNESSES_SHOWN {
            let ((a, b), _) = edges[i];
            notes.push(format!(
                "{} more functions take `{}` then `{}`",
                ws.len() - MAX_WITNESSES_SHOWN,
                name(a),
                name(b)
            ));
        }
    }

    let mut sorted = locks.clone();
    sorted.sort();
    let mut parts = vec![LOCK_ORDER_CYCLE.code];
    parts.extend(sorted.iter().map(String::as_str));
    Finding {
        code: LOCK_ORDER_CYCLE.code,
        rule: LOCK_ORDER_CYCLE.name,
        severity: LOCK_ORDER_CYCLE.default_severity,
        message,
        primary: Site {
            span: primary_w.to_site,
            function: Some(primary_fn),
            message: format!("then `{}`: the opposite order", name(wanted)),
        },
        related,
        locks,
        notes,
        chains,
        help: Some(help),
        suggestion: Some(Suggestion::Reorder {
            first: primary_w.from_site,
            second: primary_w.to_site,
        }),
        fingerprint: fingerprint(&parts),
    }
}

fn describe_functions(program: &Program, ws: &[&Witness]) -> String {
    match ws {
        [] => String::new(),
        [w] => format!("`{}`", fn_name(program, w)),
        [w, rest @ ..] => format!(
            "`{}` and {} other function{}",
            fn_name(program, w),
            rest.len(),
            if rest.len() == 1 { "" } else { "s" }
        ),
    }
}

/// A file static without its path (`drivers/x.c::foo_lock` → `foo_lock`), as lockdep
/// prints lock names; other classes are short already.
fn short_name(class: &str) -> &str {
    match class.split_once("::") {
        Some((file, name)) if file.ends_with(".c") || file.ends_with(".h") => name,
        _ => class,
    }
}

/// Lockdep's two-CPU scenario: CPU0 runs the majority order, CPU1 the minority one.
fn scenario_two(first: &str, second: &str) -> String {
    let l1 = format!("lock({});", short_name(first));
    let l2 = format!("lock({});", short_name(second));
    let w = 28usize.max(l1.len().max(l2.len()) + 4);
    let mut s = String::from("possible deadlock scenario:\n");
    s.push_str(&format!("       {:<w$}CPU1\n", "CPU0"));
    s.push_str(&format!("       {:<w$}----\n", "----"));
    s.push_str(&format!("  {l1}\n"));
    s.push_str(&format!("       {:<w$}{l2}\n", ""));
    s.push_str(&format!("       {:<w$}{l1}   <- waits for CPU0\n", ""));
    s.push_str(&format!("  {l2}   <- waits for CPU1"));
    s
}
