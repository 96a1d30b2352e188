// The server process `npm start` (and `npm run dev` with --dev) runs: Next's request handler in
// our own HTTP server (lib/server/http-server.ts), which stamps each request with its client's
// address and drains on SIGTERM/SIGINT. Started by scripts/start.ts, which has migrated and seeded
// the database first; run by hand: `PORT=3000 node --import tsx scripts/serve.ts`.
import next from "next"
import { env } from "@/lib/env"
import { createAppServer } from "@/lib/server/http-server"

// Beyond the request grace: flushing, stopping jobs (they get 10 s) and closing the database.
const SHUTDOWN_STEPS_MS = 15_000
const say = (line: string) => console.log(`[server] ${line}`)

// What `ps` and the benches (scripts/bench/servers.ts) know this process by.
process.title = "acv-server"
const dev = process.argv.includes("--dev")
const port = Number(process.env.PORT ?? 3000)
const app = next({ dev, port, hostname: "localhost" })
await app.prepare()
const appServer = createAppServer({ handle: app.getRequestHandler(), trustedProxyHops: env().TRUSTED_PROXY_HOPS })
await appServer.listen(port)
say(`Ready on http://localhost:${port} (${dev ? "development" : "production"})`)

let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  const started = Date.now()
  say(`${signal}: stopping`)
  await appServer.shutdown({ graceMs: env().SHUTDOWN_GRACE_MS, stepsMs: SHUTDOWN_STEPS_MS, log: say })
  await app.close()
  say(`stopped in ${Date.now() - started} ms`)
  process.exit(0)
}
// `on`, not `once`: Ctrl+C reaches this process and scripts/start.ts, which passes it on again.
process.on("SIGTERM", () => void stop("SIGTERM"))
process.on("SIGINT", () => void stop("SIGINT"))
