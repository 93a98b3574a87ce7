-- wrk script of scripts/bench/serve-load.sh: each request takes a random
-- line of the file named by URLS; done() prints one machine-readable line.
local urls = {}
for line in io.lines(os.getenv("URLS")) do urls[#urls + 1] = line end

function setup(thread)
    thread:set("seed", math.random(1, 1000000))
end

function init(args)
    math.randomseed(seed)
end

function request()
    return wrk.format("GET", urls[math.random(#urls)])
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("RESULT requests=%d duration_s=%.2f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f status_errors=%d socket_errors=%d\n",
        summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
