#!/usr/bin/env bash
# Import benchmark: the shared corpus into a fresh store, beside a bare StAX parse of the same bytes,
# once on the embedded H2 default and once on PostgreSQL (127.0.0.1:5432, database test).
# Usage: bench/import.sh [CORPUS_DIR]   (build first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus/jats}"
jar=target/recto.jar
[ -f "$jar" ] || ./mvnw -q -DskipTests package

echo "== embedded default (H2)"
data=$(mktemp -d)
RECTO_DATA_DIR="$data" java -jar "$jar" import-benchmark "$corpus"
rm -rf "$data"

echo "== PostgreSQL"
schema="recto_bench_$$"
psql -q -h 127.0.0.1 -U postgres -d test -c "create schema $schema"
trap 'psql -q -h 127.0.0.1 -U postgres -d test -c "set client_min_messages = warning; drop schema if exists $schema cascade"' EXIT
RECTO_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema&reWriteBatchedInserts=true" \
RECTO_DB_USER=postgres SPRING_FLYWAY_SCHEMAS="$schema" \
  java -jar "$jar" import-benchmark "$corpus"
