#!/usr/bin/env bash
# Listing HTTP benchmark: serves the 74,728 papers of ../shared/data/arxiv-daily from SQLite and
# measures GET /papers?date=... and GET /api/daily_papers?date=... with wrk (16 connections,
# 2 threads, loopback). Target: >= 2,000 requests/s with p99 <= 25 ms for each, on 2 cores.
#
#   bench/listing.sh                 # loads the data on first run into target/bench-listing
#   BENCH_DATE=2026-06-30 BENCH_DURATION=30s BENCH_CPUS=0,1 bench/listing.sh
#
# BENCH_CPUS pins the server and wrk to those cores with taskset (use it on machines with more
# than 2 cores to reproduce the 2-core figure). Needs wrk (Debian: apt-get install -y wrk).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${BENCH_DATA:-$root/target/bench-listing}"
file="${BENCH_FILE:-$root/../shared/data/arxiv-daily/papers.jsonl.gz}"
date="${BENCH_DATE:-2026-06-30}"
port="${BENCH_PORT:-8181}"
duration="${BENCH_DURATION:-20s}"
warmup="${BENCH_WARMUP:-10s}"
cpus="${BENCH_CPUS:-}"

command -v wrk >/dev/null || { echo "bench/listing.sh: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
pin=()
if [ -n "$cpus" ]; then pin=(taskset -c "$cpus"); fi

./paperboy build
if [ ! -f "$data/paperboy.db" ]; then
  [ -f "$file" ] || { echo "bench/listing.sh: no data file $file (set BENCH_FILE)" >&2; exit 1; }
  mkdir -p "$data"
  echo "== loading $file with paperboy import"
  ./paperboy import --data "$data" "$file"
fi

echo "== starting the server on port $port (data $data)"
PAPERBOY_JAVA_OPTS="${PAPERBOY_JAVA_OPTS:--Xms512m -Xmx1g}" "${pin[@]}" ./paperboy serve --data "$data" --port "$port" \
  --harvest-interval off > "$data/server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { echo "server did not start; see $data/server.log" >&2; exit 1; }

urls=("/papers?date=$date" "/api/daily_papers?date=$date")
for u in "${urls[@]}"; do
  echo "== warming up $u ($warmup)"
  "${pin[@]}" wrk -t2 -c16 -d"$warmup" "http://127.0.0.1:$port$u" >/dev/null
done
echo "== nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg), cpus ${cpus:-all}"
printf '%-40s %9s %12s %10s %10s %10s %10s\n' URL encoding "req/s" p50 p90 p99 bytes
# plain (as wrk asks by default), then gzip as browsers ask
for enc in identity gzip; do
for u in "${urls[@]}"; do
  bytes=$(curl -s -H "Accept-Encoding: $enc" "http://127.0.0.1:$port$u" | wc -c)
  out=$("${pin[@]}" wrk -t2 -c16 -d"$duration" --latency -H "Accept-Encoding: $enc" "http://127.0.0.1:$port$u")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p90=$(awk '$1=="90%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  printf '%-40s %9s %12s %10s %10s %10s %10s\n' "$u" "$enc" "$rps" "$p50" "$p90" "$p99" "$bytes"
  [ -z "$errors" ] || echo "   $errors"
done
done
echo "command: wrk -t2 -c16 -d$duration --latency -H 'Accept-Encoding: identity|gzip' http://127.0.0.1:$port<URL>"
