#!/usr/bin/env bash
# "Publish once, serve fast": what our article pages cost, beside nginx serving the very same bytes as static
# files, measured in the same run on loopback. Imports the seed article and the first 50 eLife articles of the
# corpus into a fresh store, starts the jar twice on copies of it (usage counting on, the default, and off),
# and measures with wrk (one thread, 32 connections, no Accept-Encoding, so both answer uncompressed):
#   1. first render of each of the 51 landing pages in a fresh process (Server-Timing render;dur, curl time);
#   2. landing-page req/s with usage counting off and on, alternating rounds, and the ratio on/off;
#   3. landing page, full text and a 304 revalidation of two articles: ours and nginx in alternating rounds,
#      req/s, p50 and p99 (the median over the rounds) and the ratio ours/nginx;
#   4. p99 at about half our maximum rate on the seed's landing page (how: the comment at "half load");
#   5. with --crawl: heap after every landing page of a 10x copy of the corpus (11,560 articles) was requested
#      once from a server with -Xmx1g (the import takes minutes, the crawl today hours: see --crawl-seconds).
# All figures are printed together at the end; progress goes to stderr.
# Usage: bench/pages.sh [--duration S (10)] [--rounds N (3)] [--warmup S (3)] [--build] [--crawl] [--keep]
#   --build rebuilds target/recto.jar (built anyway when missing); --keep leaves the temp dir for a look;
#   --crawl-seconds S stops the crawl after S s (default 3600: today a landing page of that store takes seconds);
#   --crawl-files N is --crawl with only the first N corpus files in each copy, to try the phase quickly.
#   Ports BENCH_PORT_BASE+1.. +4 on 127.0.0.1 (default 18301-18304). Installs wrk and nginx-light when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10; rounds=3; warmup=3; build=false; crawl=false; crawl_files=0; crawl_seconds=3600; keep=false
port_base=${BENCH_PORT_BASE:-18300}
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --build) build=true; shift ;;
    --crawl) crawl=true; shift ;;
    --crawl-files) crawl=true; crawl_files=$2; shift 2 ;;
    --crawl-seconds) crawl=true; crawl_seconds=$2; shift 2 ;;
    --keep) keep=true; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "pages.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

shared=../shared
corpus=$shared/corpus/jats
seed_dir=$shared/seed/jats
robots=$shared/data/counter-robots/COUNTER_Robots_list.json
[ -f "$robots" ] || robots=
seed_doi=10.1017/S0260210517000407
path_seed=/doi/$seed_doi
elife_doi=10.7554/eLife.00003
# A reader's browser, so that the counting server records the requests as it would a reader's.
ua="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
jar=target/recto.jar
port_on=$((port_base + 1)); port_off=$((port_base + 2)); port_nginx=$((port_base + 3)); port_crawl=$((port_base + 4))
on=http://127.0.0.1:$port_on; off=http://127.0.0.1:$port_off; ng=http://127.0.0.1:$port_nginx

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'pages.sh: %s\n' "$*" >&2; exit 1; }

[ -d "$corpus" ] && [ -d "$seed_dir" ] || die "needs the shared data in $shared (seed/jats, corpus/jats)"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if ! command -v wrk >/dev/null || [ ! -x "$nginx_bin" ]; then
  log "installing wrk and nginx-light"
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -q
  $sudo apt-get install -y -q -o DPkg::Lock::Timeout=600 wrk nginx-light
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
fi
for tool in java curl wrk; do command -v $tool >/dev/null || die "needs $tool"; done
if $crawl; then command -v jcmd >/dev/null || die "--crawl needs jcmd (a JDK)"; fi
if $build || [ ! -f "$jar" ]; then log "building $jar"; ./mvnw -q -B -ntp -DskipTests package; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/recto-pages.XXXXXX")
# The servers run a copy, so that a rebuild of target/recto.jar during the run does not change it under them.
cp "$jar" "$work/app.jar"; jar=$work/app.jar
declare -A pid=()
stop() {  # name: SIGTERM, then up to 30 s for a graceful exit, then SIGKILL
  local p=${pid[$1]:-}
  [ -n "$p" ] || return 0
  kill "$p" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$p" 2>/dev/null || true
  wait "$p" 2>/dev/null || true
  unset "pid[$1]"
}
cleanup() {
  for name in "${!pid[@]}"; do stop "$name"; done
  if $keep; then echo "pages.sh: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

summary=$work/summary.txt
say() { printf '%s\n' "$*" >> "$summary"; }
jget() { sed -n "s/.*\"$2\":\([-0-9.]*\).*/\1/p" "$1"; }   # a number of the flat JSON line bench/pages.lua writes
median() {  # numbers on stdin -> their median, or n/a
  sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
num() { awk -v v="$1" -v f="$2" 'BEGIN { if (v == "n/a" || v == "") print "n/a"; else printf f, v }'; }   # value format
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.3f", a / b }'; }
# JATS files -> the landing-page path of each (the first article-id of type doi is the article's own)
landing_paths='match($0, /<article-id pub-id-type="doi">[^<]*/) { print "/doi/" substr($0, RSTART + 30, RLENGTH - 30); nextfile }'
header() { tr -d '\r' < "$1" | sed -n "s/^$2: *//Ip" | head -1; }   # a response header's value from curl -D

import() {  # data-dir files...: a fresh store with these articles; prints the import's summary line
  local data=$1; shift
  env -u RECTO_DB_URL RECTO_DATA_DIR="$data" RECTO_DEMO=false java -jar "$jar" import "$@" > "$data.import.log" 2>&1 \
    || { tail -20 "$data.import.log" >&2; die "import into $data failed"; }
  grep '^Imported:' "$data.import.log" | tail -1
}
start_server() {  # name port data-dir capture java-options...
  local name=$1 port=$2 data=$3 capture=$4; shift 4
  ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" || die "port $port is in use (set BENCH_PORT_BASE)"
  env -u RECTO_DB_URL RECTO_DATA_DIR="$data" RECTO_DEMO=false RECTO_PORT="$port" SERVER_ADDRESS=127.0.0.1 \
    RECTO_USAGE_CAPTURE="$capture" ${robots:+RECTO_USAGE_ROBOTS_FILE="$robots"} \
    java "$@" -jar "$jar" > "$work/server-$name.log" 2>&1 &
  pid[$name]=$!
}
wait_healthy() {  # name port
  for _ in $(seq 360); do
    curl -sf --max-time 2 "http://127.0.0.1:$2/actuator/health" > /dev/null && return 0
    kill -0 "${pid[$1]}" 2>/dev/null || { tail -30 "$work/server-$1.log" >&2; die "server $1 exited"; }
    sleep 0.5
  done
  die "server $1 not healthy after 180 s (log: $work/server-$1.log)"
}
run_wrk() {  # out.json url connections seconds delay-ms [wrk options...]
  local out=$1 url=$2 conns=$3 secs=$4 delay=$5; shift 5
  sleep 1   # the requests wrk left in flight at the end of the run before are answered first
  PAGES_DELAY_MS=$delay timeout $((secs + 60)) wrk -t1 -c"$conns" -d"${secs}s" --timeout 10s --latency \
    -s bench/pages.lua -H "User-Agent: $ua" "$@" "$url" > "$out.log" 2>&1 || true
  grep '^{' "$out.log" | tail -1 > "$out" || die "wrk gave no result for $url: $(tail -3 "$out.log")"
  local errors name; errors=$(( $(jget "$out" status_errors) + $(jget "$out" socket_errors) ))
  [ "$errors" = 0 ] || echo "pages.sh: $errors errors (non-2xx/3xx or socket) loading $url" >&2
  for name in "${!pid[@]}"; do
    kill -0 "${pid[$name]}" 2>/dev/null || die "$name exited during the run (log in $work, kept with --keep)"
  done
}

# ---- the store: the seed (the article and its correction) and the first 50 eLife files, as usage-pages.sh picks them
mkdir -p "$work/in"
for f in $(ls "$corpus" | grep '^elife' | head -n 50); do cp "$corpus/$f" "$work/in/"; done
{ echo "/doi/$seed_doi"
  awk "$landing_paths" "$work"/in/*.xml
} > "$work/landing-paths.txt"
log "importing the seed and 50 eLife articles"
store=$(import "$work/data-on" "$seed_dir"/*.xml "$work/in")
say "store: $store"
cp -a "$work/data-on" "$work/data-off"   # the embedded H2 file opens in one process only

log "starting the server twice: usage counting on (:$port_on) and off (:$port_off)"
start_server on "$port_on" "$work/data-on" true -Xmx1g
start_server off "$port_off" "$work/data-off" false -Xmx1g
wait_healthy on "$port_on"; wait_healthy off "$port_off"

# ---- first render after publish: the counting server is a fresh process that has served no article yet, and
# its page cache lives in memory, so each landing page's first request is rendered. A few requests to the home
# page first, so that the figure is the page's render and not the JVM's first use of Tomcat and the templates.
log "first render of each of the $(wc -l < "$work/landing-paths.txt") landing pages"
for _ in 1 2 3 4 5; do curl -s -o /dev/null --max-time 60 "$on/"; done
: > "$work/render-dur.txt"; : > "$work/render-curl.txt"; failed=0
while read -r p; do
  code=$(curl -s -o /dev/null -D "$work/h.txt" --max-time 60 -A "$ua" -w '%{http_code} %{time_total}' "$on$p")
  [ "${code%% *}" = 200 ] || { failed=$((failed + 1)); continue; }
  awk -v t="${code#* }" 'BEGIN { printf "%.1f\n", t * 1000 }' >> "$work/render-curl.txt"
  header "$work/h.txt" server-timing | sed -n 's/.*render;dur=\([0-9.]*\).*/\1/p' >> "$work/render-dur.txt"
done < "$work/landing-paths.txt"
n_render=$(wc -l < "$work/render-curl.txt")
if [ -s "$work/render-dur.txt" ]; then
  render_dur="$(median < "$work/render-dur.txt") ms ($(wc -l < "$work/render-dur.txt") of $n_render pages sent Server-Timing)"
else
  render_dur="n/a (server sends no Server-Timing)"
fi
say ""
say "First render after publish, median over $n_render landing pages (fresh process)$([ "$failed" = 0 ] || echo ", $failed failed"):"
say "  server render (Server-Timing render;dur): $render_dur"
say "  curl time_total:                          $(median < "$work/render-curl.txt") ms"

# ---- counting off vs on, the seed's landing page, alternating rounds. Measured now, while the two servers have
# the same history: the counting-off one gets the same pass over the landing pages (and the same warm-up), so
# that neither is further along in its JIT compilation than the other.
log "usage counting off vs on: warm-up, then $rounds rounds"
for _ in 1 2 3 4 5; do curl -s -o /dev/null --max-time 60 "$off/"; done
while read -r p; do curl -s -o /dev/null --max-time 60 -A "$ua" "$off$p"; done < "$work/landing-paths.txt"
mkdir -p "$work/res"
for base in "$on" "$off"; do
  run_wrk "$work/res/warmup.json" "$base${path_seed}" 32 "$(( warmup > duration ? warmup : duration ))" ""
done
for r in $(seq "$rounds"); do
  order=$([ $((r % 2)) = 1 ] && echo "off on" || echo "on off")
  for side in $order; do
    base=$([ $side = on ] && echo "$on" || echo "$off")
    run_wrk "$work/res/count-$side.$r.json" "$base${path_seed}" 32 "$duration" ""
  done
done
stop off

# ---- the same bytes for nginx: each page as the counting server sends it, served from a file at its own path
log "fetching four pages and serving the same bytes with nginx (:$port_nginx)"
pages="seed-landing seed-full elife-landing elife-full"
declare -A path=([seed-landing]=/doi/$seed_doi [seed-full]=/doi/$seed_doi/full
                 [elife-landing]=/doi/$elife_doi [elife-full]=/doi/$elife_doi/full)
mkdir -p "$work/nginx/pages" "$work/nginx/tmp"
stable=yes
for page in $pages; do
  curl -sf --max-time 60 -A "$ua" -D "$work/nginx/$page.ours-headers" -o "$work/nginx/pages/$page.html" "$on${path[$page]}" \
    || die "could not fetch $on${path[$page]}"
  curl -sf --max-time 60 -A "$ua" -o "$work/nginx/$page.again" "$on${path[$page]}"
  cmp -s "$work/nginx/pages/$page.html" "$work/nginx/$page.again" || stable="no ($page differs between two requests)"
done
temp_paths=""
for kind in client_body proxy fastcgi uwsgi scgi; do   # every temp dir in ours, so nginx needs no root
  [ $kind = client_body ] || ! "$nginx_bin" -V 2>&1 | grep -q -- "--without-http_${kind}_module" || continue
  temp_paths+="  ${kind}_temp_path $work/nginx/tmp/$kind;"$'\n'
done
{
  echo "worker_processes auto;"
  echo "daemon off;"
  echo "pid $work/nginx/nginx.pid;"
  echo "error_log $work/nginx/error.log warn;"
  [ "$(id -u)" != 0 ] || echo "user root;"   # the workers read the pages from our private temp dir
  echo "events { worker_connections 1024; }"
  echo "http {"
  echo "  access_log off;"
  echo "  default_type text/html;"
  echo "  charset utf-8;"
  echo "  sendfile on;"
  printf '%s' "$temp_paths"
  echo "  server {"
  echo "    listen 127.0.0.1:$port_nginx;"
  for page in $pages; do echo "    location = ${path[$page]} { alias $work/nginx/pages/$page.html; }"; done
  echo "  }"
  echo "}"
} > "$work/nginx/nginx.conf"
! curl -s -o /dev/null --max-time 2 "$ng/" || die "port $port_nginx is in use (set BENCH_PORT_BASE)"
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" > "$work/nginx/stdout.log" 2>&1 &
pid[nginx]=$!
for _ in $(seq 40); do curl -s -o /dev/null --max-time 2 "$ng/" && break; sleep 0.25; done
for page in $pages; do
  curl -sf --max-time 10 -D "$work/nginx/$page.nginx-headers" -o "$work/nginx/$page.nginx" "$ng${path[$page]}" \
    || { cat "$work/nginx/error.log" >&2; die "nginx does not serve ${path[$page]}"; }
  cmp "$work/nginx/pages/$page.html" "$work/nginx/$page.nginx" || die "nginx serves other bytes for ${path[$page]}"
done

# ETags for the revalidation: each server's own, from its answer to the landing page.
declare -A etag_ours etag_nginx
for page in seed-landing elife-landing; do
  etag_ours[$page]=$(header "$work/nginx/$page.ours-headers" etag)
  etag_nginx[$page]=$(header "$work/nginx/$page.nginx-headers" etag)
done

# ---- load: each page on ours and on nginx, the two in alternating rounds (who goes first alternates as well)
declare -A url_of opts_of
targets=""
for a in seed elife; do
  for kind in landing full 304; do
    t=$a-$kind; targets+=" $t"
    p=${path[$a-${kind/304/landing}]}
    url_of[$t.ours]=$on$p; url_of[$t.nginx]=$ng$p
    if [ $kind = 304 ]; then
      e=${etag_ours[$a-landing]}
      if [ -n "$e" ]; then
        opts_of[$t.ours]="If-None-Match: $e"
        code=$(curl -s -o /dev/null --max-time 30 -H "If-None-Match: $e" -w '%{http_code}' "$on$p")
        [ "$code" = 304 ] || echo "pages.sh: our server answers $code, not 304, to If-None-Match: $e" >&2
      else
        unset "url_of[$t.ours]"
      fi
      opts_of[$t.nginx]="If-None-Match: ${etag_nginx[$a-landing]}"
    fi
  done
done
load() {  # target side out.json seconds
  local key=$1.$2
  [ -n "${url_of[$key]:-}" ] || return 0
  if [ -n "${opts_of[$key]:-}" ]; then run_wrk "$3" "${url_of[$key]}" 32 "$4" "" -H "${opts_of[$key]}"
  else run_wrk "$3" "${url_of[$key]}" 32 "$4" ""; fi
}
log "warm-up: ${warmup} s on each of$targets, ours and nginx"
for t in $targets; do for side in ours nginx; do load "$t" "$side" "$work/res/warmup.json" "$warmup"; done; done
for r in $(seq "$rounds"); do
  log "round $r of $rounds ($duration s a run)"
  order=$([ $((r % 2)) = 1 ] && echo "ours nginx" || echo "nginx ours")
  for t in $targets; do for side in $order; do load "$t" "$side" "$work/res/$t.$side.$r.json" "$duration"; done; done
done
med() {  # prefix key -> the median of key over that prefix's rounds
  local f
  for f in "$work"/res/"$1".*.json; do if [ -f "$f" ]; then jget "$f" "$2"; fi; done | median
}
say ""
say "Pages, ours (usage counting on) vs nginx serving the same bytes: wrk -t1 -c32, ${duration} s a run, median of $rounds rounds"
say "$(printf '  %-15s %10s %8s %8s | %10s %8s %8s | %-26s' page 'ours req/s' p50 p99 'nginx req/s' p50 p99 'ours/nginx: req/s  p50  p99')"
for t in $targets; do
  o_rps=$(med "$t.ours" rps); o_50=$(med "$t.ours" p50_ms); o_99=$(med "$t.ours" p99_ms)
  n_rps=$(med "$t.nginx" rps); n_50=$(med "$t.nginx" p50_ms); n_99=$(med "$t.nginx" p99_ms)
  say "$(printf '  %-15s %10s %8s %8s | %10s %8s %8s | %8s %8s %8s' "$t" "$(num "$o_rps" %.1f)" "$(num "$o_50" %.2f)" \
    "$(num "$o_99" %.2f)" "$(num "$n_rps" %.1f)" "$(num "$n_50" %.2f)" "$(num "$n_99" %.2f)" \
    "$(ratio "$o_rps" "$n_rps")" "$(ratio "$o_50" "$n_50")" "$(ratio "$o_99" "$n_99")")"
done
say "  (latencies in ms; *-304: If-None-Match with each server's own ETag of the landing page)"
for a in seed elife; do
  [ -n "${etag_ours[$a-landing]}" ] || say "  $a-304 ours: n/a (our server sends no ETag)"
done
say "  our pages are byte-identical on two requests: $stable; nginx serves the same bytes (cmp): yes"

# ---- half load. wrk has no fixed rate, so each connection waits before each request (bench/pages.lua's delay():
# a random wait, uniform around a mean, so the 32 connections do not fire in step). One connection makes one
# request every (mean wait + response time), so the offered rate is connections * 1000 / (wait + response) per
# second: a short calibration run gives the response time at about that rate, and the mean wait is set so the
# rate is half the median maximum our server reached on the same page above. Connections are raised when the
# wait would come under 10 ms, since the wait is in whole milliseconds. The achieved rate is reported beside p99.
max_rps=$(med seed-landing.ours rps)
if [ "$(awk -v m="$max_rps" 'BEGIN { print (m + 0 > 0) }')" = 1 ]; then
  target=$(awk -v m="$max_rps" 'BEGIN { printf "%.1f", m / 2 }')
  conns=$(awk -v r="$target" 'BEGIN { c = 32; if (c * 1000 / r < 10) c = int(r * 10 / 1000) + 1; if (c > 2000) c = 2000; print c }')
  period=$(awk -v c="$conns" -v r="$target" 'BEGIN { printf "%.3f", c * 1000 / r }')
  log "half load: about $target req/s on the seed landing page ($conns connections)"
  run_wrk "$work/res/half-cal.json" "$on${path[seed-landing]}" "$conns" "$(( duration > 6 ? duration / 2 : 3 ))" "$period"
  wait_ms=$(awk -v c="$conns" -v p="$period" -v got="$(jget "$work/res/half-cal.json" rps)" \
    'BEGIN { service = got > 0 ? c * 1000 / got - p : 0; w = p - (service > 0 ? service : 0); printf "%.3f", (w > 0 ? w : 0) }')
  run_wrk "$work/res/half.json" "$on${path[seed-landing]}" "$conns" "$duration" "$wait_ms"
  half=$work/res/half.json
  say ""
  say "Half load, seed landing page (ours, counting on): offered about $target req/s, half of $(num "$max_rps" %.1f);" \
    "$conns connections, mean wait $(num "$wait_ms" %.0f) ms"
  h99=$(jget "$half" p99_ms)
  say "  achieved $(num "$(jget "$half" rps)" %.1f) req/s: p50 $(num "$(jget "$half" p50_ms)" %.2f) ms," \
    "p99 $(num "$h99" %.2f) ms (p99 < 10 ms: $(awk -v p="$h99" 'BEGIN { print (p < 10 ? "yes" : "no") }'))"
else
  say ""
  say "Half load: n/a (no maximum rate measured on the seed landing page)"
fi

# ---- the summary of counting off vs on, measured at the start
c_off=$(med count-off rps); c_on=$(med count-on rps)
say ""
say "Usage counting, seed landing page, median of $rounds rounds:"
say "  off $(num "$c_off" %10.1f) req/s, p50 $(num "$(med count-off p50_ms)" %.2f) ms, p99 $(num "$(med count-off p99_ms)" %.2f) ms"
say "  on  $(num "$c_on" %10.1f) req/s, p50 $(num "$(med count-on p50_ms)" %.2f) ms, p99 $(num "$(med count-on p99_ms)" %.2f) ms"
say "  on/off req/s: $(ratio "$c_on" "$c_off")"

# ---- heap after a crawl of the corpus ten times over (11,560 articles), each copy under DOI prefix 10.99901..10
if $crawl; then
  stop on; stop nginx
  log "crawl: writing the corpus ten times under new DOI prefixes"
  for i in 01 02 03 04 05 06 07 08 09 10; do
    mkdir -p "$work/crawl-in/$i"
    if [ "$crawl_files" -gt 0 ]; then
      for f in $(ls "$corpus" | head -n "$crawl_files"); do cp "$corpus/$f" "$work/crawl-in/$i/"; done
    else
      cp "$corpus"/*.xml "$work/crawl-in/$i/"
    fi
    chmod -R u+w "$work/crawl-in/$i"
    find "$work/crawl-in/$i" -name '*.xml' -exec sed -i -e "s#10\.7554/#10.999$i/#g; s#10\.1371/#10.999$i/#g" {} +
  done
  find "$work/crawl-in" -name '*.xml' -exec awk "$landing_paths" {} + > "$work/crawl-paths.txt"
  log "crawl: importing $(wc -l < "$work/crawl-paths.txt") articles (long)"
  store=$(import "$work/data-crawl" "$work/crawl-in")
  say ""
  say "Crawl store: $store"
  start_server crawl "$port_crawl" "$work/data-crawl" true -Xmx1g
  wait_healthy crawl "$port_crawl"
  heap_mb() {  # the live heap in MB: GC.class_histogram totals what a full GC leaves, in the same pause. (The
    # "used" of GC.heap_info after GC.run came out anywhere between 90 and 170 MB for one state of the server.)
    jcmd "${pid[crawl]}" GC.class_histogram > "$work/heap-histogram.txt"
    awk '/^Total/ { printf "%.0f", $3 / 1048576 }' "$work/heap-histogram.txt"
  }
  heap_before=$(heap_mb)
  # Four workers, each through its quarter of the list in batches of 20 pages per curl (one connection a
  # batch); a worker starts no batch past the time limit, so a slow server ends the crawl early, and says so.
  log "crawl: every landing page once, four curls at a time, for at most $crawl_seconds s"
  split -n r/4 "$work/crawl-paths.txt" "$work/crawl-part."
  start=$(date +%s); deadline=$((start + crawl_seconds))
  crawl_worker() {  # part-file
    local batch p args
    while mapfile -t -n 20 batch && [ ${#batch[@]} -gt 0 ]; do
      [ "$(date +%s)" -lt "$deadline" ] || break
      args=(); for p in "${batch[@]}"; do args+=(-o /dev/null "http://127.0.0.1:$port_crawl$p"); done
      curl -s --max-time 60 -A "$ua" -w '%{http_code}\n' "${args[@]}" >> "$1.codes" || true
    done < "$1"
  }
  for part in "$work"/crawl-part.??; do
    : > "$part.codes"; crawl_worker "$part" &
    pid[crawl-$(basename "$part")]=$!
  done
  for part in "$work"/crawl-part.??; do wait "${pid[crawl-$(basename "$part")]}" || true; unset "pid[crawl-$(basename "$part")]"; done
  secs=$(( $(date +%s) - start ))
  ok=$(cat "$work"/crawl-part.??.codes | grep -c '^200$' || true)
  asked=$(cat "$work"/crawl-part.??.codes | wc -l)
  kill -0 "${pid[crawl]}" 2>/dev/null || die "the crawl server died (log: $work/server-crawl.log)"
  total=$(wc -l < "$work/crawl-paths.txt")
  say "Crawl: $ok of $asked landing pages requested answered 200, in $secs s ($(awk -v n="$asked" -v s="$secs" \
    'BEGIN { printf "%.1f", (s > 0 ? n / s : n) }') pages/s; -Xmx1g)$([ "$asked" = "$total" ] \
    || echo "; stopped at the time limit, $((total - asked)) of $total pages not requested")"
  say "  live heap (jcmd GC.class_histogram): $heap_before MB before the crawl, $(heap_mb) MB after"
fi

stop on   # graceful, so the counting server logs its summary
echo
echo "==================== bench/pages.sh ($(date -u +%Y-%m-%dT%H:%MZ), $(git describe --always --dirty 2>/dev/null || echo "?"), $(nproc) cores) ===================="
cat "$summary"
