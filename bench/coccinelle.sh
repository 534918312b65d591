#!/usr/bin/env bash
# Side by side on one directory of Linux 6.12: Coccinelle's mini_lock.cocci (the
# kernel's scripts/coccinelle/locks/mini_lock.cocci, run with the options `make
# coccicheck MODE=report` gives it, 2 jobs) and lockorder (cold, empty cache, every rule;
# then warm, one .c file of the directory edited). Installs Debian's coccinelle if missing.
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
cocci=scripts/coccinelle/locks/mini_lock.cocci
# As `make coccicheck MODE=report` runs it: the script's own options (--no-includes
# --include-headers), the kernel's include paths, two jobs, chunks of one file.
# shellcheck disable=SC2046
/usr/bin/time -f '%e %M' -o "$out/cocci.time" \
  spatch -D report --no-show-diff --very-quiet --cocci-file "$cocci" \
  $(grep 'Options:' "$cocci" | cut -d: -f2) --dir "$sub" \
  -I arch/x86/include -I arch/x86/include/generated -I include -I arch/x86/include/uapi \
  -I arch/x86/include/generated/uapi -I include/uapi -I include/generated/uapi \
  --include include/linux/compiler-version.h --include include/linux/kconfig.h \
  --jobs 2 --chunksize 1 >"$out/cocci.out" 2>"$out/cocci.err" || true
/usr/bin/time -f '%e %M' -o "$out/lo.time" \
  "$bin" check --format concise --quiet --threads 2 --cache-dir "$out/cache" "$sub" \
  >"$out/lo.out" 2>"$out/lo.err" || true
# Warm, as in a pre-commit hook: one .c file of the directory edited (restored after).
victim=$(find "$sub" -name '*.c' -size +20k | sort | sed -n 1p)
cp -p "$victim" "$out/victim"
printf '\n/* lockorder bench edit */\n' >>"$victim"
/usr/bin/time -f '%e %M' -o "$out/warm.time" \
  "$bin" check --format concise --quiet --threads 2 --cache-dir "$out/cache" "$sub" \
  >"$out/warm.out" 2>"$out/warm.err" || true
cp -p "$out/victim" "$victim"
read -r cw cr < <(tail -n 1 "$out/cocci.time")
read -r lw lr < <(tail -n 1 "$out/lo.time")
read -r ww wr < <(tail -n 1 "$out/warm.time")
printf '%-44s %8s %8s %s\n' tool wall_s rss_MB reports
printf '%-44s %8.2f %8d %s\n' "mini_lock.cocci (spatch, 2 jobs)" "$cw" "$((cr / 1024))" "$(grep -c . "$out/cocci.out" || true)"
printf '%-44s %8.2f %8d %s\n' "lockorder check (2 threads, cold)" "$lw" "$((lr / 1024))" "$(grep -c . "$out/lo.out" || true)"
printf '%-44s %8.2f %8d %s\n' "lockorder check (warm, ${victim#"$sub"/} edited)" "$ww" "$((wr / 1024))" "$(grep -c . "$out/warm.out" || true)"
python3 -c "import sys; c, l, w = map(float, sys.argv[1:]); print(f'lockorder is {c / l:.1f}x faster cold, {c / w:.0f}x warm')" "$cw" "$lw" "$ww"
