-- wrk script of bench/pages.sh: prints the run's figures as one JSON line, so the script needs no parsing of
-- wrk's human-readable report.
--
-- PAGES_DELAY_MS (optional): each connection waits before each of its requests, a random time uniform between
-- 0 and twice this many milliseconds, which holds the offered rate near connections * 1000 / (mean wait +
-- response time) and keeps the connections from firing in step. (wrk's delay() answers whole milliseconds; the
-- + 0.5 makes its truncation round, so the mean stays right.) Latency is measured from when a request is sent,
-- not from when it was due (wrk, unlike wrk2, does not correct for coordinated omission); at half the maximum
-- rate the server keeps up, so the two agree closely.

local delay_ms = tonumber(os.getenv("PAGES_DELAY_MS") or "")

if delay_ms and delay_ms > 0 then
  math.randomseed(os.time())
  function delay()
    return math.random() * 2 * delay_ms + 0.5
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,'
      .. '"status_errors":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end
