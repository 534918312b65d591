//! `--format sarif`: one SARIF 2.1.0 log, as GitHub code scanning accepts it. Paths are
//! relative to the project root (`%SRCROOT%`); related sites are `relatedLocations`, call
//! chains `codeFlows`, and the line-independent fingerprint a `partialFingerprints` entry.

use std::io::{self, Write};

use lockorder_analysis::{Finding, Severity, Site, RULES};
use serde_json::{json, Value};

use super::Located;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The repository of this tool, from its manifest.
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

pub fn render(findings: &[Finding], loc: &Located, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.doc.trim(), "markdown": r.doc.trim() },
                "defaultConfiguration": { "level": level(r.default_severity) },
            })
        })
        .collect();
    let results: Vec<Value> = findings.iter().map(|f| result(f, loc)).collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "lockorder",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "originalUriBaseIds": {
                "%SRCROOT%": { "description": { "text": "The project root: the directory of lockorder.toml, else the git work tree." } }
            },
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn physical(site: &Site, loc: &Located) -> Value {
    let l = loc.locate(site.span);
    json!({
        "artifactLocation": { "uri": loc.root_path(site.span), "uriBaseId": "%SRCROOT%" },
        "region": {
            "startLine": l.line,
            "startColumn": l.column,
            "endLine": l.end_line,
            "endColumn": l.end_column,
        }
    })
}

fn result(f: &Finding, loc: &Located) -> Value {
    let rule_index = RULES.iter().position(|r| r.code == f.code);
    let mut text = f.message.clone();
    if let Some(h) = &f.help {
        text.push_str(&format!("\nhelp: {h}"));
    }
    let related: Vec<Value> = f
        .related
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "id": i,
                "physicalLocation": physical(s, loc),
                "message": { "text": s.message },
            })
        })
        .collect();
    // A call chain as a thread flow: the call at the finding's site, then each step.
    let code_flows: Vec<Value> = f
        .chains
        .iter()
        .map(|c| {
            let steps: Vec<Value> = std::iter::once(&c.call)
                .chain(&c.steps)
                .map(|s| {
                    json!({
                        "location": {
                            "physicalLocation": physical(s, loc),
                            "message": { "text": s.message },
                        }
                    })
                })
                .collect();
            json!({
                "message": { "text": c.what },
                "threadFlows": [{ "locations": steps }],
            })
        })
        .collect();
    let mut r = json!({
        "ruleId": f.code,
        "level": level(f.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": physical(&f.primary, loc),
            "message": { "text": f.primary.message },
        }],
        "partialFingerprints": { "lockorderFingerprint/v1": f.fingerprint },
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        r["relatedLocations"] = json!(related);
    }
    if !code_flows.is_empty() {
        r["codeFlows"] = json!(code_flows);
    }
    r
}
