#!/usr/bin/env bash
# Benchmark: compose one daily digest for N subscribers and deliver every mail over SMTP to
# GreenMail on loopback (in its own JVM), with a small heap to show that memory stays bounded.
# Usage: bench/digest.sh [subscribers=10000] [workers=4] [heap=64m] [smtp|eml] [plain|foryou]
# With eml the mails become .eml files under a temporary outbox directory instead (the default
# mail set-up when no SMTP server is configured); no SMTP server is started then.
# With foryou every subscriber is also a verified account with 20-50 saves from a made-up catalog
# (6,300 papers, 300 on the digest's day), so every mail carries a For-you section ranked for its
# reader; the models are trained first (timed apart) and held in memory: give it a heap (3g for 10000).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores" >&2
. "$root/bench/jdk.sh"
java="$JAVA_HOME/bin/java"
n="${1:-10000}"; workers="${2:-4}"; heap="${3:-64m}"; transport="${4:-smtp}"; mode="${5:-plain}"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
dir="$(mktemp -d)"
if [ "$transport" = eml ]; then
  trap 'rm -rf "$dir"' EXIT
  "$java" -Xmx"$heap" --enable-native-access=ALL-UNNAMED -cp "$cp" org.paperboy.notify.bench.DigestBench "$dir" eml "$n" "$workers" "$mode"
  echo ".eml files written    $(find "$dir/outbox" -name '*.eml' | wc -l), half-written left $(find "$dir/outbox" -name '.writing-*' | wc -l)"
  exit 0
fi
"$java" -Xmx1g -cp "$cp" org.paperboy.notify.bench.SmtpSink "$dir/port" "$dir/count" >"$dir/sink.log" 2>&1 &
sink=$!
trap 'kill "$sink" 2>/dev/null || true; wait "$sink" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do [ -f "$dir/port" ] && break; sleep 0.1; done
"$java" -Xmx"$heap" --enable-native-access=ALL-UNNAMED -cp "$cp" org.paperboy.notify.bench.DigestBench "$dir" "$(cat "$dir/port")" "$n" "$workers" "$mode"
sleep 1.5
read -r received distinct <"$dir/count" || true
echo "SMTP server received   $received messages, $distinct distinct Message-IDs"
