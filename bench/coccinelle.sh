#!/usr/bin/env bash
# Side by side on one directory of Linux 6.12: Coccinelle's mini_lock.cocci (the
# kernel's scripts/coccinelle/locks/mini_lock.cocci, report mode, -j 2) and lockorder
# (cold, empty cache, every rule). Installs Debian's coccinelle if missing.
#
# usage: bench/coccinelle.sh [SUBDIR]     default drivers/net/ethernet/intel
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sub=${1:-drivers/net/ethernet/intel}
tree=$("$root/bench/linux-tree.sh")
if ! command -v spatch >/dev/null; then
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -q coccinelle >/dev/null
fi
bin=${LOCKORDER:-$root/target/release/lockorder}
if [ -z "${LOCKORDER:-}" ]; then
  (cd "$root" && cargo build --release --quiet)
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
lines=$(cd "$tree" && find "$sub" -name '*.[ch]' -print0 | xargs -0 cat | wc -l)
echo "$sub: $lines lines; $(spatch --version | head -1)"

cd "$tree"
/usr/bin/time -f '%e %M' -o "$out/cocci.time" \
  spatch --sp-file scripts/coccinelle/locks/mini_lock.cocci -D report --very-quiet \
  -j 2 --no-show-diff --dir "$sub" >"$out/cocci.out" 2>"$out/cocci.err" || true
/usr/bin/time -f '%e %M' -o "$out/lo.time" \
  "$bin" check --format concise --quiet --threads 2 --cache-dir "$out/cache" "$sub" \
  >"$out/lo.out" 2>"$out/lo.err" || true
read -r cw cr < <(tail -n 1 "$out/cocci.time")
read -r lw lr < <(tail -n 1 "$out/lo.time")
printf '%-32s %8s %8s %s\n' tool wall_s rss_MB reports
printf '%-32s %8.1f %8d %s\n' "mini_lock.cocci (spatch -j 2)" "$cw" "$((cr / 1024))" "$(grep -c . "$out/cocci.out" || true)"
printf '%-32s %8.1f %8d %s\n' "lockorder check (2 threads)" "$lw" "$((lr / 1024))" "$(grep -c . "$out/lo.out" || true)"
python3 -c "import sys; print(f'lockorder is {float(sys.argv[1]) / float(sys.argv[2]):.0f}x faster')" "$cw" "$lw"
