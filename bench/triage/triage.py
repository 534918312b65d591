#!/usr/bin/env python3
"""Precision triage of lockorder findings on the Linux tree.

Each rule's sample is a bottom-k sample: findings ranked by a seeded hash of their key,
the K lowest taken. Keys are the finding's fingerprint (line-independent) plus its
occurrence number when one function reports the same thing twice. A bottom-k sample is
stable: when a fix removes a sampled finding the next-ranked one takes its place and the
rest of the sample, with its verdicts, stays.

Verdicts live in one TSV per rule, `LOxxx.tsv` next to this script:
    key  verdict  location  function  reason
verdict is `true`, `false`, `unclear` or `todo` (sampled, not yet judged). Rows whose
finding is gone stay in the file as history but no longer count.

usage:
    triage.py sample FINDINGS.jsonl   add unjudged sampled findings to the TSVs as `todo`
    triage.py diff FINDINGS.jsonl     sampled findings that disappeared or appeared
    triage.py table FINDINGS.jsonl    per-rule precision over the current sample (markdown)
"""

import csv
import hashlib
import json
import os
import sys
from collections import defaultdict

SEED = "lockorder-triage-2026"
K = 30
HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["key", "verdict", "location", "function", "reason"]
VERDICTS = {"true", "false", "unclear", "todo"}


def load_findings(path):
    by_rule = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                by_rule[d["code"]].append(d)
    keyed = {}
    for code, items in by_rule.items():
        items.sort(key=lambda d: (d["fingerprint"], d["file"], d["line"], d["column"]))
        seen = defaultdict(int)
        out = {}
        for d in items:
            n = seen[d["fingerprint"]]
            seen[d["fingerprint"]] += 1
            out[f'{d["fingerprint"]}.{n}'] = d
        keyed[code] = out
    return keyed


def rank(key):
    return hashlib.sha256(f"{SEED}:{key}".encode()).hexdigest()


def sample(findings):
    return sorted(findings, key=rank)[:K]


def tsv_path(code):
    return os.path.join(HERE, f"{code}.tsv")


def load_verdicts(code):
    rows = {}
    path = tsv_path(code)
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
            if row["verdict"] not in VERDICTS:
                sys.exit(f"{path}:{i}: verdict `{row['verdict']}` is not one of {sorted(VERDICTS)}")
            rows[row["key"]] = row
    return rows


def save_verdicts(code, rows):
    with open(tsv_path(code), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, FIELDS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        for key in sorted(rows, key=rank):
            w.writerow(rows[key])


def location(d):
    return f'{d["file"]}:{d["line"]}'


def cmd_sample(keyed):
    for code, findings in sorted(keyed.items()):
        rows = load_verdicts(code)
        added = 0
        for key in sample(findings):
            if key not in rows:
                d = findings[key]
                rows[key] = {"key": key, "verdict": "todo", "location": location(d),
                             "function": d.get("function") or "", "reason": d["message"]}
                added += 1
        save_verdicts(code, rows)
        print(f"{code}: {len(findings)} findings, sample {min(K, len(findings))}, {added} to judge")


def cmd_diff(keyed):
    codes = sorted(set(keyed) | {f[:-4] for f in os.listdir(HERE) if f.endswith(".tsv")})
    for code in codes:
        findings = keyed.get(code, {})
        rows = load_verdicts(code)
        current = set(sample(findings))
        judged = {k for k, r in rows.items() if r["verdict"] != "todo"}
        gone = sorted(k for k in judged if k not in findings)
        new = sorted(k for k in current if k not in judged)
        for k in gone:
            r = rows[k]
            print(f"{code} disappeared  {r['verdict']:8} {r['location']} {r['function']}: {r['reason']}")
        for k in new:
            d = findings[k]
            print(f"{code} appeared     {'':8} {location(d)} {d.get('function') or ''}: {d['message']}")
        print(f"{code}: {len(findings)} findings, {len(gone)} judged ones gone, {len(new)} sampled to judge")


def cmd_table(keyed):
    print("| rule | findings | sample | true | false | unclear | to judge | precision |")
    print("|---|---|---|---|---|---|---|---|")
    for code, findings in sorted(keyed.items()):
        rows = load_verdicts(code)
        count = defaultdict(int)
        for key in sample(findings):
            count[rows[key]["verdict"] if key in rows else "todo"] += 1
        t, fl = count["true"], count["false"]
        prec = f"{100 * t / (t + fl):.0f} %" if t + fl else "–"
        n = min(K, len(findings))
        print(f"| {code} | {len(findings)} | {n} | {t} | {fl} | {count['unclear']} | {count['todo']} | {prec} |")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("sample", "diff", "table"):
        sys.exit(__doc__)
    keyed = load_findings(sys.argv[2])
    {"sample": cmd_sample, "diff": cmd_diff, "table": cmd_table}[sys.argv[1]](keyed)


if __name__ == "__main__":
    main()
