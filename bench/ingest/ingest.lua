-- wrk script: Segment-style tracking calls with unique messageIds.
-- Env: BEACON_KEY (write key), BATCH (events per request; 1 = POST /v1/track), RUN (unique run id).
local key = os.getenv("BEACON_KEY")
local batch = tonumber(os.getenv("BATCH") or "1")
local run = os.getenv("RUN") or tostring(os.time())
local threads = 0

local function b64(data)
  local chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  return ((data:gsub('.', function(x)
    local r, b = '', x:byte()
    for i = 8, 1, -1 do r = r .. (b % 2 ^ i - b % 2 ^ (i - 1) > 0 and '1' or '0') end
    return r
  end) .. '0000'):gsub('%d%d?%d?%d?%d?%d?', function(x)
    if #x < 6 then return '' end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == '1' and 2 ^ (6 - i) or 0) end
    return chars:sub(c + 1, c + 1)
  end) .. ({ '', '==', '=' })[#data % 3 + 1])
end

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  counter = 0
  wrk.headers["Authorization"] = "Basic " .. b64(key .. ":")
  wrk.headers["Content-Type"] = "application/json"
end

local function event(n)
  return string.format(
    '{"type":"track","userId":"user-%d","event":"Product Viewed","messageId":"%s-%d-%d","timestamp":"2024-05-01T12:00:00Z","properties":{"product_id":"SKU-%d","price":19.99},"context":{"library":{"name":"wrk"}}}',
    n % 5000, run, tid, n, n % 300)
end

function request()
  if batch <= 1 then
    counter = counter + 1
    return wrk.format("POST", "/v1/track", nil, event(counter))
  end
  local items = {}
  for i = 1, batch do
    counter = counter + 1
    items[i] = event(counter)
  end
  return wrk.format("POST", "/v1/batch", nil, '{"batch":[' .. table.concat(items, ",") .. ']}')
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50), latency:percentile(99), summary.errors.status))
end
