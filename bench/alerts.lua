-- wrk script for bench/run.sh: closed-loop alert deliveries, the same bodies as bench/LoadGen.java.
-- Environment: PAYLOAD webhook|v2|webhook-dedup|v2-dedup, BATCH alerts per request, DISTINCT label sets
-- for -dedup, TOKEN bearer key (optional), LABEL the result's label, WARMUP seconds not measured.
-- Prints one JSON line in LoadGen's format (requests, statuses, requests/s, alerts/s, p50/p99 ms).
local payload = os.getenv("PAYLOAD") or "v2"
local batch = tonumber(os.getenv("BATCH") or "1")
local distinct = tonumber(os.getenv("DISTINCT") or "10")
local token = os.getenv("TOKEN")
local label = os.getenv("LABEL") or payload
local run = string.format("%x", os.time())
local threads = {}

function setup(thread)
  thread:set("threadId", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
  counter = 0
end

local function alert(n, now, ends)
  local instance = payload:find("dedup") and tostring(n % distinct) or (run .. "-" .. threadId .. "-" .. n)
  local common = '"labels":{"alertname":"BenchAlert","severity":"warning","instance":"' .. instance ..
    '"},"annotations":{"summary":"bench alert ' .. instance .. '"},"startsAt":"' .. now .. '",'
  if payload:find("webhook") then
    return '{"status":"firing",' .. common .. '"endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.bench/graph","fingerprint":"' ..
      instance .. '"}'
  end
  return '{' .. common .. '"endsAt":"' .. ends .. '","generatorURL":"http://prometheus.bench/graph"}'
end

request = function()
  local now = os.date("!%Y-%m-%dT%H:%M:%SZ")
  local ends = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() + 3600)
  local parts = {}
  for i = 1, batch do
    counter = counter + 1
    parts[i] = alert(counter, now, ends)
  end
  local alerts = table.concat(parts, ",")
  if payload:find("webhook") then
    return wrk.format(nil, nil, nil, '{"version":"4","groupKey":"{}:{alertname=\\"BenchAlert\\"}","status":"firing",' ..
      '"receiver":"firebreak","groupLabels":{"alertname":"BenchAlert"},"commonLabels":{"alertname":"BenchAlert"},' ..
      '"commonAnnotations":{},"externalURL":"http://alertmanager.bench:9093","truncatedAlerts":0,"alerts":[' .. alerts .. ']}')
  end
  return wrk.format(nil, nil, nil, "[" .. alerts .. "]")
end

function done(summary, latency, requests)
  -- wrk counts answers >= 400 as status errors; Firebreak and Alertmanager answer 200/202 or 4xx/5xx.
  local bad = summary.errors.status
  local secs = summary.duration / 1e6
  local e = summary.errors
  local ok = summary.requests - bad
  io.write(string.format('{"label":"%s","mode":"closed","payload":"%s","batch":%d,"connections":%d,"rateTarget":null,' ..
    '"requests":%d,"ok":%d,"non2xx":%d,"status429":0,"ioErrors":%d,"dropped":0,"unsent":0,"requestsPerSec":%.1f,' ..
    '"alertsPerSec":%.1f,"p50ms":%.2f,"p99ms":%.2f,"maxms":%.2f,"tool":"wrk"}\n',
    label, payload, batch, tonumber(os.getenv("CONNECTIONS") or "0"), summary.requests, ok, bad,
    e.connect + e.read + e.write + e.timeout, ok / secs, ok * batch / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
