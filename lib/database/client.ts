import { PrismaPg } from "@prisma/adapter-pg"
import pg from "pg"
import { PrismaClient } from "@/generated/prisma/client"
import { DatabaseUnavailableError } from "./unavailable"

export { DatabaseUnavailableError } from "./unavailable"

/**
 * What the app's pool allows (lib/db.ts, from the DATABASE_* settings). Scripts, migrations and the
 * seed pass none: they wait as long as it takes and their statements run as long as they need.
 * The embedded database (PGlite) accepts the two server timeouts and ignores them: it has no timers.
 */
export type PoolLimits = {
  /** Longest wait for a connection, new or free; then DatabaseUnavailableError. */
  connectTimeoutMs: number
  /** Callers that may wait while every connection is busy; the next fails at once. */
  queueMax: number
  /** Server-side statement_timeout (0: none). */
  statementTimeoutMs: number
  /** Server-side idle_in_transaction_session_timeout (0: none). */
  idleInTransactionTimeoutMs: number
}

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void

/** pg's pool with a bounded wait queue, and its timeouts named as ours. */
class BoundedPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly queueMax: number,
  ) {
    super(config)
  }

  override connect(): Promise<pg.PoolClient>
  override connect(callback: ConnectCallback): void
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const full =
      this.totalCount >= (this.options.max ?? 10) && this.idleCount === 0 && this.waitingCount >= this.queueMax
    if (full) {
      const error = new DatabaseUnavailableError(
        "queue_full",
        `all ${this.totalCount} database connections are busy and ${this.waitingCount} callers wait already`,
      )
      if (!callback) return Promise.reject(error)
      process.nextTick(() => callback(error, undefined, () => {}))
      return
    }
    // pool.query() passes a callback; Prisma and our own transactions use the promise.
    if (callback) return super.connect((err, client, done) => callback(err && this.named(err), client, done))
    return super.connect().catch((error: Error) => Promise.reject(this.named(error)))
  }

  private named(error: Error): Error {
    const waited = this.options.connectionTimeoutMillis
    if (error.message === "timeout exceeded when trying to connect")
      return new DatabaseUnavailableError("wait_timeout", `no database connection became free within ${waited} ms`, {
        cause: error,
      })
    if (error.message === "Connection terminated due to connection timeout")
      return new DatabaseUnavailableError(
        "connect_timeout",
        `the database did not accept a connection within ${waited} ms`,
        { cause: error },
      )
    return error
  }
}

/**
 * One pool per process. The embedded database accepts a single connection, so every user of the
 * database in the process (Prisma, jobs, rate limits) shares this pool; `max: 1` also makes a
 * transaction hold the only connection until it ends.
 */
export function createPool(url: string, max: number, limits?: PoolLimits): pg.Pool {
  const pool = new BoundedPool(
    {
      connectionString: url,
      max,
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: limits?.connectTimeoutMs ?? 10_000,
      // A connection through a NAT or load balancer that silently drops idle flows is noticed
      // and replaced instead of hanging the next query.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      statement_timeout: limits?.statementTimeoutMs || undefined,
      idle_in_transaction_session_timeout: limits?.idleInTransactionTimeoutMs || undefined,
    },
    limits?.queueMax ?? Number.POSITIVE_INFINITY,
  )
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next query.
  pool.on("error", (error) => console.error("idle database connection lost:", error.message))
  // One that dies while checked out (a restart mid-transaction, a dropped test database, a session
  // idle in a transaction past its timeout) emits on the client instead, and with no listener
  // there that would end the process: its query fails, and the error is only logged.
  pool.on("connect", (client) =>
    client.on("error", (error) => console.error("database connection lost:", error.message)),
  )
  return pool
}

export function createPrismaClient(pool: pg.Pool): PrismaClient {
  // A transaction waits for a connection a little longer than the pool lets it (Prisma's default
  // is 2 s), so the pool's own refusal (a 503) comes first: on the embedded database's one
  // connection, a busy dashboard's other queries go first.
  const maxWait = (pool.options.connectionTimeoutMillis || 10_000) + 1_000
  return new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait } })
}
