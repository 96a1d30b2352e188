import "server-only"
import type pg from "pg"
import type { PrismaClient } from "@/generated/prisma/client"
import { createPool, createPrismaClient, type PoolLimits } from "@/lib/database/client"
import { env, requireEnv } from "@/lib/env"

// One pool and one Prisma client per process, created on first use (tests set DATABASE_URL first).
const globalForDb = globalThis as unknown as { dbPool?: pg.Pool; db?: PrismaClient; dbClosed?: boolean }

export function pool(): pg.Pool {
  // Work still in flight after the end (an analytics flush, mail after a response) fails here
  // instead of opening new connections to a database that is being stopped or dropped.
  if (globalForDb.dbClosed) throw new Error("the database connection is closed (disconnectDb)")
  globalForDb.dbPool ??= createPool(requireEnv("DATABASE_URL"), env().DATABASE_POOL_MAX, poolLimits())
  return globalForDb.dbPool
}

function poolLimits(): PoolLimits {
  const settings = env()
  return {
    connectTimeoutMs: settings.DATABASE_CONNECT_TIMEOUT_MS,
    queueMax: settings.DATABASE_POOL_QUEUE_MAX,
    statementTimeoutMs: settings.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  }
}

function client(): PrismaClient {
  globalForDb.db ??= createPrismaClient(pool())
  return globalForDb.db
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => {
    const value = Reflect.get(client(), property)
    return typeof value === "function" ? value.bind(client()) : value
  },
})

/** Closes the pool and the client for good: the last thing a process (or a test file) does with the database. */
export async function disconnectDb(): Promise<void> {
  globalForDb.dbClosed = true
  await globalForDb.db?.$disconnect()
  await globalForDb.dbPool?.end()
  globalForDb.db = undefined
  globalForDb.dbPool = undefined
}
