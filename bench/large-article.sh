#!/usr/bin/env bash
# Large articles: a synthetic 45 MB article (the seed's front matter and 140 notes, and a body of a quarter of a
# million paragraphs) beside the seed article itself, in the same server: the landing page's first render
# (Server-Timing render;dur, curl's total), the median of N later requests (served from the prepared bytes), and
# the heap after each stage (jcmd GC.heap_info, after a full GC). Ratios are large/seed, measured in the same run.
# Usage: bench/large-article.sh [--requests N (20)] [--megabytes M (45)] [--xmx SIZE (2g)]
#   Needs target/recto.jar (./mvnw -DskipTests package). Port BENCH_PORT (default 18311) on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=20; megabytes=45; xmx=2g; port=${BENCH_PORT:-18311}
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift 2 ;;
    --megabytes) megabytes=$2; shift 2 ;;
    --xmx) xmx=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
shared=${RECTO_SHARED_DIR:-../shared}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
seed="$shared/seed/jats/mills-bloomfield-2018.xml"
python3 - "$seed" "$work/large.xml" "$megabytes" <<'PY'
import sys
seed = open(sys.argv[1], encoding="utf-8").read()
at = seed.index("<body>") + len("<body>")
para = "<p>Lorem ipsum dolor sit amet, <italic>consectetur</italic> adipiscing elit, sed do eiusmod.</p>\n"
n = int(sys.argv[3]) * 1024 * 1024 // len(para) + 1
body = seed[:at] + para * n + seed[at:]
open(sys.argv[2], "w", encoding="utf-8").write(body.replace("10.1017/S0260210517000407", "10.5555/recto.large"))
PY
RECTO_DATA_DIR="$work/data" RECTO_DEMO=false RECTO_ADMIN_TOKEN=bench RECTO_PORT=$port \
  java -Xmx"$xmx" -jar target/recto.jar > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 1; done
heap() { jcmd "$pid" GC.run > /dev/null; jcmd "$pid" GC.heap_info | awk '/garbage-first heap|def new generation|total/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'; }
post() { curl -fs -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer bench" -H "Content-Type: application/xml" \
  --data-binary @"$1" "http://127.0.0.1:$port/api/v1/articles"; }
echo "heap after start: $(heap)" >&2
echo "import seed: $(post "$seed"), large ($(du -m "$work/large.xml" | cut -f1) MB): $(post "$work/large.xml")" >&2
# Wait for the derived work (parsed notes) of both, as a reader would see the pages.
for doi in 10.1017/S0260210517000407 10.5555/recto.large; do
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/articles/$doi/notes")" = 200 ] && break; sleep 1
  done
done
heap_imported=$(heap)
measure() { # doi -> "first_render_ms first_request_ms median_cached_ms bytes"
  local url="http://127.0.0.1:$port/doi/$1" first render times
  first=$(curl -s -D "$work/headers" -o /dev/null -w '%{time_total}' "$url")
  render=$(tr -d '\r' < "$work/headers" | awk -F'dur=' '/^Server-Timing/ {print $2}')
  times=$(for _ in $(seq 1 "$requests"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n)
  echo "$render $(awk -v t="$first" 'BEGIN {printf "%.1f", t*1000}') $(echo "$times" | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]*1000}') $(curl -s "$url" | wc -c)"
}
curl -s -X POST -o /dev/null -H "Authorization: Bearer bench" "http://127.0.0.1:$port/api/v1/admin/usage/rollup" || true
read -r s_render s_first s_cached s_bytes <<< "$(measure 10.1017/S0260210517000407)"
read -r l_render l_first l_cached l_bytes <<< "$(measure 10.5555/recto.large)"
heap_served=$(heap)
printf 'landing page     render (ms)  first request (ms)  cached, median of %d (ms)  page bytes\n' "$requests"
printf 'seed article     %11s  %18s  %25s  %10s\n' "$s_render" "$s_first" "$s_cached" "$s_bytes"
printf '%2d MB article    %11s  %18s  %25s  %10s\n' "$megabytes" "$l_render" "$l_first" "$l_cached" "$l_bytes"
awk -v a="$l_render" -v b="$s_render" -v e="$l_first" -v f="$s_first" -v c="$l_cached" -v d="$s_cached" \
  'BEGIN {printf "ratio large/seed %11.1f  %18.1f  %25.1f\n", a/b, e/f, c/d}'
echo "heap used after full GC: imported $heap_imported, after serving both $heap_served (-Xmx$xmx)"
