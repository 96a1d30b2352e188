import { mkdir } from "node:fs/promises"
import { PGlite } from "@electric-sql/pglite"
import { PGLiteSocketServer } from "@electric-sql/pglite-socket"

export type EmbeddedDatabase = { url: string; pglite: PGlite; stop: () => Promise<void> }

/**
 * PostgreSQL without a server: PGlite behind its wire-protocol socket. It serves ONE connection
 * (several interleave transactions, see ENVIRONMENT.md), so its clients use a pool of one.
 * `dataDir` undefined keeps the database in memory; `snapshot` starts from a dumped data dir.
 * A second connection is allowed only for short maintenance commands (the CLI) beside the app.
 */
export async function startEmbeddedDatabase(
  options: { dataDir?: string; port?: number; snapshot?: Blob; maxConnections?: number } = {},
): Promise<EmbeddedDatabase> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true })
  const pglite = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.snapshot })
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 1,
  })
  await server.start()
  const address = server.getServerConn()
  return {
    url: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    pglite,
    stop: async () => {
      await server.stop()
      await pglite.close()
    },
  }
}
