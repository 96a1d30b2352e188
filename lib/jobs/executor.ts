import type { Db, PoolCounts } from "pg-boss"
import type pg from "pg"

/**
 * pg-boss's external SQL executor over the app's own pool, so the job queue shares the process's
 * connections (on the embedded database: the only one) instead of opening a pool of its own.
 * No `beginTransaction`: transactional workers would hold the one connection while waiting for it.
 *
 * `setSessionStatements` is what pg-boss's TestClock needs (tests drive cron with it): the
 * statements run once on each connection before it serves a pg-boss statement. Production never
 * sets any, and every statement is a plain `pool.query`.
 */
export function poolExecutor(pool: pg.Pool): Db {
  let session: string[] = []
  let prepared = new WeakSet<pg.PoolClient>()

  return {
    async executeSql(text: string, values?: unknown[]) {
      if (session.length === 0) return pool.query(text, values)
      const client = await pool.connect()
      try {
        if (!prepared.has(client)) {
          for (const statement of session) await client.query(statement)
          prepared.add(client)
        }
        const result = await client.query(text, values)
        client.release()
        return result
      } catch (error) {
        // As pool.query does: a connection whose statement failed is not handed out again.
        client.release(error instanceof Error ? error : true)
        throw error
      }
    },
    async setSessionStatements(statements: string[]) {
      session = statements
      prepared = new WeakSet()
    },
    poolCounts(): PoolCounts {
      return { max: pool.options.max ?? 10, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }
    },
  }
}
