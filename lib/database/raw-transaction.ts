import "server-only"
import { createHash } from "node:crypto"
import { Prisma } from "@/generated/prisma/client"
import { pool } from "@/lib/db"

// A transaction that speaks SQL straight to the pool's connection, for the busiest write path (a
// billing webhook: eight short statements). Through Prisma, each raw statement costs about
// 0.2 ms of CPU more than through pg itself, which is most of what a webhook costs.
//
// Code written against `RawSql` runs in either kind of transaction, a Prisma one included, so the
// domain functions stay shared with the pages and jobs that use Prisma. Results come back as pg
// gives them: int4, boolean, text, timestamptz and jsonb as Prisma would, but int8 and numeric as
// strings (Prisma gives BigInt and Decimal): cast those to int or float8 in the SQL.

/** The raw-SQL subset of a Prisma transaction client. */
export interface RawSql {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>
}

// With `prepared`, statements run as named prepared statements: each connection parses and plans a
// statement once, then only binds and executes it. For a path that runs the same few point
// statements over and over (a webhook); not for reports, whose plans depend on their ranges.
const names = new Map<string, string>()
function preparedName(text: string): string {
  let name = names.get(text)
  if (!name) {
    name = `acv_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`
    if (names.size < 1000) names.set(text, name)
  }
  return name
}

/** No statement may wait longer than this (a lock held elsewhere, say): the transaction fails and rolls back. */
const STATEMENT_TIMEOUT_MS = 20_000

export async function rawTransaction<T>(
  work: (tx: RawSql) => Promise<T>,
  options: { prepared?: boolean } = {},
): Promise<T> {
  const client = await pool().connect()
  const statement = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values)
    return options.prepared
      ? client.query({ name: preparedName(sql.text), text: sql.text, values: sql.values })
      : client.query(sql.text, sql.values)
  }
  const tx: RawSql = {
    $queryRaw: async <R>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await statement(query, values)).rows as R,
    $executeRaw: async (query, ...values) => (await statement(query, values)).rowCount ?? 0,
  }
  let broken: Error | undefined
  try {
    // One round trip: a simple query may hold several statements when it has no parameters.
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`)
    const result = await work(tx)
    await client.query("COMMIT")
    return result
  } catch (error) {
    // A connection that cannot even roll back is discarded by the pool instead of reused.
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError))
    throw error
  } finally {
    client.release(broken)
  }
}
