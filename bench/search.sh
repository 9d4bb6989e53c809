#!/usr/bin/env bash
# Search benchmarks and the model comparison, run from the test classpath (which also carries the
# fp32 bge-small and all-MiniLM-L6-v2 artifacts; paperboy.jar ships only the int8 bge-small).
#   bench/search.sh eval [DIR] [eval options]   relevance on a BEIR folder for every model (default ../shared/data/scifact)
#   bench/search.sh latency [options]           latency/throughput through GET /api/papers/search (options in SearchBench's comment)
#   bench/search.sh recall --data DIR           HNSW recall@10 vs exact search, float32 vs int8 (VectorRecallBench)
#   bench/search.sh embed-speed [N] [MODEL]     embedding backfill rate on N arxiv-daily papers (default 600)
#   bench/search.sh scale --source DIR --papers N --out DIR   index build, size, memory and latency at N papers (ScaleBench)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
flags=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx3g)
what="${1:-eval}"; shift || true
case "$what" in
  eval)
    dir="${1:-../shared/data/scifact}"; shift || true
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.Main eval "$dir" --model all "$@" ;;
  latency)
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.bench.SearchBench "$@" ;;
  recall)
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.bench.VectorRecallBench "$@" ;;
  scale)
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -Xmx8g -cp "$cp" org.paperboy.bench.ScaleBench "$@" ;;
  embed-speed)
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.bench.EmbedSpeedBench "$@" ;;
  *) echo "usage: bench/search.sh eval [DIR] [options] | latency [options] | recall --data DIR | embed-speed [N] | scale [options]" >&2; exit 2 ;;
esac
