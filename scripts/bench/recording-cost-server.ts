// For bench:monitoring: a bare HTTP server that ends each request the way the route wrapper does
// (x-request-id, emitRequestTiming), with request recording switched on and off between rounds in
// this one process, so the difference in CPU per request is recording's cost alone, free of the
// noise between two server processes. Messages: "on", "off", "cpu" (answers process.cpuUsage()).
import { randomUUID } from "node:crypto"
import { createServer } from "node:http"
import { routePattern } from "@/lib/http/failures"
import { emitRequestTiming } from "@/lib/http/timing"
import { processAccumulator, startRequestRecording, stopRequestRecording } from "@/lib/monitoring/requests/recording"

const server = createServer((request, response) => {
  const started = performance.now()
  const requestId = randomUUID()
  const url = new URL(request.url ?? "/", "http://localhost")
  const body = JSON.stringify({
    status: "ok",
    checks: { process: { ok: true, latencyMs: 0, detail: `up ${Math.round(process.uptime())}s` } },
  })
  response.setHeader("content-type", "application/json")
  response.setHeader("x-request-id", requestId)
  emitRequestTiming({
    route: routePattern(url.pathname, {}),
    method: request.method ?? "GET",
    status: 200,
    durationMs: performance.now() - started,
    requestId,
  })
  response.end(body)
})
server.listen(Number(process.argv[2] ?? 3399), "127.0.0.1", () => process.send!("ready"))

process.on("message", (message: string) => {
  if (message === "on") startRequestRecording({ pages: true })
  if (message === "off") {
    stopRequestRecording()
    processAccumulator().drain() // nothing is flushed here; keep memory flat
  }
  if (message === "cpu") process.send!(process.cpuUsage())
})
process.on("disconnect", () => process.exit(0))
