#!/usr/bin/env bash
# Import benchmark (issue 2): the 74,728 papers of ../shared/data/arxiv-daily into a fresh SQLite
# catalog, then the same file again. Prints papers/s for both, measured inside the import (reading,
# parsing, merging and writing; JVM start excluded) and for the whole command (JVM start included).
# Usage: bench/import.sh [FILE]   (targets: fresh >= 5,000 papers/s, re-import >= 10,000 papers/s)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="${1:-$root/../shared/data/arxiv-daily/papers.jsonl.gz}"
[ -f "$file" ] || { echo "bench/import.sh: $file not found (the shared arxiv-daily data set)" >&2; exit 1; }
data="$(mktemp -d "${TMPDIR:-/tmp}/paperboy-bench-import.XXXXXX")"
trap 'rm -rf "$data"' EXIT
"$root/paperboy" --version >/dev/null 2>&1   # builds the jar first, so the build is not timed

run() { # label
  local start end out cpu
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    out="$(/usr/bin/time -f 'CPU %U %S' -o "$data/time.txt" "$root/paperboy" import --data "$data" "$file" 2>/dev/null)"
    cpu="$(awk '/^CPU/ {print $2 + $3}' "$data/time.txt")"
  else
    out="$("$root/paperboy" import --data "$data" "$file" 2>/dev/null)"; cpu=0
  fi
  end=$(date +%s.%N)
  local line; line="$(echo "$out" | head -n 1)"
  local papers; papers="$(echo "$line" | sed -E 's/^([0-9,]+) papers.*/\1/' | tr -d ,)"
  local inside; inside="$(echo "$line" | sed -E 's/.*\(([0-9,]+) papers\/s\).*/\1/')"
  printf '%-10s %s\n' "$1" "$line"
  printf '%-10s whole command %.1f s, %s papers/s including JVM start\n' "" "$(echo "$end - $start" | bc)" \
    "$(printf '%.0f' "$(echo "$papers / ($end - $start)" | bc -l)")"
  printf '%-10s CPU %.1f s (user+sys, all threads; on a busy machine wall time grows, CPU time does not)\n' "" "$cpu"
  printf '%-10s => %s papers/s\n' "" "$inside"
}
echo "import benchmark: $file on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
run fresh
run re-import
