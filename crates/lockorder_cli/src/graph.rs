//! `lockorder graph`: the lock-order graph as Graphviz dot, Mermaid or JSON, each edge
//! labelled with one witness function and the number of functions taking that order,
//! edges on a cycle highlighted, optionally cut down to one class's neighbourhood.

use std::collections::{BTreeSet, VecDeque};
use std::io::{self, Write};

use lockorder_analysis::GraphEdge;

use crate::args::GraphFormat;
use crate::render::Located;

/// The edges within `depth` steps (either direction) of the class `lock`, or all.
pub fn neighbourhood<'a>(
    edges: &'a [GraphEdge],
    lock: Option<&'a str>,
    depth: usize,
) -> Result<Vec<&'a GraphEdge>, String> {
    let Some(lock) = lock else {
        return Ok(edges.iter().collect());
    };
    if !edges.iter().any(|e| e.from == lock || e.to == lock) {
        return Err(format!("no lock class named `{lock}` has an order edge"));
    }
    let mut near: BTreeSet<&str> = BTreeSet::from([lock]);
    let mut queue = VecDeque::from([(lock, 0usize)]);
    while let Some((n, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for e in edges {
            let other = if e.from == n {
                &e.to
            } else if e.to == n {
                &e.from
            } else {
                continue;
            };
            if near.insert(other) {
                queue.push_back((other, d + 1));
            }
        }
    }
    Ok(edges
        .iter()
        .filter(|e| near.contains(e.from.as_str()) && near.contains(e.to.as_str()))
        .collect())
}

fn label(e: &GraphEdge) -> String {
    if e.count > 1 {
        format!("{} (+{})", e.witness, e.count - 1)
    } else {
        e.witness.clone()
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

pub fn render(
    format: GraphFormat,
    edges: &[&GraphEdge],
    loc: &Located,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        GraphFormat::Dot => {
            writeln!(out, "digraph lockorder {{")?;
            writeln!(out, "  node [shape=box, fontname=monospace];")?;
            for e in edges {
                let style = if e.in_cycle {
                    ", color=red, penwidth=2"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "  {} -> {} [label={}{style}];",
                    quoted(&e.from),
                    quoted(&e.to),
                    quoted(&label(e))
                )?;
            }
            writeln!(out, "}}")
        }
        GraphFormat::Mermaid => {
            writeln!(out, "graph LR")?;
            let mut ids: Vec<&str> = edges
                .iter()
                .flat_map(|e| [e.from.as_str(), e.to.as_str()])
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let id = |n: &str| ids.binary_search(&n).unwrap_or(0);
            for n in &ids {
                writeln!(out, "  n{}[\"{}\"]", id(n), n.replace('"', "#quot;"))?;
            }
            let mut cycle_links = Vec::new();
            for (i, e) in edges.iter().enumerate() {
                writeln!(
                    out,
                    "  n{} -->|\"{}\"| n{}",
                    id(&e.from),
                    label(e).replace('"', "#quot;"),
                    id(&e.to)
                )?;
                if e.in_cycle {
                    cycle_links.push(i.to_string());
                }
            }
            if !cycle_links.is_empty() {
                writeln!(
                    out,
                    "  linkStyle {} stroke:red,stroke-width:2px",
                    cycle_links.join(",")
                )?;
            }
            Ok(())
        }
        GraphFormat::Json => {
            for e in edges {
                let l = loc.locate(e.site);
                let v = serde_json::json!({
                    "from": e.from,
                    "to": e.to,
                    "functions": e.count,
                    "witness": e.witness,
                    "file": l.file,
                    "line": l.line,
                    "in_cycle": e.in_cycle,
                });
                serde_json::to_writer(&mut *out, &v)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
    }
}
