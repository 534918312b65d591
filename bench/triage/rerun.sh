#!/usr/bin/env bash
# Re-runs lockorder on the whole Linux 6.12 tree and compares with the triage record:
# which judged findings of each rule's sample disappeared (with their verdict), which
# findings entered the sample and wait for a verdict, and the precision table.
#
# usage: bench/triage/rerun.sh [--sample]   --sample: also add the new sample members to
#                                           the LOxxx.tsv files as `todo`
# env:   LINUX_TREE_DIR (default /var/tmp/linux-tree), LOCKORDER (default: release build)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tree=$("$root/bench/linux-tree.sh")
bin=${LOCKORDER:-$root/target/release/lockorder}
if [ -z "${LOCKORDER:-}" ]; then
  (cd "$root" && cargo build --release --quiet)
fi
out=$(mktemp) stats=$(mktemp)
trap 'rm -f "$out" "$stats"' EXIT
# Exit status 1 means findings, which is the point.
(cd "$tree" && "$bin" check --format json --quiet --statistics .) >"$out" 2>"$stats" || [ $? -eq 1 ]
lines=$(sed -nE 's/^  lines: *([0-9]+).*/\1/p' "$stats")
findings=$(wc -l <"$out")
echo "findings: $findings in $lines lines: one per $((lines / (findings > 0 ? findings : 1))) lines"
if [ "${1:-}" = --sample ]; then
  python3 "$root/bench/triage/triage.py" sample "$out"
fi
python3 "$root/bench/triage/triage.py" diff "$out"
python3 "$root/bench/triage/triage.py" table "$out"
