#!/usr/bin/env bash
# Prints the path of an unpacked Linux 6.12 tree, installing Debian's linux-source-6.12
# and unpacking it on first use (into $LINUX_TREE_DIR, default /var/tmp/linux-tree).
set -euo pipefail
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
echo "$tree"
