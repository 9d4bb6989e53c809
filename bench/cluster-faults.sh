#!/usr/bin/env bash
# Fault smoke of a small cluster on loopback: PostgreSQL 15, N `serve` nodes (separate processes,
# one data directory each) and HAProxy with deploy/haproxy.cfg's health checks on /readyz. It
#  1. waits until every node is ready and the load balancer answers,
#  2. kills one node with SIGKILL: HAProxy must take it out and keep answering through the others,
#  3. restarts that node: it must come back ready and rejoin,
#  4. restarts PostgreSQL: every node must say not ready meanwhile and be ready again after,
#  5. stops a node with SIGTERM and checks that /readyz said 503 ("draining") before it went.
# Exit 0 when all held, 1 otherwise; skips (exit 0, with the reason) without haproxy or PostgreSQL 15.
# The full cluster test of issue #13 (clients voting, commenting and submitting throughout, with
# exactly-once checks) is ClusterTest in the test suite; see the README section "Running several nodes".
#
#   bench/cluster-faults.sh [NODES]        # default 3
set -euo pipefail
nodes="${1:-3}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pgbin=/usr/lib/postgresql/15/bin
command -v haproxy >/dev/null || { echo "SKIP: haproxy is not installed (Debian: apt-get install haproxy)"; exit 0; }
[ -x "$pgbin/postgres" ] || { echo "SKIP: no PostgreSQL 15 server in $pgbin (Debian: apt-get install postgresql-15)"; exit 0; }
cd "$root"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores" >&2
[ -f target/paperboy.jar ] || ./paperboy build >/dev/null
. "$root/bench/jdk.sh"
java="$JAVA_HOME/bin/java"

work="$(mktemp -d /tmp/paperboy-cluster.XXXXXX)"
chmod 755 "$work"
pg_as() { if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pgport="$(free_port)"; lbport="$(free_port)"
declare -a ports pids
failures=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi; }
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" || true; }
wait_for() { # description, condition, seconds
  local end=$((SECONDS + $3)); while ! eval "$2"; do [ $SECONDS -ge $end ] && return 1; sleep 0.5; done
}

cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
  [ -n "${lbpid:-}" ] && kill "$lbpid" 2>/dev/null || true
  pg_as "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  echo "logs and data: $work"
}
trap cleanup EXIT

mkdir -p "$work/pg"; chown postgres "$work/pg" 2>/dev/null || true
pg_as "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
pg_start() { pg_as "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -o "-p $pgport -c listen_addresses=127.0.0.1 -k $work/pg" start >/dev/null; }
pg_start
psql -h 127.0.0.1 -p "$pgport" -U postgres -q -c "CREATE DATABASE paperboy"

start_node() { # index
  local i=$1
  "$java" --enable-native-access=ALL-UNNAMED -Xmx512m -jar target/paperboy.jar serve --port "${ports[$i]}" --host 127.0.0.1 \
    --data "$work/node$i" --db "jdbc:postgresql://127.0.0.1:$pgport/paperboy" --db-user postgres \
    --harvest-interval off --embedding-model off --trusted-proxies 127.0.0.1 --drain-delay 2s >>"$work/node$i.log" 2>&1 &
  pids[$i]=$!
}
for i in $(seq 1 "$nodes"); do ports[$i]="$(free_port)"; start_node "$i"; sleep 3; done

{
  sed -n '/^global/,/^backend/p' deploy/haproxy.cfg | sed '$d' | sed -e "s/^    bind :80$/    bind 127.0.0.1:$lbport/" -e 's/^    log stdout.*$//' -e 's/^    log global$//'
  echo "backend paperboy_nodes"
  echo "    balance roundrobin"
  echo "    option httpchk GET /readyz"
  echo "    http-check expect status 200"
  echo "    default-server inter 500ms fall 2 rise 2"
  for i in $(seq 1 "$nodes"); do echo "    server node$i 127.0.0.1:${ports[$i]} check"; done
} >"$work/haproxy.cfg"
haproxy -c -f "$work/haproxy.cfg" >/dev/null
haproxy -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
lbpid=$!

all_ready() { for i in $(seq 1 "$nodes"); do [ "$(status "http://127.0.0.1:${ports[$i]}/readyz")" = 200 ] || return 1; done; }
check "every node ready" "wait_for nodes all_ready 180"
check "the load balancer answers" "wait_for lb '[ \"\$(status http://127.0.0.1:$lbport/)\" = 200 ]' 30"
check "the load balancer hides /metrics" "[ \"\$(status http://127.0.0.1:$lbport/metrics)\" = 404 ]"
check "a node answers /metrics itself" "[ \"\$(curl -s http://127.0.0.1:${ports[1]}/metrics | grep -c '^paperboy_index_lag_changes')\" = 1 ]"

kill -9 "${pids[1]}"; pids[1]=""
sleep 2
ok=0; for n in $(seq 1 20); do [ "$(status "http://127.0.0.1:$lbport/")" = 200 ] && ok=$((ok + 1)); done
check "after SIGKILL of node 1, 20 of 20 requests through HAProxy answered ($ok)" "[ $ok = 20 ]"
start_node 1
check "node 1 restarted and ready again" "wait_for node1 '[ \"\$(status http://127.0.0.1:${ports[1]}/readyz)\" = 200 ]' 180"

pg_as "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null
check "with PostgreSQL down, node 2 says not ready" "wait_for down '[ \"\$(status http://127.0.0.1:${ports[2]}/readyz)\" = 503 ]' 30"
pg_start
check "after PostgreSQL restarted, every node is ready again" "wait_for back all_ready 60"
check "and the load balancer answers" "wait_for lb2 '[ \"\$(status http://127.0.0.1:$lbport/)\" = 200 ]' 30"

last="$nodes"
kill -TERM "${pids[$last]}"
check "on SIGTERM node $last says 503 while it drains" "wait_for drain '[ \"\$(status http://127.0.0.1:${ports[$last]}/readyz)\" = 503 ]' 5"
check "node $last exits after draining" "wait_for exit '! kill -0 ${pids[$last]} 2>/dev/null' 40"
pids[$last]=""
echo "$failures failed"
[ "$failures" = 0 ]
