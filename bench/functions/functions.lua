-- wrk script: calls one function at /functions/v1 as the pharmacists of bench/functions/prepare.py.
--   BENCH_FUNCTION=drug-interaction-check  {patientId, newMedication, dosage}: a patient the caller can see and a
--                                          reference catalogue product id
--   BENCH_FUNCTION=prescription-verify     {prescriptionId}: a PENDING prescription of the caller's pharmacy
-- One function per wrk, so wrk's latency histogram is that function's. Output as mix.lua's: KIND (with the number of
-- 2xx answers that report an interaction or a verification finding), ERRORS, SAMPLE, TOTAL, LATENCY_MS, RATE. BENCH_RATE (or BENCH_DELAY_MS) paces the requests (bench/pace.lua).

local data = dofile(os.getenv("BENCH_FUNCTIONS_DATA"))
local callers = data.callers
local meds = data.meds
local fn = os.getenv("BENCH_FUNCTION")
local kinds = {["drug-interaction-check"] = "interaction_check", ["prescription-verify"] = "verify"}
local kind = kinds[fn] or error("BENCH_FUNCTION must be drug-interaction-check or prescription-verify")
local path = "/functions/v1/" .. fn
local dosages = {"10 mg once daily", "5 mg twice daily", "1 tablet at night", "500 mg every 8 hours"}

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  threads[#threads + 1] = thread
end

local counter = 0
sent, non2xx, found, codes, samples = 0, 0, 0, {}, {}
local pending = {}

function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
  math.random(); math.random()
end

delay = dofile("bench/pace.lua") -- BENCH_RATE or BENCH_DELAY_MS; nil runs flat out

local function pick(list) return list[math.random(#list)] end

function request()
  local u = pick(callers)
  local body
  if kind == "verify" then
    body = string.format('{"prescriptionId":"%s"}', pick(u.pending))
  else
    body = string.format('{"patientId":"%s","newMedication":"%s","dosage":"%s"}', pick(u.pat), pick(meds), pick(dosages))
  end
  counter = counter + 1
  local id = string.format("%s.%d.%d", kind, tid or 0, counter)
  sent = sent + 1
  pending[id] = body
  return wrk.format("POST", path, {["Authorization"] = u.auth, ["X-Request-Id"] = id,
    ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  local id = headers["X-Request-Id"] or headers["x-request-id"] or ""
  local request_body = pending[id]
  pending[id] = nil
  if status >= 200 and status <= 299 and (body or ""):find('"severity"', 1, true) then
    found = found + 1 -- an interaction found, or a verification finding
  end
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    local key = kind .. " " .. status
    codes[key] = (codes[key] or 0) + 1
    if not samples[key] then
      samples[key] = string.format("POST %s body=%s -> %s", path, request_body or "?", (body or ""):sub(1, 400))
    end
  end
end

function done(summary, latency, requests)
  local total_sent, total_bad, total_found, all_codes, all_samples = 0, 0, 0, {}, {}
  for _, t in ipairs(threads) do
    total_sent = total_sent + (t:get("sent") or 0)
    total_bad = total_bad + (t:get("non2xx") or 0)
    total_found = total_found + (t:get("found") or 0)
    for k, v in pairs(t:get("codes") or {}) do all_codes[k] = (all_codes[k] or 0) + v end
    for k, v in pairs(t:get("samples") or {}) do all_samples[k] = all_samples[k] or v end
  end
  io.write(string.format("KIND %-20s sent=%-8d non2xx=%d with_findings=%d\n", kind, total_sent, total_bad, total_found))
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
