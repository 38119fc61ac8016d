#!/usr/bin/env bash
# Usage benchmarks (module org.recto.usage), on PostgreSQL at 127.0.0.1:5432/test (trust auth):
#   1. the recorder: what record() costs a page, and how fast events reach the table;
#   2. the daily roll-up of EVENTS events (default 10,000,000) over DAYS days: events per second.
# Usage: bench/usage.sh [EVENTS] [DAYS] [ITEMS]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test \
  || ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
robots="${RECTO_USAGE_ROBOTS_FILE:-../shared/data/counter-robots/COUNTER_Robots_list.json}"
echo "== Recorder (8 threads x 100,000 record() calls)"
java -Xmx2g -cp "$cp" org.recto.usage.bench.RecorderBenchmark pg 8 100000 "$robots"
echo "== Roll-up"
java -Xmx1g -cp "$cp" org.recto.usage.bench.RollupBenchmark "${1:-10000000}" "${2:-30}" "${3:-20000}"
