import { once } from "node:events"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest"
import { markTimedByWrapper, type PageTiming, startPageTiming } from "./page-timing"

// A plain Node server standing in for Next's: it leaves the matched route where Next does
// (request[Symbol.for("NextInternalRequestMeta")].match.definition.pathname), and sets
// x-request-id as our route wrapper does.

const timings: PageTiming[] = []
let server: Server
let base: string
let stop: () => void

beforeAll(async () => {
  stop = startPageTiming((timing) => timings.push(timing))
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x")
    const route = url.searchParams.get("route")
    if (route)
      Object.assign(request, {
        [Symbol.for("NextInternalRequestMeta")]: { match: { definition: { pathname: route } } },
      })
    const wrapped = url.searchParams.get("wrapped")
    if (wrapped) {
      markTimedByWrapper(wrapped) // the wrapper's listener runs before the response is written
      response.setHeader("x-request-id", wrapped)
    }
    setTimeout(() => {
      response.statusCode = Number(url.searchParams.get("status") ?? 200)
      response.end("ok")
    }, 5)
  })
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => {
  stop()
  server.close()
})

beforeEach(() => {
  timings.length = 0
})

const get = (path: string) => fetch(`${base}${path}`).then((r) => r.text())

test("a page is recorded under the route Next matched, with its status and duration", async () => {
  await get("/dev/mailbox/abc123?route=/dev/mailbox/[id]") // "abc123" alone would not read as an id
  expect(timings).toEqual([{ route: "/dev/mailbox/[id]", method: "GET", status: 200, durationMs: expect.any(Number) }])
  expect(timings[0]!.durationMs).toBeGreaterThanOrEqual(4)
})

test("without a route from Next the path becomes a pattern; framework assets are not counted", async () => {
  await get("/some/page/123?status=307")
  await get("/_next/static/chunks/app.js")
  expect(timings.map((t) => [t.route, t.status])).toEqual([["/some/page/[id]", 307]])
})

test("a response the route wrapper timed is not counted again", async () => {
  await get("/api/health?route=/api/health&wrapped=req-1234567890")
  await get("/api/auth/session?route=/api/auth/[...nextauth]") // NextAuth's own handler, not wrapped
  expect(timings.map((t) => t.route)).toEqual(["/api/auth/[...nextauth]"])
})

test("after stop, nothing more is recorded", async () => {
  const other = startPageTiming((timing) => timings.push(timing))
  other()
  await get("/x?route=/x")
  expect(timings).toHaveLength(1) // only the first subscription's
})
