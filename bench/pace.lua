-- Pacing for the wrk scripts (Debian's wrk has no rate option). Returns the function to install as wrk's delay()
-- hook, or nil to run flat out:
--   BENCH_RATE=<requests per second over all threads> (with BENCH_THREADS, which bench/lib.sh's wrk_run sets): each
--     thread sends on a fixed schedule of slots, whatever the latency. A connection that is free early waits for the
--     next slot; when the service falls behind, connections send at once until the schedule is met again. The rate
--     is the one asked for as long as the service keeps up, so "80 % of the maximum" is 80 %, not a guess.
--   BENCH_DELAY_MS=<ms>: each connection waits that long after every response (the rate then depends on latency).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate and rate > 0 then
  local interval = 1000.0 * tonumber(os.getenv("BENCH_THREADS") or "1") / rate
  local next_slot = nil
  return function()
    local now = now_ms()
    next_slot = (next_slot or now) + interval
    return math.max(0, math.floor(next_slot - now))
  end
end

local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if delay_ms then
  return function() return delay_ms end
end
return nil
