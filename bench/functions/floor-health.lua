-- wrk script: the HTTP floor of F80 (bench/functions.sh). GET /auth/v1/health answers without a token, a database or
-- a worker thread, so its latency under the mix is what any call to this service costs at that load before it does
-- any work. Paced by BENCH_RATE (bench/pace.lua). Prints one line: FLOOR http n= p50= p95= p99= (ms) non2xx=.
delay = dofile("bench/pace.lua")

function request()
  return wrk.format("GET", "/auth/v1/health")
end

function done(summary, latency, requests)
  io.write(string.format("FLOOR http n=%d p50=%.2f p95=%.2f p99=%.2f non2xx=%d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
