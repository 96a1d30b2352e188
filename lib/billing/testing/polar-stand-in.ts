import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { resetEnvCache } from "@/lib/env"

// A local server standing in for Polar's API, for the live-mode tests: the SDK is pointed at it
// (POLAR_API_URL) with the variables a test gives, and `stop` puts the environment back.

export type StandInRequest = {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  body: Record<string, unknown> | null
}
export type StandInAnswer = { status: number; body: unknown }
export type PolarStandIn = { url: string; stop: () => Promise<void> }

export async function startPolarStandIn(
  answer: (request: StandInRequest) => StandInAnswer | Promise<StandInAnswer>,
  env: Record<string, string> = {},
): Promise<PolarStandIn> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString("utf8")
    const reply = await answer({
      method: request.method!,
      path: request.url!,
      headers: request.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    })
    response.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const variables = { POLAR_ACCESS_TOKEN: "test", POLAR_API_URL: url, ...env }
  const saved = Object.fromEntries(Object.keys(variables).map((key) => [key, process.env[key]]))
  Object.assign(process.env, variables)
  resetEnvCache()
  return {
    url,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve))
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
      resetEnvCache()
    },
  }
}
