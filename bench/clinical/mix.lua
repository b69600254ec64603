-- wrk script: the pharmacy mix of issue #3 with real JWTs of several users of several organisations.
--   60% GET by id (prescriptions, patients), 15% filtered lists, 10% creates (prescriptions by physicians,
--   communications), 5% patient updates (phone), 10% GET /api/prescriptions/{id}/interactions.
-- Ids come from BENCH_MIX_DATA (written by prepare.py), chosen under each user's own row-level security.
-- Each request carries X-Request-Id "<kind>.<thread>.<n>"; the service echoes it, which is how a response is
-- matched to its kind (wrk gives response() no request). done() prints requests and non-2xx counts per kind and
-- one sample of each failure (method, path, request body, response body), then the latency percentiles.
-- BENCH_RATE (or BENCH_DELAY_MS) paces the requests (bench/pace.lua); BENCH_KIND restricts the mix to one kind.

local data = dofile(os.getenv("BENCH_MIX_DATA"))
local users = data.users
local meds = data.meds
local statuses = {"pending", "approved", "filled", "dispensed", "approved", "filled"}
local channels = {"in_app", "in_app", "email", "sms"}

local physicians, staff_with_own = {}, {}
for _, u in ipairs(users) do
  if u.role == "physician" and #u.own > 0 then physicians[#physicians + 1] = u end
  if #u.own > 0 then staff_with_own[#staff_with_own + 1] = u end
end

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  threads[#threads + 1] = thread
end

local counter = 0
requests_by_kind, non2xx_by_kind, codes, samples = {}, {}, {}, {}
local pending = {}

function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
  math.random(); math.random()
end

delay = dofile("bench/pace.lua") -- BENCH_RATE or BENCH_DELAY_MS; nil runs flat out

local function pick(list) return list[math.random(#list)] end

local function phone()
  return string.format("+1555%07d", math.random(0, 9999999))
end

local function next_request()
  local r = math.random(100)
  local u = pick(users)
  if r <= 30 then
    return "get_rx", u, "GET", "/api/prescriptions/" .. pick(u.rx)
  elseif r <= 60 then
    return "get_patient", u, "GET", "/api/patients/" .. pick(u.pat)
  elseif r <= 64 then
    return "list_rx_status", u, "GET", "/api/prescriptions?status=" .. pick(statuses) .. "&limit=20"
  elseif r <= 68 then
    return "list_patients_name", u, "GET", "/api/patients?name=" .. pick(u.names) .. "&limit=20"
  elseif r <= 71 then
    return "list_comms", u, "GET", "/api/communications?limit=20"
  elseif r <= 75 then
    return "list_rx_of_patient", u, "GET", "/api/patients/" .. pick(u.pat) .. "/prescriptions?limit=20"
  elseif r <= 80 then
    local d = pick(physicians)
    local body = string.format('{"patientId":"%s","medicationId":"%s","dose":"1 tablet","sig":"Take 1 tablet by mouth once daily",'
      .. '"quantity":30,"quantityUnit":"tablet","daysSupply":30,"refillsAuthorized":%d}', pick(d.own), pick(meds), math.random(0, 3))
    return "create_rx", d, "POST", "/api/prescriptions", body
  elseif r <= 85 then
    local body = string.format('{"recipientIds":["%s"],"patientId":"%s","channel":"%s","subject":"Refill request",'
      .. '"body":"Please review the refill request for this patient."}', pick(u.peers), pick(u.own), pick(channels))
    return "create_comm", u, "POST", "/api/communications", body
  elseif r <= 90 then
    local s = pick(staff_with_own)
    return "update_patient", s, "PUT", "/api/patients/" .. pick(s.own), '{"phone":"' .. phone() .. '"}'
  else
    return "interactions", u, "GET", "/api/prescriptions/" .. pick(u.rx) .. "/interactions"
  end
end

-- BENCH_KIND=<kind> sends only that kind of request (drawn as in the mix), to measure what one kind costs.
local only_kind = os.getenv("BENCH_KIND")
local kinds = {get_rx = 1, get_patient = 1, list_rx_status = 1, list_patients_name = 1, list_comms = 1,
  list_rx_of_patient = 1, create_rx = 1, create_comm = 1, update_patient = 1, interactions = 1}
if only_kind and not kinds[only_kind] then error("unknown BENCH_KIND " .. only_kind) end

function request()
  local kind, u, method, path, body = next_request()
  while only_kind and kind ~= only_kind do kind, u, method, path, body = next_request() end
  counter = counter + 1
  local id = string.format("%s.%d.%d", kind, tid or 0, counter)
  local headers = {["Authorization"] = u.auth, ["X-Request-Id"] = id}
  if body then headers["Content-Type"] = "application/json" end
  requests_by_kind[kind] = (requests_by_kind[kind] or 0) + 1
  pending[id] = {method, path, body}
  return wrk.format(method, path, headers, body)
end

function response(status, headers, body)
  local id = headers["X-Request-Id"] or headers["x-request-id"] or ""
  local kind = id:match("^([%a_]+)%.") or "unmatched"
  local sent = pending[id]
  pending[id] = nil
  if status < 200 or status > 299 then
    non2xx_by_kind[kind] = (non2xx_by_kind[kind] or 0) + 1
    local key = kind .. " " .. status
    codes[key] = (codes[key] or 0) + 1
    if not samples[key] and sent then
      samples[key] = string.format("%s %s body=%s -> %s", sent[1], sent[2], sent[3] or "-", (body or ""):sub(1, 400))
    end
  end
end

local function add(into, from)
  for k, v in pairs(from or {}) do into[k] = (into[k] or 0) + v end
end

function done(summary, latency, requests)
  local sent, bad, all_codes, all_samples = {}, {}, {}, {}
  for _, t in ipairs(threads) do
    add(sent, t:get("requests_by_kind"))
    add(bad, t:get("non2xx_by_kind"))
    add(all_codes, t:get("codes"))
    for k, v in pairs(t:get("samples") or {}) do all_samples[k] = all_samples[k] or v end
  end
  local kinds = {}
  for k in pairs(sent) do kinds[#kinds + 1] = k end
  table.sort(kinds)
  local total_bad = 0
  for _, k in ipairs(kinds) do
    total_bad = total_bad + (bad[k] or 0)
    io.write(string.format("KIND %-20s sent=%-8d non2xx=%d\n", k, sent[k], bad[k] or 0))
  end
  local keys = {}
  for k in pairs(all_codes) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do
    io.write(string.format("ERRORS %s count=%d\n", k, all_codes[k]))
    io.write(string.format("SAMPLE %s %s\n", k, (all_samples[k] or "?"):gsub("\n", " ")))
  end
  local e = summary.errors
  io.write(string.format("TOTAL non2xx=%d socket_errors=%d timeouts=%d\n", total_bad,
    e.connect + e.read + e.write, e.timeout))
  io.write(string.format("LATENCY_MS p50=%.2f p90=%.2f p95=%.2f p99=%.2f max=%.2f mean=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
  io.write(string.format("RATE req_per_s=%.1f\n", summary.requests / (summary.duration / 1e6)))
end
