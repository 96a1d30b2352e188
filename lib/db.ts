import "server-only"
import type pg from "pg"
import type { PrismaClient } from "@/generated/prisma/client"
import { createPool, createPrismaClient } from "@/lib/database/client"
import { env, requireEnv } from "@/lib/env"

// One pool and one Prisma client per process, created on first use (tests set DATABASE_URL first).
const globalForDb = globalThis as unknown as { dbPool?: pg.Pool; db?: PrismaClient }

export function pool(): pg.Pool {
  globalForDb.dbPool ??= createPool(requireEnv("DATABASE_URL"), env().DATABASE_POOL_MAX)
  return globalForDb.dbPool
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

export async function disconnectDb(): Promise<void> {
  await globalForDb.db?.$disconnect()
  await globalForDb.dbPool?.end()
  globalForDb.db = undefined
  globalForDb.dbPool = undefined
}
