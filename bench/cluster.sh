#!/usr/bin/env bash
# Cluster benchmark: requests per second and p50/p99/max latency through HAProxy (deploy/haproxy.cfg
# with its /readyz checks) for the day page, keyword search and votes (API tokens, each client
# toggling its own votes), with one `serve` node and then with three, on one embedded PostgreSQL.
# Every process (PostgreSQL, nodes, HAProxy, the clients) shares this machine's cores, so three
# nodes are not expected to be faster on two cores: the figure is the cost of coordination.
# Prints the load average at start and end; needs Debian's haproxy.
#
#   bench/cluster.sh                                       # nodes 1,3; 15 s per row; 32 clients; 500 papers
#   bench/cluster.sh --nodes 1,3 --seconds 3 --clients 8   # a quick run that proves it works
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || { echo "SKIP: haproxy is not installed (Debian: apt-get install haproxy)"; exit 0; }
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores" >&2
. "$root/bench/jdk.sh"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.paperboy.cluster.ClusterBench "$@"
