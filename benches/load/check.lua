-- wrk script for benches/load/run.sh: one route per run, selected by the
-- environment (LOAD_ROUTE), stops after LOAD_N responses in total and checks
-- EVERY response: status, headers, JSON well-formedness and body shape.
--
-- Each wrk thread has its own Lua state: counters live per thread and done()
-- sums them through setup()'s thread handles.

local ROUTE = os.getenv("LOAD_ROUTE") or "phala"
local N = tonumber(os.getenv("LOAD_N") or "50000")
local THREADS = tonumber(os.getenv("LOAD_THREADS") or "2")

-- Per route: method, path, status, content-type, required headers (name ->
-- Lua pattern, anchored), fixed body prefix and suffix, and fragments that must
-- appear (plain find). The hexabase body carries a per-request id that must
-- equal X-Request-Id (checked below).
local routes = {
  phala = {
    method = "GET", path = "/phala/cvms/x", status = 404,
    ctype = "application/json",
    prefix = '{"error":{"code":"ERR-03-001","message":"',
    suffix = '","details":{"cvm_id":"x"}}}',
    fragments = {},
  },
  llm = {
    method = "POST", path = "/llm/v1/chat/completions", status = 429,
    ctype = "application/json",
    headers = { ["retry-after"] = "^60$" },
    prefix = '{"error":{"message":"',
    suffix = '"code":429,"details":{"retry_after":60,"limit":200,"remaining":0}}}',
    fragments = { '","type":"rate_limit_error",' },
  },
  choreo = {
    method = "GET", path = "/choreo/components/x", status = 422,
    ctype = "application/problem+json",
    prefix = '{"type":"https://openchoreo.dev/docs/reference/error-codes#CHOREO-1002","title":"',
    suffix = '","code":"CHOREO-1002","component":"x"}',
    fragments = { '"status":422,', '"detail":"' },
  },
  k0rdent = {
    method = "POST", path = "/k0rdent/servers/provision", status = 207,
    ctype = "application/json",
    prefix = '{"success":true,"results":[{"id":"srv-1","success":true,"status":202,',
    suffix = '}}]}',
    fragments = {
      '{"id":"srv-2","success":false,"status":409,"error":{"code":"POOL_CAPACITY_EXCEEDED","message":"',
      '{"id":"srv-3","success":false,"status":404,"error":{"code":"NOT_FOUND","message":"',
    },
  },
  hexabase = {
    method = "GET", path = "/hexabase/workspaces/x", status = 503,
    ctype = "application/json",
    headers = { ["retry-after"] = "^30$", ["x-request-id"] = "^req_%d+$" },
    prefix = '{"error":{"code":"WORKSPACE_NOT_READY","message":"',
    suffix = '"},"meta":{"request_id":"%s","timestamp":"2024-01-20T10:00:00Z"}}',
    fragments = { '"details":{"workspace_id":"x","status":"provisioning","retry_after":30},"request_id":"%s"}' },
    per_request_id = true,
  },
}

local r = routes[ROUTE]
if not r then error("unknown LOAD_ROUTE " .. tostring(ROUTE)) end
wrk.method = r.method
wrk.path = r.path

-- A strict JSON syntax check (RFC 8259), token by token with string.find so
-- it stays cheap: returns the position after the value, or nil.
local find, sub, byte = string.find, string.sub, string.byte
local value
local function ws(s, i) local _, e = find(s, "^[ \t\r\n]*", i); return e + 1 end
local function str(s, i) -- s[i] == '"'
  i = i + 1
  while true do
    local _, e = find(s, '^[^"\\%z\1-\31]*', i)
    i = e + 1
    local c = byte(s, i)
    if c == 34 then return i + 1
    elseif c == 92 then
      local n = sub(s, i + 1, i + 1)
      if find(n, '^["\\/bfnrt]$') then i = i + 2
      elseif n == "u" and find(s, "^%x%x%x%x", i + 2) then i = i + 6
      else return nil end
    else return nil end -- control character or end of input
  end
end
local function num(s, i)
  local _, e = find(s, "^-?0", i)
  if not e then _, e = find(s, "^-?[1-9]%d*", i) end
  if not e then return nil end
  local _, f = find(s, "^%.%d+", e + 1); if f then e = f end
  _, f = find(s, "^[eE][+-]?%d+", e + 1); if f then e = f end
  return e + 1
end
value = function(s, i, depth)
  if depth > 64 then return nil end
  i = ws(s, i)
  local c = byte(s, i)
  if c == 123 then -- {
    i = ws(s, i + 1)
    if byte(s, i) == 125 then return i + 1 end
    while true do
      if byte(s, i) ~= 34 then return nil end
      i = str(s, i); if not i then return nil end
      i = ws(s, i); if byte(s, i) ~= 58 then return nil end
      i = value(s, i + 1, depth + 1); if not i then return nil end
      i = ws(s, i); c = byte(s, i)
      if c == 125 then return i + 1 elseif c ~= 44 then return nil end
      i = ws(s, i + 1)
    end
  elseif c == 91 then -- [
    i = ws(s, i + 1)
    if byte(s, i) == 93 then return i + 1 end
    while true do
      i = value(s, i, depth + 1); if not i then return nil end
      i = ws(s, i); c = byte(s, i)
      if c == 93 then return i + 1 elseif c ~= 44 then return nil end
      i = i + 1
    end
  elseif c == 34 then return str(s, i)
  elseif find(s, "^true", i) then return i + 4
  elseif find(s, "^false", i) then return i + 5
  elseif find(s, "^null", i) then return i + 4
  else return num(s, i) end
end
local function is_json(s)
  local e = value(s, 1, 0)
  return e ~= nil and ws(s, e) == #s + 1
end

-- A monotonic clock: wrk's own duration is the whole -d window (its main
-- thread sleeps that long unless interrupted), so rates use these instead.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } load_timespec;
  int clock_gettime(int clk_id, load_timespec *tp);
]]
local ts = ffi.new("load_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
end

-- Per thread state: globals, so that done() can read them with thread:get().
checked, failures, first_failure = 0, 0, ""
t_start, t_stop = 0, 0
local budget, stopped = 0, false
local done_file = os.getenv("LOAD_DONE_FILE")

function init(args)
  budget = math.ceil(N / THREADS)
  t_start = now_us()
end

local function fail(why, status, body)
  failures = failures + 1
  if first_failure == "" then
    first_failure = why .. " (status " .. tostring(status) .. "): " .. sub(tostring(body), 1, 300)
  end
end

local function check(status, headers, body)
  if status ~= r.status then return "status" end
  local lower = {}
  for k, v in pairs(headers) do
    if find(k, "[\r\n]") or find(v, "[\r\n]") then return "CR/LF in header" end
    lower[string.lower(k)] = v
  end
  if lower["content-type"] ~= r.ctype then return "content-type" end
  if r.headers then
    for name, pat in pairs(r.headers) do
      if not lower[name] or not find(lower[name], pat) then return "header " .. name end
    end
  end
  if tonumber(lower["content-length"]) ~= #body then return "content-length" end
  local prefix, suffix, fragments = r.prefix, r.suffix, r.fragments
  if r.per_request_id then
    local id = lower["x-request-id"]
    suffix = string.format(suffix, id)
    fragments = { string.format(fragments[1], id) }
  end
  if sub(body, 1, #prefix) ~= prefix then return "prefix" end
  if #body < #prefix + #suffix or sub(body, -#suffix) ~= suffix then return "suffix" end
  for _, f in ipairs(fragments) do
    if not find(body, f, 1, true) then return "fragment" end
  end
  if not is_json(body) then return "not JSON" end
  return nil
end

function response(status, headers, body)
  checked = checked + 1
  local why = check(status, headers, body)
  if why then fail(why, status, body) end
  if checked >= budget and not stopped then
    stopped = true
    t_stop = now_us()
    wrk.thread:stop()
    -- Tell run.sh this thread is through, so it can interrupt wrk's sleep.
    if done_file then
      local f = io.open(done_file, "a")
      if f then f:write("done\n"); f:close() end
    end
  end
end

-- Main state: collect the threads, then report one machine-readable line.
local threads = {}
function setup(thread) table.insert(threads, thread) end

function done(summary, latency, requests)
  local c, f, first = 0, 0, ""
  local t0, t1, all_stopped = math.huge, 0, true
  for _, t in ipairs(threads) do
    c = c + t:get("checked")
    f = f + t:get("failures")
    local ff = t:get("first_failure")
    if first == "" and ff and ff ~= "" then first = ff end
    t0 = math.min(t0, t:get("t_start"))
    local stop = t:get("t_stop")
    if stop == 0 then all_stopped = false end
    t1 = math.max(t1, stop)
  end
  local e = summary.errors
  -- From the first thread's start to the last thread's last response; if a
  -- thread never reached its budget (-d ran out), wrk's duration instead.
  local secs = all_stopped and (t1 - t0) / 1e6 or summary.duration / 1e6
  io.write(string.format(
    "RESULT route=%s requests=%d checked=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f failures=%d sockerr=%d connect=%d read=%d write=%d timeout=%d secs=%.2f\n",
    ROUTE, summary.requests, c, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    f, e.connect + e.read + e.write + e.timeout, e.connect, e.read, e.write, e.timeout, secs))
  if first ~= "" then io.write("FIRST_FAILURE " .. first:gsub("\n", "\\n") .. "\n") end
end
