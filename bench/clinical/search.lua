-- wrk script: GET /api/medications/search?q=<term>, rotating through name prefixes, misspellings, NDCs in their
-- 10- and 11-digit forms and RxCUIs (BENCH_SEARCH_DATA, written by prepare.py). done() prints the p95 that wrk's
-- --latency table leaves out, and a sample of each non-2xx answer.

local data = dofile(os.getenv("BENCH_SEARCH_DATA"))
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
end

local n = 0
local pending = {}
non2xx, sample = 0, nil

function request()
  n = n + 1
  local term = data.terms[((n * 7 + (tid or 0) * 13) % #data.terms) + 1]
  local id = "search." .. (tid or 0) .. "." .. n
  pending[id] = term
  return wrk.format("GET", "/api/medications/search?limit=20&q=" .. term, {["Authorization"] = data.auth, ["X-Request-Id"] = id})
end

function response(status, headers, body)
  local id = headers["X-Request-Id"] or headers["x-request-id"] or ""
  local term = pending[id]
  pending[id] = nil
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if not sample then sample = "q=" .. (term or "?") .. " -> " .. status .. " " .. (body or ""):sub(1, 300) end
  end
end

function done(summary, latency, requests)
  local bad, first = 0, nil
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
    first = first or t:get("sample")
  end
  io.write(string.format("TOTAL non2xx=%d\n", bad))
  if first then io.write("SAMPLE " .. first:gsub("\n", " ") .. "\n") end
  io.write(string.format("LATENCY_MS p50=%.2f p90=%.2f p95=%.2f p99=%.2f max=%.2f mean=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
  io.write(string.format("RATE req_per_s=%.1f\n", summary.requests / (summary.duration / 1e6)))
end
