#!/usr/bin/env bash
# Paperboy's search against what a team would build instead: PostgreSQL full-text search
# (tsvector + GIN, ts_rank_cd) and pgvector HNSW on the same corpus, vectors and queries, in one run.
#   bench/pg-baseline.sh [BEIR_DIR] [--cache DIR] [--model ID] [--passes 3]      nDCG@10 + latency
#   bench/pg-baseline.sh --catalog DATA_DIR [--queries 300] [--passes 3]           latency only, on a COPY of a
#     Paperboy data directory with vectors (e.g. of /tmp/pb-bench after `bench/search.sh latency --synthesize`)
# BEIR_DIR defaults to ../shared/data/scifact; --cache is the `paperboy eval` cache whose vectors both
# systems use (default $PAPERBOY_DATA/cache/eval/<folder>, i.e. ./data/cache/eval/scifact; run
# `paperboy eval ../shared/data/scifact --mode all` first, or the bench embeds the corpus itself).
# Installs postgresql-15 and its server headers when missing (apt), builds pgvector from Debian trixie's
# source package (from the archive this machine's apt sources name) when missing, stops with the reason on any failure,
# starts a throwaway PostgreSQL 15 on port $PG_PORT (default 55432) in $PG_DATA (default /tmp/pgbench-data),
# runs org.paperboy.bench.PgBaselineBench on the test classpath, and stops the server again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/bench/jdk.sh"
pgbin=/usr/lib/postgresql/15/bin
port="${PG_PORT:-55432}"
pgdata="${PG_DATA:-/tmp/pgbench-data}"
sudo_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

fail() { echo "pg-baseline: $*" >&2; exit 2; }
apt_updated=0
apt_install() { # installs Debian packages, refreshing the package lists once
  [ "$apt_updated" = 1 ] || { apt-get update -q >/dev/null || fail "apt-get update failed"; apt_updated=1; }
  apt-get install -y -q "$@" >/dev/null || fail "apt-get install $* failed"
}
debian_uri() { # the Debian archive this machine already uses, from its own apt sources
  grep -hoE '^(URIs:|deb) +(\[[^]]*\] +)?https?://[^ ]+' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | grep -v -- '-security' | head -n 1
}

[ -x "$pgbin/postgres" ] || apt_install postgresql-15
[ -x "$pgbin/postgres" ] || fail "PostgreSQL 15 server not found in $pgbin after installing postgresql-15"
# pg_config comes with the client; the extension build needs the server headers and PGXS
[ -f "$("$pgbin/pg_config" --pgxs)" ] || apt_install postgresql-server-dev-15 build-essential dpkg-dev
[ -f "$("$pgbin/pg_config" --pgxs)" ] || fail "PGXS missing after installing postgresql-server-dev-15"
if [ ! -f "$("$pgbin/pg_config" --sharedir)/extension/vector.control" ]; then
  # pgvector is not packaged for Debian 12: build trixie's source package against PostgreSQL 15
  uri="$(debian_uri)"; [ -n "$uri" ] || fail "no Debian archive URI in /etc/apt/sources.list(.d)"
  work=/tmp/pgvector-build; rm -rf "$work"; mkdir -p "$work/lists/partial"
  echo "deb-src $uri trixie main" > "$work/trixie-src.list"
  apt_opts=(-o "Dir::Etc::SourceList=$work/trixie-src.list" -o Dir::Etc::SourceParts=/dev/null -o "Dir::State::Lists=$work/lists")
  apt-get "${apt_opts[@]}" update >"$work/update.log" 2>&1 || { cat "$work/update.log" >&2; fail "cannot read trixie's source index from $uri"; }
  (cd "$work" && apt-get "${apt_opts[@]}" source --download-only pgvector && dpkg-source -x pgvector_*.dsc) >"$work/source.log" 2>&1 \
    || { cat "$work/source.log" >&2; fail "cannot fetch or unpack pgvector's source package"; }
  src="$(ls -d "$work"/pgvector-*/ | head -1)"
  { make -C "$src" PG_CONFIG="$pgbin/pg_config" && make -C "$src" install PG_CONFIG="$pgbin/pg_config"; } >"$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; fail "pgvector failed to build (log: $work/build.log)"; }
  [ -f "$("$pgbin/pg_config" --sharedir)/extension/vector.control" ] || fail "pgvector installed no vector.control"
fi

if [ ! -f "$pgdata/PG_VERSION" ]; then
  mkdir -p "$pgdata"; chown postgres "$pgdata"
  sudo_pg "$pgbin/initdb" -D "$pgdata" -A trust -U postgres >/dev/null
fi
started=0
if ! sudo_pg "$pgbin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
  sudo_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c maintenance_work_mem=1GB -c max_parallel_maintenance_workers=1 -c jit=off" start >/dev/null
  started=1
fi
stop() { [ "$started" = 1 ] && sudo_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null || true; }
trap stop EXIT

mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx3g -cp "$cp" \
  org.paperboy.bench.PgBaselineBench --jdbc "jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres" "$@"
