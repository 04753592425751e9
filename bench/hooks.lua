-- wrk script of workload 4 (bench/run): every request POSTs the same signed 1 KB JSON order.
-- HOOK_BODY is the file of the body, HOOK_SIGNATURE its HMAC-SHA256 in hex. At the end it prints
-- the answers by kind and the latency percentiles, for bench/run to read.
local f = assert(io.open(os.getenv("HOOK_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Signature"] = os.getenv("HOOK_SIGNATURE")

done = function(summary, latency, requests)
  local e = summary.errors
  -- wrk counts answers of 400 and above as status errors; 2xx are the rest of the completed ones
  io.write(string.format("completed %d\nstatus_errors %d\nsocket_errors %d\nseconds %.3f\np50_ms %.2f\np99_ms %.2f\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
