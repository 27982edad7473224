-- wrk script: POSTs pre-signed webhook deliveries to /webhook, each body once.
--
--   wrk -t2 -c32 -d10s -s bot-server/bench/signed-dms.lua http://127.0.0.1:PORT/webhook -- BODIES THREADS [RATE]
--
-- BODIES is a file written by SignedDmBodies.java: one line per delivery, "sha256=<hex>", a tab, the raw body.
-- THREADS must be wrk's -t: thread n of THREADS sends lines n, n+THREADS, ... so that no body is sent twice.
-- RATE (optional): DMs per second for the whole run, paced open loop from an absolute schedule (each thread
-- sends its share at RATE/THREADS per second whether or not earlier answers came back, as far as its
-- connections allow). Without RATE, as fast as the connections go (saturation).
--
-- All requests are formatted in init(), before the clock starts, so request() only hands out a string.
-- When a thread runs out of bodies it starts again from its first one and counts the repeats: the server
-- then acknowledges duplicates that dedup drops, so measure.sh warns that the run needs more bodies.
-- done() prints "dm_sent N" (first sends, over all threads), "dm_repeats N", the wall-clock time of the first
-- request ("dm_first_request_epoch_ms") and wrk's p50 and p99 of the acknowledgement latency.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local requests = {}
local next_index = 1
sent = 0
repeats = 0

local ffi = require("ffi")
ffi.cdef [[
   typedef struct { long tv_sec; long tv_nsec; } dmbot_timespec;
   int clock_gettime(int clock, dmbot_timespec *now);
]]
local now_buffer = ffi.new("dmbot_timespec")

local function clock_ms(clock)
   ffi.C.clock_gettime(clock, now_buffer)
   return tonumber(now_buffer.tv_sec) * 1000 + tonumber(now_buffer.tv_nsec) / 1e6
end

local function now_ms()
   return clock_ms(1) -- CLOCK_MONOTONIC
end

-- Wall-clock time of this thread's first request, to compare with the time Redis stamps on the replies.
first_ms = 0

local period_ms, start_ms
local scheduled = 0

local function paced_delay()
   if not start_ms then
      start_ms = now_ms()
   end
   local due = start_ms + scheduled * period_ms
   scheduled = scheduled + 1
   local wait = due - now_ms()
   if wait < 1 then
      return 0
   end
   return math.floor(wait)
end

function init(args)
   local file = args[1]
   local total_threads = tonumber(args[2])
   if not file or not total_threads then
      error("usage: wrk ... -s signed-dms.lua URL -- BODIES THREADS [RATE]")
   end
   local line_number = 0
   for line in io.lines(file) do
      if line_number % total_threads == id then
         local tab = string.find(line, "\t", 1, true)
         local signature = string.sub(line, 1, tab - 1)
         local body = string.sub(line, tab + 1)
         requests[#requests + 1] = wrk.format("POST", nil,
            { ["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = signature }, body)
      end
      line_number = line_number + 1
   end
   if #requests == 0 then
      error("no bodies for thread " .. id .. " in " .. file)
   end
   local rate = tonumber(args[3])
   if rate and rate > 0 then
      period_ms = 1000 * total_threads / rate
      delay = paced_delay
   end
end

function request()
   if first_ms == 0 then
      first_ms = clock_ms(0) -- CLOCK_REALTIME
   end
   local r = requests[next_index]
   if sent < #requests then
      sent = sent + 1
   else
      repeats = repeats + 1
   end
   next_index = next_index + 1
   if next_index > #requests then
      next_index = 1
   end
   return r
end

function done(summary, latency, requests)
   local total_sent, total_repeats, first = 0, 0, nil
   for _, thread in ipairs(threads) do
      total_sent = total_sent + thread:get("sent")
      total_repeats = total_repeats + thread:get("repeats")
      local thread_first = thread:get("first_ms")
      if thread_first > 0 and (first == nil or thread_first < first) then
         first = thread_first
      end
   end
   io.write(string.format("dm_first_request_epoch_ms %.0f\n", first or 0))
   io.write(string.format("dm_sent %d\n", total_sent))
   io.write(string.format("dm_repeats %d\n", total_repeats))
   io.write(string.format("latency_p50_ms %.3f\n", latency:percentile(50) / 1000))
   io.write(string.format("latency_p99_ms %.3f\n", latency:percentile(99) / 1000))
end
