-- wrk script for Sendero's load harness. Behaviour comes from the environment:
--   BENCH_MODE   static | cases | search | profile | edit
--                (edit: /clients/ID/edit, the same client read without the audited-read write)
--   BENCH_PAGES  cases: pages are drawn from 1..BENCH_PAGES
--   BENCH_NAMES  search: comma-separated, already URL-encoded names
--   BENCH_ID_MIN, BENCH_ID_MAX  profile: client ids drawn from this range
-- The session cookie is passed with wrk's -H. For dynamic pages every response status is
-- counted (wrk itself only counts >= 400 as errors, so a 303 to /login would pass unseen).
-- done() prints one machine-readable line, "BENCHJSON {...}", parsed by report.py.

local mode = os.getenv("BENCH_MODE") or "static"
local pages = tonumber(os.getenv("BENCH_PAGES") or "100")
local idmin = tonumber(os.getenv("BENCH_ID_MIN") or "1")
local idmax = tonumber(os.getenv("BENCH_ID_MAX") or "1")
local names = {}
for n in string.gmatch(os.getenv("BENCH_NAMES") or "Joseph", "([^,]+)") do
  names[#names + 1] = n
end

local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
  s2, s3, s4, s5 = 0, 0, 0, 0
end

function request()
  local path
  if mode == "cases" then
    path = "/cases?page=" .. math.random(1, pages)
  elseif mode == "search" then
    path = "/clients?q=" .. names[math.random(1, #names)]
  elseif mode == "profile" then
    path = "/clients/" .. math.random(idmin, idmax)
  elseif mode == "edit" then
    path = "/clients/" .. math.random(idmin, idmax) .. "/edit"
  else
    path = "/static/bench.html"
  end
  return wrk.format("GET", path)
end

if mode ~= "static" then
  function response(status, headers, body)
    if status < 300 then s2 = s2 + 1
    elseif status < 400 then s3 = s3 + 1
    elseif status < 500 then s4 = s4 + 1
    else s5 = s5 + 1 end
  end
end

function done(summary, latency, requests)
  local c2, c3, c4, c5 = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c2 = c2 + (t:get("s2") or 0); c3 = c3 + (t:get("s3") or 0)
    c4 = c4 + (t:get("s4") or 0); c5 = c5 + (t:get("s5") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"mode":"%s","requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,' ..
    '"err_connect":%d,"err_read":%d,"err_write":%d,"err_status":%d,"err_timeout":%d,' ..
    '"counted":%s,"s2":%d,"s3":%d,"s4":%d,"s5":%d}\n',
    mode, summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout,
    mode ~= "static" and "true" or "false", c2, c3, c4, c5))
end
