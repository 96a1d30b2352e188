// Which lib/ folder writes each table: the one place this is written down. ARCHITECTURE.md
// ("Tables and their owners") describes it; lib/table-ownership.test.ts scans the code for writes
// (Prisma's create/update/upsert/delete verbs, SQL INSERT/UPDATE/DELETE/TRUNCATE) and fails when a
// file outside a table's owner writes it, unless WRITE_ALLOW_LIST names that file and table.
// Reads are free: a read model (lib/customers, lib/account) may read any table.
// Not scanned: tests, test support (lib/testing, `testing/` folders, `*fixtures.ts`, imported by
// tests only), prisma/seed (the demo business is written straight into every table) and scripts/.
// Not seen by the scanner: Prisma nested writes (`data: { sessions: { create } }`) and SQL whose
// table name is interpolated (`INSERT INTO ${TABLE}`); keep both inside the owner.

export const TABLE_OWNERS = {
  // next-auth's Prisma adapter (lib/auth/options.ts) creates users, accounts, sessions and links.
  users: "lib/auth", // roles (team.ts, owners.ts), the second factor (mfa.ts), names (users.ts), Polar's customers (customer-users.ts)
  accounts: "lib/auth", // OAuth links (GitHub), through the adapter
  sessions: "lib/auth", // session policy, sign out everywhere (sessions.ts, session.ts)
  verification_tokens: "lib/auth", // hashed magic-link tokens, through the adapter
  api_tokens: "lib/auth", // minting, revoking, last use (tokens.ts, token-use.ts)
  audit_log: "lib/audit", // recordAudit, called by every domain inside its own transaction
  security_events: "lib/security", // recordSecurityEvent, recordRateLimited, recordRefusedAccess
  plans: "lib/billing", // the catalogue; written only by the seed today, read by billing
  subscriptions: "lib/billing", // webhooks/apply-subscription.ts inserts, lifecycle/sync.ts brings up to date, cached-mrr.ts (for the ledger)
  subscription_snapshots: "lib/billing", // every state Polar sent (lifecycle/snapshots.ts)
  polar_customers: "lib/billing", // Polar's newest customer fields (webhooks/customers.ts)
  payments: "lib/billing", // receipts merged from Polar's order events (webhooks/receipts.ts)
  refund_requests: "lib/billing", // idempotent refunds (refund-requests.ts)
  webhook_deliveries: "lib/billing", // each delivery by id, applied once (webhooks/deliveries.ts)
  subscription_changes: "lib/revenue", // the MRR ledger: replaceDerivedChanges, recordSubscriptionChange(s)
  orders: "lib/orders", // seat orders: seat-plan.ts decides, seat-orders.ts applies; staff verbs
  order_events: "lib/orders", // each order's timeline
  email_messages: "lib/email", // the outbox (queueEmail), delivery, Resend's status webhook
  nps_responses: "lib/feedback",
  feedback_messages: "lib/feedback",
  feature_requests: "lib/feedback", // vote_count moves in the vote's own transaction
  feature_request_votes: "lib/feedback",
  job_runs: "lib/jobs", // one row per attempt (runs.ts); pg-boss keeps its own `pgboss` schema
  request_metrics: "lib/monitoring", // per-minute histograms flushed by each instance
  request_metrics_hourly: "lib/monitoring",
  resource_samples: "lib/monitoring",
  resource_hourly: "lib/monitoring", // the monitoring.resource-rollup job
  error_groups: "lib/monitoring", // errors/record.ts; staff triage in errors/mutations.ts
  error_occurrences: "lib/monitoring",
  probe_results: "lib/monitoring", // the uptime.probe job
  // Raw events only through the group commit (store.ts) and the daily salts (salts.ts); every
  // rollup table only through the analytics.rollup and analytics.retention jobs (rollups/).
  analytics_events: "lib/analytics",
  analytics_salts: "lib/analytics",
  analytics_hourly: "lib/analytics",
  analytics_daily: "lib/analytics",
  analytics_visitor_days: "lib/analytics",
  analytics_daily_actives: "lib/analytics",
  analytics_active_days: "lib/analytics",
  analytics_session_groups: "lib/analytics",
  analytics_session_durations: "lib/analytics",
  analytics_person_visitors: "lib/analytics",
  analytics_person_periods: "lib/analytics",
  analytics_first_seen_cells: "lib/analytics",
  analytics_sessions: "lib/analytics",
  analytics_rollup_state: "lib/analytics", // the rollups' watermarks
  analytics_funnel_rollups: "lib/analytics",
  analytics_funnel_entries: "lib/analytics",
  analytics_funnel_cells: "lib/analytics",
  analytics_funnel_month_cells: "lib/analytics",
  analytics_web_vitals: "lib/analytics",
  saved_funnels: "lib/analytics", // staff's saved funnels (funnels/saved-funnels.ts)
} as const satisfies Record<string, `lib/${string}`>

export type Table = keyof typeof TABLE_OWNERS

export type AllowedWrite = { file: string; table: Table; why: string }

// Writes outside the owner, each to be moved behind the owner's functions: none today. The test
// fails on an entry that no longer matches a write, so this list only shrinks.
export const WRITE_ALLOW_LIST: readonly AllowedWrite[] = []

export type TableWrite = { table: string; line: number; text: string }

const PRISMA_WRITES = [
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]

/** Prisma model name → table, from prisma/schema.prisma (`@@map`, else the model's name). */
export function modelTables(schema: string): Map<string, string> {
  const tables = new Map<string, string>()
  for (const [, model, body] of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    tables.set(model!, /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? model!)
  }
  return tables
}

/**
 * Every write to a known table in one source file: a Prisma write verb on a model's delegate
 * (`<client>.<model>.<verb>(` with any client's name: db, tx, prisma) and SQL that inserts, updates,
 * deletes or truncates (any case, quoted or not). Names that are not tables (temporary tables,
 * `UPDATE SET`, `FOR UPDATE OF`) are ignored.
 */
export function findTableWrites(source: string, models: ReadonlyMap<string, string>): TableWrite[] {
  const delegates = new Map([...models].map(([model, table]) => [model[0]!.toLowerCase() + model.slice(1), table]))
  const tables = new Set(models.values())
  const writes: TableWrite[] = []
  const at = (index: number, table: string, text: string) =>
    writes.push({ table, line: source.slice(0, index).split("\n").length, text })

  const prisma = new RegExp(
    `\\.\\s*(${[...delegates.keys()].join("|")})\\s*\\.\\s*(${PRISMA_WRITES.join("|")})\\s*\\(`,
    "g",
  )
  for (const match of source.matchAll(prisma)) at(match.index, delegates.get(match[1]!)!, match[0].replace(/\s+/g, ""))

  const name = String.raw`(?:"?public"?\.)?"?([A-Za-z_]\w*)"?`
  const sql = new RegExp(String.raw`\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?${name}`, "gi")
  for (const match of source.matchAll(sql)) {
    const table = match[2]!.toLowerCase()
    if (tables.has(table)) at(match.index, table, `${match[1]!.toUpperCase().replace(/\s+/g, " ")} ${table}`)
  }
  for (const match of source.matchAll(/\bTRUNCATE\s+(?:TABLE\s+)?([\w",. \n]+)/gi)) {
    for (const part of match[1]!.split(",")) {
      const table = part
        .trim()
        .replace(/"/g, "")
        .replace(/^public\./, "")
        .split(/\s/)[0]!
        .toLowerCase()
      if (tables.has(table)) at(match.index, table, `TRUNCATE ${table}`)
    }
  }
  return writes.sort((a, b) => a.line - b.line)
}

/** The lib/ folder a file belongs to (`lib/billing/webhooks/x.ts` → `lib/billing`); null outside lib/. */
export function libFolderOf(file: string): string | null {
  const [root, folder, ...rest] = file.split("/")
  return root === "lib" && rest.length > 0 ? `lib/${folder}` : null
}

export type Violation = TableWrite & { file: string; owner: string }

/** Writes in `file` to tables another folder owns, less the allowed ones. */
export function ownershipViolations(
  file: string,
  writes: readonly TableWrite[],
  allowList: readonly AllowedWrite[] = WRITE_ALLOW_LIST,
): Violation[] {
  const owners: Readonly<Record<string, string>> = TABLE_OWNERS
  return writes
    .map((write) => ({ ...write, file, owner: owners[write.table] ?? "(no owner)" }))
    .filter((write) => write.owner !== libFolderOf(file))
    .filter((write) => !allowList.some((allowed) => allowed.file === file && allowed.table === write.table))
}
