import type { RawSql } from "./raw-transaction"

/**
 * Sets statement_timeout for the rest of the caller's transaction only (SET LOCAL): work that
 * legitimately runs longer than DATABASE_STATEMENT_TIMEOUT_MS (rollup batches, a wait for the
 * rollup lock) raises its own limit rather than every request getting a longer one. 0 lifts it.
 * Outside a transaction it does nothing lasting.
 */
export async function setLocalStatementTimeout(tx: Pick<RawSql, "$queryRaw">, ms: number): Promise<void> {
  await tx.$queryRaw`SELECT set_config('statement_timeout', ${String(Math.max(0, Math.round(ms)))}, true)`
}
