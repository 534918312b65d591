#!/usr/bin/env bash
# Runs lockorder on the real Linux 6.12 tree (Debian's linux-source-6.12, fetched and
# unpacked on first use) and prints wall time, CPU time, peak RSS, size, throughput,
# findings per rule and the parse floor measured in the same run (--statistics).
#
# usage: bench/kernel.sh [SUBDIR...]      e.g. bench/kernel.sh . drivers/net fs kernel
# env:   LINUX_TREE_DIR (default /var/tmp/linux-tree), LOCKORDER (default: release build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${LINUX_TREE_DIR:-/var/tmp/linux-tree}
tree=$dir/linux-source-6.12
if [ ! -d "$tree/drivers" ]; then
  if [ ! -f /usr/src/linux-source-6.12.tar.xz ]; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get install -y -q linux-source-6.12 >/dev/null
  fi
  mkdir -p "$dir"
  tar xf /usr/src/linux-source-6.12.tar.xz -C "$dir"
fi
bin=${LOCKORDER:-$root/target/release/lockorder}
if [ -z "${LOCKORDER:-}" ]; then
  (cd "$root" && cargo build --release --quiet)
fi
[ $# -gt 0 ] || set -- .
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-16s %8s %8s %8s %8s %10s %8s %8s %10s  %s\n' path wall_s cpu_s rss_MB files lines MB MB/s floor_cpu_s findings
for sub in "$@"; do
  (cd "$tree" && /usr/bin/time -f '%e %U %S %M' -o "$out/time" \
     "$bin" check --format json --statistics --quiet "$sub" >"$out/json" 2>"$out/stats") || true
  # GNU time prefixes "Command exited with non-zero status" when findings make it exit 1.
  read -r wall user sys rss < <(tail -n 1 "$out/time")
  stat() { grep -E "^  $1:" "$out/stats" | head -1 | sed -E 's/^[^:]*: *([0-9.]+).*/\1/'; }
  files=$(stat files); lines=$(stat lines); bytes=$(stat bytes); floor=$(stat 'parse floor \(cpu\)')
  per_rule=$(python3 -c '
import json, sys, collections
c = collections.Counter(json.loads(l)["code"] for l in open(sys.argv[1]) if l.strip())
print(" ".join(f"{k}={v}" for k, v in sorted(c.items())) or "none")' "$out/json")
  python3 - "$sub" "$wall" "$user" "$sys" "$rss" "$files" "$lines" "$bytes" "$floor" "$per_rule" <<'PY'
import sys
sub, wall, user, sys_, rss, files, lines, nbytes, floor, rules = sys.argv[1:]
wall, cpu, mb = float(wall), float(user) + float(sys_), int(nbytes) / 1e6
print(f"{sub:<16} {wall:8.1f} {cpu:8.1f} {int(rss)/1024:8.0f} {files:>8} {lines:>10} {mb:8.0f} {mb/wall:8.1f} {float(floor):10.1f}  {rules}")
PY
done
