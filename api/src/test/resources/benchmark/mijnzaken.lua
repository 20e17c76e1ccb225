-- wrk script for LeesWrkBenchmark: GET /api/v1/mijnzaken/{zaakId}, each request a random
-- (zaak, burger token) pair of the file named by the first argument (lines "zaakId token"),
-- as a portal serving many citizens would. Second argument "zonder-token": the same requests
-- without an Authorization header (the 401 path). The requests are formatted once per thread
-- in init, so that wrk spends its CPU on sending, not on Lua.
--
--   wrk -t2 -c64 -d20s --latency -s mijnzaken.lua http://127.0.0.1:PORT -- paren.txt [zonder-token]
--
-- done() prints one line starting with WRK-UITSLAG that the benchmark reads; times in microseconds.

local volgende = 1

function setup(thread)
   thread:set("zaad", volgende)
   volgende = volgende + 1
end

local verzoeken = {}
local aantal = 0

function init(args)
   local metToken = args[2] ~= "zonder-token"
   for regel in io.lines(args[1]) do
      local zaak, token = regel:match("^(%S+) (%S+)$")
      if zaak then
         local kop = { ["Accept"] = "application/json" }
         if metToken then
            kop["Authorization"] = "Bearer " .. token
         end
         aantal = aantal + 1
         verzoeken[aantal] = wrk.format("GET", "/api/v1/mijnzaken/" .. zaak, kop)
      end
   end
   if aantal == 0 then
      error("geen paren in " .. tostring(args[1]))
   end
   math.randomseed(7919 * (zaad or 1))
end

function request()
   return verzoeken[math.random(aantal)]
end

function done(summary, latency, requests)
   local fouten = summary.errors
   io.write(string.format("WRK-UITSLAG verzoeken=%d duur_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d"
         .. " gemiddeld_us=%.0f niet2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency.max, latency.mean, fouten.status, fouten.connect, fouten.read,
      fouten.write, fouten.timeout))
end
