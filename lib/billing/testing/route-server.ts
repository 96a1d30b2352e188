import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>

/**
 * Serves route handlers over real HTTP on 127.0.0.1, so code that calls our own endpoints over
 * the network (test mode's webhook sender) can be tested without a Next server.
 */
export async function serveRoutes(
  routes: Record<string, Handler>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1")
    const handler = routes[`${incoming.method} ${url.pathname}`]
    if (!handler) {
      outgoing.writeHead(404).end()
      return
    }
    const response = await handler(await toRequest(incoming, url), { params: Promise.resolve({}) })
    outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()))
    outgoing.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

async function toRequest(incoming: IncomingMessage, url: URL): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [key, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(key, value)
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined
  return new Request(url, { method: incoming.method, headers, body })
}
