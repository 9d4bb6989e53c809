#!/usr/bin/env bash
# Community write benchmark: 100 concurrent clients voting (80%) and commenting (20%) over
# loopback HTTP for 30 s, against SQLite and then against an embedded PostgreSQL; prints
# throughput and latency percentiles, then checks that every vote and comment was stored exactly
# once (exit 1 if not). Client and server share the machine's cores.
#
#   bench/community.sh                                   # both databases, 30 s, 100 clients
#   bench/community.sh --db sqlite --seconds 10 --clients 50 --papers 20
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores" >&2
. "$root/bench/jdk.sh"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.paperboy.community.bench.CommunityBench "$@"
