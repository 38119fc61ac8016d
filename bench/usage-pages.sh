#!/usr/bin/env bash
# Landing-page throughput with usage counting off and on, in the same run (needs the site and the article
# store, i.e. the merged application). Starts two instances on loopback, each with its own embedded H2 and the
# same N articles of the corpus, one with RECTO_USAGE_CAPTURE=false, and loads them in alternating rounds.
# Usage: bench/usage-pages.sh [ARTICLES=50] [THREADS=8] [SECONDS=10] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-50}"; threads="${2:-8}"; seconds="${3:-10}"; rounds="${4:-3}"
corpus=../shared/corpus/jats
robots=../shared/data/counter-robots/COUNTER_Robots_list.json
./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
./mvnw -q test-compile
work=$(mktemp -d)
files=$(ls "$corpus" | grep '^elife' | head -n "$n")
mkdir -p "$work/in"; for f in $files; do cp "$corpus/$f" "$work/in/"; done
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for setting in off on; do
  capture=$([ "$setting" = on ] && echo true || echo false)
  port=$([ "$setting" = on ] && echo 18082 || echo 18081)
  RECTO_DATA_DIR="$work/$setting" RECTO_DEMO=false java -jar target/recto.jar import "$work/in" > "$work/import-$setting.log"
  RECTO_DATA_DIR="$work/$setting" RECTO_DEMO=false RECTO_PORT=$port RECTO_USAGE_CAPTURE=$capture \
    RECTO_USAGE_ROBOTS_FILE="$robots" java -Xmx1g -jar target/recto.jar > "$work/server-$setting.log" 2>&1 &
  pids+=($!)
done
for port in 18081 18082; do
  for i in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
done
for f in $files; do
  doi=$(grep -o '<article-id pub-id-type="doi">[^<]*' "$work/in/$f" | head -1 | sed 's/.*>//')
  echo "/doi/$doi"
done > "$work/paths.txt"
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.recto.usage.bench.PageLoadBenchmark \
  http://127.0.0.1:18081 http://127.0.0.1:18082 "$work/paths.txt" "$threads" "$seconds" "$rounds"
for p in "${pids[@]}"; do kill "$p"; done; wait || true; pids=()   # graceful shutdown flushes the events
echo "counting instance: $(grep -o 'Usage capture stopped.*' "$work/server-on.log" || echo 'no summary in its log')"
