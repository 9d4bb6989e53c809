#!/usr/bin/env bash
# Feed polling benchmark (issue 12): bytes one reader downloads in a day polling /feed.atom every
# 5 minutes (288 polls), without and with conditional requests (ETag / Last-Modified -> 304), plain
# and gzip, over the arxiv-daily sample whose newest day is announced halfway through. Byte counts,
# not timings: the result does not depend on the machine's load.
# Usage: bench/feed-poll.sh [MAX_PAPERS] [FILE]    (default: every paper of ../shared/data/arxiv-daily)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores" >&2
. "$root/bench/jdk.sh"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.paperboy.web.FeedPollBench "${1:-2147483647}" "${2:-../shared/data/arxiv-daily/papers.jsonl.gz}"
