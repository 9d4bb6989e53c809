#!/usr/bin/env bash
# The catalog at full arXiv scale on PostgreSQL (issue 13): N papers (default 2,700,000, arXiv's size)
# through the product's own paths, then one `serve` node measured over HTTP.
#  1. synthesises N papers: the 74,728 of ../shared/data/arxiv-daily, then synthetic ones made from
#     them (org.paperboy.bench.ScalePgBench says how: the sample's categories, lengths and authors,
#     arXiv ids and listing days of the months before it, month volumes shaped like arXiv's history);
#  2. `paperboy import --no-index` of that file into a throwaway PostgreSQL 15 (timed: papers/s);
#  3. vectors: a real embedding for 2,000 sample papers, copies plus noise for the other sample papers,
#     parent mixes for the synthetic ones (as bench/search.sh latency/scale make them), saved through
#     the product's EmbeddingStore;
#  4. `paperboy reindex` builds the Lucene index from the database (timed);
#  5. `paperboy serve` with a fixed heap (-Xmx, default 1g): the busiest day's page and hybrid / keyword /
#     semantic search over HTTP, p50/p99 with 1 client and with 4, then the heap used after a full GC
#     (jcmd), and that the node never ran out of it.
# Every figure is printed with the load average at the time. The heavy steps 1-4 run under nice 19.
#
#   bench/scale-pg.sh [N]              # e.g. bench/scale-pg.sh 100000 to try it small
#   SCALE_PG_HEAP=768m                 # serve's -Xmx (and -Xms)
#   SCALE_PG_EMBED=2000                # sample papers embedded by the real model
#   SCALE_PG_DIR=/tmp                  # where the work directory goes (PostgreSQL, index, catalog file)
#   SCALE_PG_KEEP=1                    # keep the work directory (default: deleted, logs kept)
#   SCALE_PG_REUSE=DIR                 # measure a kept work directory again (step 5 alone, current code; kept)
#   SCALE_PG_SETTLE=SECONDS            # wait this long after serve is ready before measuring (default 0: measures
#                                      # while the node's start-up work, the For-you vocabulary count, still runs)
# Needs PostgreSQL 15's server binaries in /usr/lib/postgresql/15/bin (Debian: apt-get install
# postgresql-15) and JDK 21+; stops with the reason when something is missing or a step fails.
set -euo pipefail
n="${1:-2700000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
fail() { echo "scale-pg: $*" >&2; exit 2; }
[[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1000 ] || fail "N must be a number of papers, at least 1000 (got '$n')"
pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/postgres" ] && [ -x "$pgbin/initdb" ] || fail "no PostgreSQL 15 server in $pgbin (Debian: apt-get install postgresql-15)"
command -v psql >/dev/null || fail "psql not found (Debian: apt-get install postgresql-client-15)"
sample="$root/../shared/data/arxiv-daily/papers.jsonl.gz"
[ -f "$sample" ] || fail "$sample not found (the shared arxiv-daily sample, see ../shared/data/README.md)"
. "$root/bench/jdk.sh"
java="$JAVA_HOME/bin/java"
[ -x /usr/bin/time ] || fail "/usr/bin/time not found (Debian: apt-get install time)"
[ -x "$java" ] || fail "no JDK at $JAVA_HOME (set JAVA_HOME to a JDK 21+)"
command -v jcmd >/dev/null || [ -x "$JAVA_HOME/bin/jcmd" ] || fail "jcmd not found"
jcmd="$JAVA_HOME/bin/jcmd"; [ -x "$jcmd" ] || jcmd="$(command -v jcmd)"
heap="${SCALE_PG_HEAP:-1g}"
embed="${SCALE_PG_EMBED:-2000}"
heavy=(nice -n 19)

la() { cut -d" " -f1-3 /proc/loadavg; }
say() { echo "[$(date -u +%H:%M:%S)] $*; load average $(la) on $(nproc) cores"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
timed() { # name, command...: runs it; keeps its wall time in $secs and its CPU time in $cpu (own + PostgreSQL's)
  local name="$1"; shift
  local t0 p0; t0=$(date +%s.%N); p0="$(pg_cpu)"
  /usr/bin/time -f '%U %S' -o "$logs/$name.cpu" "$@" || return $?
  secs="$(echo "$(date +%s.%N) - $t0" | bc)"
  local own; own="$(awk '{print $1 + $2}' "$logs/$name.cpu")"
  cpu="CPU $own s in the JVM + $(echo "$(pg_cpu) - $p0" | bc) s in PostgreSQL (wall time grows with the load, CPU time hardly)"
}
pg_cpu() { # CPU seconds of PostgreSQL's exited backends (a client's connections end when it exits)
  local pid; pid="$(head -n 1 "$work/pg/postmaster.pid" 2>/dev/null)" || { echo 0; return; }
  awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15 + $16 + $17) / hz}' "/proc/$pid/stat"
}

say "scale-pg: $n papers, serve -Xmx$heap"
# the build is never hidden: a failing compile stops here with Maven's own output
./paperboy --version >/dev/null || fail "the build failed (its output is above)"   # builds the jar only when sources changed
mvn -B -q test-compile || fail "test-compile failed"
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null \
  || fail "cannot resolve the test classpath"
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
bench=("$java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx3g -cp "$cp" org.paperboy.bench.ScalePgBench)
# the launcher, as a user runs it: it adds the flags the jar needs (the vector API Lucene's HNSW uses)
jar=("$root/paperboy")

reuse="${SCALE_PG_REUSE:-}"
if [ -n "$reuse" ]; then
  [ -f "$reuse/pg/PG_VERSION" ] && [ -d "$reuse/node/index" ] || fail "SCALE_PG_REUSE=$reuse is not a kept scale-pg work directory"
  work="$(cd "$reuse" && pwd)"; SCALE_PG_KEEP=1
  logs="$work.logs.$(date -u +%H%M%S)"
else
  work="$(mktemp -d "${SCALE_PG_DIR:-/tmp}/paperboy-scale-pg.XXXXXX")"
  logs="$work.logs"
fi
mkdir -p "$logs"
chmod 755 "$work"
pgport="$(free_port)"; port="$(free_port)"
serve_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null || true
  pg_as "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  cp "$work/pg/server.log" "$logs/postgresql.log" 2>/dev/null || true
  if [ "${SCALE_PG_KEEP:-0}" = 1 ]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
  echo "logs: $logs"
}
trap cleanup EXIT

if [ -z "$reuse" ]; then
  mkdir -p "$work/pg"; chown postgres "$work/pg" 2>/dev/null || true
  pg_as "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >"$logs/initdb.log" || fail "initdb failed (see $logs/initdb.log)"
fi
# settings a bulk-loaded catalog server would have; fsync and synchronous commit stay on
pg_as "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 \
  -c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c maintenance_work_mem=512MB -c jit=off" start >/dev/null \
  || fail "PostgreSQL did not start (see $work/pg/server.log)"
[ -n "$reuse" ] || psql -h 127.0.0.1 -p "$pgport" -U postgres -q -c "CREATE DATABASE paperboy" || fail "cannot create the database"
pg_nice() { # niceness: PostgreSQL works for the heavy steps at 19 and for the measurement at 0, like serve
  local main; main="$(head -n 1 "$work/pg/postmaster.pid")"
  renice -n "$1" -p "$main" $(ps -o pid= --ppid "$main") >/dev/null || echo "scale-pg: cannot renice PostgreSQL to $1 (not root?): figures taken as it is" >&2
}
pg_nice 19
export PAPERBOY_DB="jdbc:postgresql://127.0.0.1:$pgport/paperboy" PAPERBOY_DB_USER=postgres PAPERBOY_DATA="$work/node"
export PAPERBOY_HARVEST_INTERVAL=off PAPERBOY_LOG_FORMAT=text
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d paperboy -At -c "$1"; }

if [ -z "$reuse" ]; then
timed catalog "${heavy[@]}" "${bench[@]}" catalog --sample "$sample" --papers "$n" --out "$work/catalog.jsonl.gz" 2>"$logs/catalog.err" \
  || { tail -n 30 "$logs/catalog.err" >&2; fail "synthesis failed"; }
say "1. synthesised the catalog file in $(printf '%.1f' "$secs") s: $(du -h "$work/catalog.jsonl.gz" | cut -f1); $cpu"

timed import "${heavy[@]}" "${jar[@]}" import --no-index "$work/catalog.jsonl.gz" \
  >"$logs/import.out" 2>"$logs/import.err" || { tail -n 30 "$logs/import.err" >&2; fail "import failed (see $logs/import.err)"; }
papers="$(sql "SELECT COUNT(*) FROM papers")"
head -n 3 "$logs/import.out"
say "2. IMPORT (paperboy import --no-index into PostgreSQL): $papers papers in $(printf '%.0f' "$secs") s = $(echo "$papers / $secs" | bc) papers/s (whole command, JVM start included)"
say "   $cpu"
[ "$papers" = "$n" ] || fail "the database holds $papers papers, expected $n"

timed vectors "${heavy[@]}" "${bench[@]}" vectors --sample "$sample" --embed "$embed" --cache "$work/model-cache" 2>"$logs/vectors.err" \
  || { tail -n 30 "$logs/vectors.err" >&2; fail "vectors failed"; }
say "3. vectors in $(printf '%.1f' "$secs") s; $cpu"

timed reindex "${heavy[@]}" "${jar[@]}" reindex >"$logs/reindex.out" 2>"$logs/reindex.err" \
  || { tail -n 30 "$logs/reindex.err" >&2; fail "reindex failed (see $logs/reindex.err)"; }
cat "$logs/reindex.out"
say "4. INDEX (paperboy reindex): $(printf '%.0f' "$secs") s = $(echo "$papers / $secs" | bc) papers/s; $(du -sh "$work/node/index" | cut -f1) on disk;" \
  "PostgreSQL database $(sql "SELECT pg_size_pretty(pg_database_size('paperboy'))")"
say "   $cpu"
else
  papers="$(sql "SELECT COUNT(*) FROM papers")"
  say "1-4. reusing $work: $papers papers, index $(du -sh "$work/node/index" | cut -f1)"
fi

pg_nice 0
days="$(sql "SELECT listing_date FROM papers GROUP BY listing_date ORDER BY COUNT(*) DESC, 1 DESC LIMIT 31" | paste -sd,)"
day="${days%%,*}"
day_papers="$(sql "SELECT COUNT(*) FROM papers WHERE listing_date = '$day'")"
say "5. serve -Xms$heap -Xmx$heap; the busiest day is $day with $day_papers papers"
PAPERBOY_JAVA_OPTS="-Xms$heap -Xmx$heap -XX:+ExitOnOutOfMemoryError" "${jar[@]}" serve --port "$port" --host 127.0.0.1 >"$logs/serve.log" 2>&1 &
serve_pid=$!
t0=$SECONDS
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/readyz" || true)" = 200 ]; do
  kill -0 "$serve_pid" 2>/dev/null || { tail -n 30 "$logs/serve.log" >&2; fail "serve exited (see $logs/serve.log)"; }
  [ $((SECONDS - t0)) -lt 900 ] || fail "serve not ready after 900 s"
  sleep 1
done
say "   serve ready in $((SECONDS - t0)) s"
settle="${SCALE_PG_SETTLE:-0}"
[[ "$settle" =~ ^[0-9]+$ ]] || fail "SCALE_PG_SETTLE must be a number of seconds (got '$settle')"
if [ "$settle" -gt 0 ]; then sleep "$settle"; say "   measuring after $settle s more (start-up work done)"; fi
"${bench[@]}" measure --base "http://127.0.0.1:$port" --days "$days" --pid "$serve_pid" --sample "$sample" --queries 300 --clients 4 --seconds 15 \
  2>"$logs/measure.err" || { tail -n 30 "$logs/measure.err" >&2; fail "measurement failed"; }

kill -0 "$serve_pid" 2>/dev/null || fail "serve died during the measurement (see $logs/serve.log)"
! grep -q OutOfMemoryError "$logs/serve.log" || fail "serve ran out of heap at -Xmx$heap (see $logs/serve.log)"
"$jcmd" "$serve_pid" GC.run >/dev/null
"$jcmd" "$serve_pid" GC.heap_info >"$logs/heap.txt"
used="$(grep -oE 'used [0-9]+K' "$logs/heap.txt" | head -n 1 | grep -oE '[0-9]+')"
rss="$(awk '/VmRSS/ {print $2}' "/proc/$serve_pid/status")"
say "   HEAP: $((used / 1024)) MiB used after a full GC at -Xmx$heap, no OutOfMemoryError; RSS $((rss / 1024)) MiB (mapped index pages included)"
curl -s "http://127.0.0.1:$port/metrics" | grep -E '^paperboy_search_seconds_(count|sum)' >"$logs/metrics-search.txt" || true
say "done"
