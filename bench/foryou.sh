#!/usr/bin/env bash
# For-you latency: the largest day of ../shared/data/arxiv-daily ranked for a reader with 500 saves
# through GET /api/recommendations (Bearer token), p50 / p99 over sequential requests.
#
#   bench/foryou.sh                                        # whole sample, 500 signals, 300 requests
#   bench/foryou.sh --papers 20000 --signals 100 --requests 50
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores" >&2
. "$root/bench/jdk.sh"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.paperboy.bench.ForYouBench "$@"
