#!/usr/bin/env bash
# Search benchmarks and the model comparison, run from the test classpath (which also carries the
# fp32 bge-small and all-MiniLM-L6-v2 artifacts; paperboy.jar ships only the int8 bge-small).
#   bench/search.sh eval [DIR] [eval options]   relevance on a BEIR folder for every model (default ../shared/data/scifact);
#                                               hybrid and semantic once per fusion: hand-built (before learning) and shipped (after)
#   bench/search.sh train [DIR] [eval options]  relearn the shipped fusion from DIR's qrels/train.tsv (cross-validated), then
#                                               evaluate on qrels/test.tsv; writes src/main/resources/org/paperboy/index/fusion/<model>.json
#   bench/search.sh cli --data DIR [N]          N whole-process `./paperboy search --json` runs (default 20), with `serve` on DIR
#                                               started first by you; prints wall time per query and whether the server answered
#   bench/search.sh latency [options]           latency/throughput through GET /api/papers/search (options in SearchBench's comment)
#   bench/search.sh recall --data DIR           HNSW recall@10 vs exact search, float32 vs int8 (VectorRecallBench)
#   bench/search.sh embed-speed [N] [MODEL]     embedding backfill rate on N arxiv-daily papers (default 600)
#   bench/search.sh scale --source DIR --papers N --out DIR   index build, size, memory and latency at N papers (ScaleBench)
#   bench/search.sh arxiv-titles [N] [K]        a collection the fusion never saw: N arXiv-sample abstracts, every K-th title as a
#                                               query for its own paper (default 5,000 and 10); hand-built vs shipped fusion
set -euo pipefail
if [ "${1:-}" = cli ]; then
  # timed as a user runs it: the launcher and the jar, one process per query, no Maven on the path
  shift
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  [ "${1:-}" = --data ] || { echo "usage: bench/search.sh cli --data DIR [N]" >&2; exit 2; }
  data="$2"; n="${3:-20}"
  queries=("sparse attention" "protein folding" "diffusion models for video" "graph neural networks" "reinforcement learning from human feedback"
           "speech recognition" "large language model reasoning" "robot grasping" "quantum error correction" "image segmentation")
  "$root/paperboy" search "warm up" --json --data "$data" >/dev/null 2>&1 || true
  times=(); server=0
  for ((i = 0; i < n; i++)); do
    q="${queries[$((i % ${#queries[@]}))]}"
    t0=$(date +%s%N)
    "$root/paperboy" search "$q" --json --limit 10 --data "$data" >/dev/null 2>/tmp/pb-cli-bench.err
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
    grep -q "asked the server" /tmp/pb-cli-bench.err && server=$((server + 1))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  sum=0; for t in "${times[@]}"; do sum=$((sum + t)); done
  echo "paperboy search --json, whole process: $n queries, $server answered by the server, $((n - server)) in-process"
  echo "wall ms: p50 ${sorted[$((n / 2))]}  mean $((sum / n))  max ${sorted[$((n - 1))]}"
  exit 0
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores" >&2
. "$root/bench/jdk.sh"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
flags=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx3g)
what="${1:-eval}"; shift || true
case "$what" in
  eval)
    dir="${1:-../shared/data/scifact}"; shift || true
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.Main eval "$dir" --model all "$@" ;;
  train)
    dir="${1:-../shared/data/scifact}"; shift || true
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.Main eval "$dir" --train "$@" ;;
  latency)
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.bench.SearchBench "$@" ;;
  recall)
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.bench.VectorRecallBench "$@" ;;
  scale)
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -Xmx8g -cp "$cp" org.paperboy.bench.ScaleBench "$@" ;;
  arxiv-titles)
    papers="${PAPERBOY_ARXIV_SAMPLE:-../shared/data/arxiv-daily/papers.jsonl.gz}"
    [ -f "$papers" ] || { echo "bench/search.sh arxiv-titles: $papers is missing (the shared arXiv sample)" >&2; exit 1; }
    # under data/, which `./paperboy test` (mvn clean) leaves alone: a rerun reuses the vectors
    dir="data/bench/arxiv-titles-${1:-5000}-${2:-10}"
    "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.bench.ArxivTitleCollection "$papers" "$dir" "${1:-5000}" "${2:-10}"
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.Main eval "$dir" --cache "$dir/cache" ;;
  embed-speed)
    exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" org.paperboy.bench.EmbedSpeedBench "$@" ;;
  *) echo "usage: bench/search.sh eval [DIR] [options] | train [DIR] [options] | cli --data DIR [N] | latency [options] | recall --data DIR | embed-speed [N] | scale [options] | arxiv-titles [N] [K]" >&2; exit 2 ;;
esac
