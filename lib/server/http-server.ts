import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { enableClientAddressStamp, resolveClientAddress } from "@/lib/http/client-address"
import { runShutdownSteps } from "./shutdown"

// The app's HTTP server: Next's request handler behind node:http (scripts/serve.ts), for two
// things `next start` cannot do. Every request is stamped with the client's address, resolved from
// the socket and TRUSTED_PROXY_HOPS (lib/http/client-address.ts). And a shutdown drains: the
// listener closes, requests in flight finish (each answered with `Connection: close`), then the
// registered steps flush what was acknowledged, stop the jobs and close the database.

type Handle = (request: IncomingMessage, response: ServerResponse) => unknown

export type AppServer = {
  server: Server
  /** Resolves with the port once listening (0 picks a free one). */
  listen: (port: number) => Promise<number>
  inFlight: () => number
  /** Stops accepting, waits up to `graceMs` for requests in flight, then runs the shutdown steps (`stepsMs` more at most). */
  shutdown: (input: { graceMs: number; stepsMs: number; log: (line: string) => void }) => Promise<void>
}

export function createAppServer(input: { handle: Handle; trustedProxyHops: number }): AppServer {
  const stamp = enableClientAddressStamp()
  let inFlight = 0
  let draining = false
  const idleWaiters: (() => void)[] = []

  const server = createServer((request, response) => {
    inFlight++
    response.once("close", () => {
      inFlight--
      if (inFlight === 0) idleWaiters.splice(0).forEach((resolve) => resolve())
    })
    // A keep-alive client must open its next connection elsewhere: this one is going away.
    if (draining) response.setHeader("connection", "close")
    const forwardedFor = request.headers["x-forwarded-for"]
    stamp(
      request.headers,
      resolveClientAddress({
        socketAddress: request.socket.remoteAddress,
        forwardedFor: Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
        hops: input.trustedProxyHops,
      }),
    )
    Promise.resolve(input.handle(request, response)).catch((error: unknown) => {
      console.error("[server] unhandled error", error)
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" })
      response.end("Internal Server Error")
    })
  })

  const idle = () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)))

  return {
    server,
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once("error", reject)
        server.listen(port, () => resolve((server.address() as AddressInfo).port))
      }),
    inFlight: () => inFlight,
    async shutdown({ graceMs, stepsMs, log }) {
      draining = true
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      log(`draining ${inFlight} request(s) in flight (up to ${graceMs} ms)`)
      const drained = await Promise.race([
        idle().then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), graceMs).unref()),
      ])
      if (!drained) log(`${inFlight} request(s) still running after ${graceMs} ms: cut off`)
      server.closeAllConnections()
      await closed
      await runShutdownSteps({ deadline: Date.now() + stepsMs, log })
    },
  }
}
