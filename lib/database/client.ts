import { PrismaPg } from "@prisma/adapter-pg"
import pg from "pg"
import { PrismaClient } from "@/generated/prisma/client"

/**
 * One pool per process. The embedded database accepts a single connection, so every user of the
 * database in the process (Prisma, jobs, rate limits) shares this pool; `max: 1` also makes a
 * transaction hold the only connection until it ends.
 */
export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 0, connectionTimeoutMillis: 10_000 })
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) => console.error("idle database connection lost:", error.message))
  // One that dies while checked out (a restart mid-transaction, a dropped test database) emits on
  // the client instead, and with no listener there that would end the process: its query fails,
  // and the error is only logged.
  pool.on("connect", (client) => client.on("error", (error) => console.error("database connection lost:", error.message)))
  return pool
}

export function createPrismaClient(pool: pg.Pool): PrismaClient {
  // A transaction waits for a connection as long as the pool does (Prisma's default is 2 s): on the
  // embedded database's one connection, a busy dashboard's other queries go first.
  return new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 10_000 } })
}
