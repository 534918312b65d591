#!/usr/bin/env bash
# Runs lockorder on the real Linux 6.12 tree (Debian's linux-source-6.12, fetched and
# unpacked on first use) and prints, per path, a cold run (empty cache): wall time, CPU
# time, peak RSS, size, throughput, the parse floor measured in the same run
# (--statistics: reading, pre-passing and tree-sitter parsing every file) and the ratio
# of wall time to that floor spread over the threads, µs per thousand lines (linearity),
# and findings per rule. With --warm it then times, on the first path, a re-run with
# nothing changed, one after touching a .c file, and one after editing it.
#
# usage: bench/kernel.sh [--warm|--warm-only] [SUBDIR...]   e.g. bench/kernel.sh --warm . drivers/net fs
# env:   LINUX_TREE_DIR (default /var/tmp/linux-tree), LOCKORDER (default: release build),
#        THREADS (default: all cores)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
warm=0 table=1
if [ "${1:-}" = --warm ]; then warm=1; shift; fi
if [ "${1:-}" = --warm-only ]; then warm=1 table=0; shift; fi
tree=$("$root/bench/linux-tree.sh")
bin=${LOCKORDER:-$root/target/release/lockorder}
if [ -z "${LOCKORDER:-}" ]; then
  (cd "$root" && cargo build --release --quiet)
fi
threads=${THREADS:-$(nproc)}
[ $# -gt 0 ] || set -- .
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); threads: $threads"
printf '%-28s %7s %7s %7s %6s %9s %6s %6s %8s %6s %9s  %s\n' \
  path wall_s cpu_s rss_MB files lines MB MB/s floor_s ratio us/kline findings
for sub in "$@"; do
  [ "$table" = 1 ] || break
  rm -rf "$out/cache"
  (cd "$tree" && /usr/bin/time -f '%e %U %S %M' -o "$out/time" \
     "$bin" check --format json --statistics --quiet --threads "$threads" \
     --cache-dir "$out/cache" "$sub" >"$out/json" 2>"$out/stats") || true
  # GNU time prefixes "Command exited with non-zero status" when findings make it exit 1.
  read -r wall user sys rss < <(tail -n 1 "$out/time")
  stat() { grep -E "^  $1:" "$out/stats" | head -1 | sed -E 's/^[^:]*: *([0-9.]+).*/\1/'; }
  files=$(stat files); lines=$(stat lines); bytes=$(stat bytes); floor=$(stat 'parse floor \(cpu\)')
  python3 - "$sub" "$wall" "$user" "$sys" "$rss" "$files" "$lines" "$bytes" "$floor" "$threads" "$out/json" <<'PY'
import collections, json, sys
sub, wall, user, sys_, rss, files, lines, nbytes, floor, threads, jsonl = sys.argv[1:]
wall, cpu, mb, floor = float(wall), float(user) + float(sys_), int(nbytes) / 1e6, float(floor)
c = collections.Counter(json.loads(l)["code"] for l in open(jsonl) if l.strip())
rules = " ".join(f"{k}={v}" for k, v in sorted(c.items())) or "none"
# The floor is CPU time; spread over the threads it is the least wall time the parse needs.
ratio = wall / (floor / int(threads)) if floor else float("nan")
us_per_kline = wall * 1e6 / (int(lines) / 1000)
print(f"{sub:<28} {wall:7.1f} {cpu:7.1f} {int(rss)/1024:7.0f} {files:>6} {lines:>9} {mb:6.0f} {mb/wall:6.1f} {floor:8.1f} {ratio:6.2f} {us_per_kline:9.0f}  {rules}")
PY
done

[ "$warm" = 1 ] || exit 0
sub=$1
# Warm runs share one cache, filled by a first cold run.
rm -rf "$out/cache"
runs=0
timed() {
  runs=$((runs + 1))
  (cd "$tree" && /usr/bin/time -f '%e %M' -o "$out/time" \
     "$bin" check --format json --statistics --quiet --threads "$threads" \
     --cache-dir "$out/cache" "$sub" >"$out/json.$runs" 2>"$out/stats") || true
  read -r wall rss < <(tail -n 1 "$out/time")
  printf '%-34s %7.2f s %7.0f MB  %s\n' "$1" "$wall" "$((rss / 1024))" \
    "$(grep -E 'cache:|results are reused' "$out/stats" | sed 's/^ *//' | tr '\n' ' ')"
}
echo
echo "warm re-runs of $sub:"
timed "cold (fills the cache)"
timed "nothing changed"
# A file the run checks: not in the arch/, tools/ or scripts/ a kernel-tree walk skips.
# (sed, not head: with pipefail, sort must not be cut off.)
victim=$(cd "$tree/$sub" && find . \( -path ./arch -o -path ./tools -o -path ./scripts \) -prune \
  -o -name '*.c' -size +20k -print | sort | sed -n 1p)
victim=$tree/$sub/${victim#./}
victim=${victim//\/.\//\/}
cp -p "$victim" "$out/victim"
touch "$victim"
timed "touched ${victim#"$tree"/}"
printf '\n/* lockorder bench edit */\n' >>"$victim"
timed "edited ${victim#"$tree"/}"
cp -p "$out/victim" "$victim"
cmp -s "$out/json.1" "$out/json.2" && cmp -s "$out/json.1" "$out/json.3" &&
  echo "nothing changed and touched: output identical to the cold output"
