#!/usr/bin/env bash
# Formats: what making the PDF and EPUB costs, and what serving a cached PDF costs beside nginx.
#   1. generation: PDF and EPUB of the first N corpus articles (default 50), median and worst (FormatsBenchmark);
#   2. a cached PDF (the seed's), downloaded with wrk (one thread, 16 connections, DURATION seconds, default 5)
#      from the jar and from nginx serving the same file, alternating, and the ratio ours/nginx.
# Usage: bench/formats.sh [N] [DURATION]. The jar and nginx each listen on a free port picked at the start; data in a
# temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}; duration=${2:-5}
work=$(mktemp -d /tmp/recto-formats-bench.XXXXXX)
cleanup() { [ -z "${jar_pid:-}" ] || kill "$jar_pid" 2>/dev/null || true; [ -z "${nginx_pid:-}" ] || kill "$nginx_pid" 2>/dev/null || true; }
trap cleanup EXIT
command -v wrk >/dev/null && command -v nginx >/dev/null || apt-get install -y -q wrk nginx-light >/dev/null
# A port nothing listens on (others may run benchmarks or test servers on this machine at the same time).
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
jar_port=$(free_port)
nginx_port=$(free_port)
while [ "$nginx_port" = "$jar_port" ]; do nginx_port=$(free_port); done

./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
echo "== generation (first $n corpus articles)"
java -cp "target/classes:target/test-classes:$(cat "$work/cp.txt")" org.recto.formats.FormatsBenchmark "$n" 2>/dev/null | grep articles

echo "== cached PDF: ours against nginx, the same bytes"
RECTO_DATA_DIR="$work/data" RECTO_DEMO=false RECTO_ADMIN_TOKEN=bench java -jar target/recto.jar --server.port=$jar_port > "$work/jar.log" 2>&1 &
jar_pid=$!
for _ in $(seq 120); do curl -sf -o /dev/null http://127.0.0.1:$jar_port/ && break; sleep 0.5; done
curl -sf -o /dev/null -X POST -H "Authorization: Bearer bench" -H "Content-Type: application/xml" \
  --data-binary @../shared/seed/jats/mills-bloomfield-2018.xml http://127.0.0.1:$jar_port/api/v1/articles
pdf_path=/doi/10.1017/S0260210517000407/pdf
mkdir -p "$work/nginx/root/doi/10.1017/S0260210517000407" "$work/nginx/tmp"
curl -sf --max-time 120 -o "$work/nginx/root$pdf_path" "http://127.0.0.1:$jar_port$pdf_path"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 1; daemon off; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log warn; $( [ "$(id -u)" != 0 ] || echo "user root;" )
events { worker_connections 1024; }
http { access_log off; sendfile on; default_type application/pdf; client_body_temp_path $work/nginx/tmp/cb; proxy_temp_path $work/nginx/tmp/p;
  fastcgi_temp_path $work/nginx/tmp/f; uwsgi_temp_path $work/nginx/tmp/u; scgi_temp_path $work/nginx/tmp/s;
  server { listen 127.0.0.1:$nginx_port; root $work/nginx/root; } }
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" > /dev/null 2>&1 &
nginx_pid=$!
sleep 1
cmp <(curl -sf http://127.0.0.1:$nginx_port$pdf_path) "$work/nginx/root$pdf_path" && echo "nginx serves the same $(stat -c %s "$work/nginx/root$pdf_path") bytes"
rate() { wrk -t1 -c16 -d"${duration}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
for round in 1 2 3; do
  ours=$(rate "http://127.0.0.1:$jar_port$pdf_path"); theirs=$(rate "http://127.0.0.1:$nginx_port$pdf_path")
  echo "round $round: ours $ours req/s, nginx $theirs req/s, ratio $(awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "%.2f", a / b}')"
done
