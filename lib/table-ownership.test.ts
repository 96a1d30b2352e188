import { readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import { expect, test } from "vitest"
import {
  type AllowedWrite,
  findTableWrites,
  modelTables,
  ownershipViolations,
  TABLE_OWNERS,
  WRITE_ALLOW_LIST,
} from "./table-ownership"

// Pure file scanning, no database: which code writes which table (lib/table-ownership.ts).

const root = path.resolve(import.meta.dirname, "..")
const models = modelTables(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"))

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(file)
    return /\.tsx?$/.test(entry.name) ? [file] : []
  })
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file)
// Test support: imported by tests only (checked below), so free to write any table.
const isTestSupport = (file: string) =>
  file.startsWith("lib/testing/") || file.includes("/testing/") || /fixtures\.tsx?$/.test(file)
// Only these roots are scanned: the demo seed (prisma/seed) writes every table straight, and
// scripts/ and e2e/ are tooling, so they are not scanned at all.
const scanned = ["lib", "app", "components", "emails"]
  .flatMap(sourceFiles)
  .filter((file) => !isTest(file) && !isTestSupport(file))

test("every table in the schema has one owner, and every owner is a lib/ folder", () => {
  expect(Object.keys(TABLE_OWNERS).sort()).toEqual([...models.values()].sort())
  for (const owner of new Set(Object.values(TABLE_OWNERS)))
    expect(statSync(path.join(root, owner)).isDirectory(), owner).toBe(true)
})

test("no code writes a table outside its owner's folder, except the allow-list", () => {
  const violations = scanned.flatMap((file) =>
    ownershipViolations(file, findTableWrites(readFileSync(path.join(root, file), "utf8"), models)),
  )
  expect(violations.map((v) => `${v.file}:${v.line} ${v.text} (${v.table} belongs to ${v.owner})`)).toEqual([])
})

test("every allow-list entry still matches a write, says why, and names a table outside the file's folder", () => {
  for (const allowed of WRITE_ALLOW_LIST) {
    const writes = findTableWrites(readFileSync(path.join(root, allowed.file), "utf8"), models)
    expect(
      writes.map((w) => w.table),
      `${allowed.file} no longer writes ${allowed.table}: remove its entry`,
    ).toContain(allowed.table)
    expect(TABLE_OWNERS[allowed.table], allowed.file).not.toBe(allowed.file.split("/").slice(0, 2).join("/"))
    expect(allowed.why.length, allowed.file).toBeGreaterThan(20)
  }
})

test("test support exempted above is imported only by tests and other test support", () => {
  const supportModules = ["lib", "app", "components", "emails"]
    .flatMap(sourceFiles)
    .filter(isTestSupport)
    .map((file) => file.replace(/\.tsx?$/, ""))
  for (const file of scanned) {
    const source = readFileSync(path.join(root, file), "utf8")
    for (const [, specifier] of source.matchAll(/from\s+"([^"]+)"/g)) {
      const target = specifier!.startsWith("@/")
        ? specifier!.slice(2)
        : specifier!.startsWith(".")
          ? path.posix.join(path.posix.dirname(file), specifier!)
          : null
      expect(target && supportModules.includes(target) ? `${file} imports ${specifier}` : null).toBeNull()
    }
  }
})

// The scanner itself, on fixtures: a write outside the owner is caught however it is spelled.
const fixture = `
  await db.user.update({ where: { id }, data: { name } })
  await tx.order
    .createMany({ data: rows })
  await client.auditLog.create({ data: entry })
  await tx.$executeRaw\`INSERT INTO subscription_changes (id) VALUES (\${id})\`
  await tx.$executeRaw\`update "payments" SET status = 'REFUNDED'\`
  await tx.$executeRaw\`DELETE FROM public.analytics_events WHERE received_at < \${cutoff}\`
  await prisma.$executeRaw\`TRUNCATE email_messages, job_runs\`
  await db.user.findMany({ where: { id } })
  await tx.$queryRaw\`SELECT 1 FROM users FOR UPDATE OF users\`
  await tx.$executeRaw\`INSERT INTO analytics_rollup_touched (id) SELECT id FROM orders ON CONFLICT DO UPDATE SET n = 1\`
  await polar.subscriptions.update(id, body)
`

test("the scanner finds Prisma and SQL writes, and ignores reads, locks and unknown tables", () => {
  expect(findTableWrites(fixture, models).map((w) => `${w.line} ${w.table}`)).toEqual([
    "2 users",
    "3 orders",
    "5 audit_log",
    "6 subscription_changes",
    "7 payments",
    "8 analytics_events",
    "9 email_messages",
    "9 job_runs",
  ])
})

test("a deliberate write outside the owner is a violation; the owner's own write and an allowed one are not", () => {
  const writes = findTableWrites(fixture, models)
  const flagged = (file: string) => ownershipViolations(file, writes).map((v) => v.table)
  // From lib/feedback every one of these tables belongs to someone else.
  expect(flagged("lib/feedback/board.ts")).toEqual([
    "users",
    "orders",
    "audit_log",
    "subscription_changes",
    "payments",
    "analytics_events",
    "email_messages",
    "job_runs",
  ])
  // lib/orders owns orders; a write the allow-list names (file and table) is not flagged, others still are.
  expect(flagged("lib/orders/board.ts")).not.toContain("orders")
  const allowed: AllowedWrite[] = [
    { file: "lib/account/profile.ts", table: "users", why: "a deliberate exception, for this test only" },
  ]
  expect(flagged("lib/account/profile.ts")).toContain("users")
  expect(ownershipViolations("lib/account/profile.ts", writes, allowed).map((v) => v.table)).toEqual([
    "orders",
    "audit_log",
    "subscription_changes",
    "payments",
    "analytics_events",
    "email_messages",
    "job_runs",
  ])
  // A route handler owns no table.
  expect(flagged("app/api/x/route.ts")).toContain("orders")
  expect(
    ownershipViolations("lib/feedback/nps.ts", findTableWrites("await tx.npsResponse.create({ data })", models)),
  ).toEqual([])
})

test("ARCHITECTURE.md's domain table and allow-list say what lib/table-ownership.ts says", () => {
  const map = readFileSync(path.join(root, "ARCHITECTURE.md"), "utf8")
  const tables = new Set(models.values())
  const owned = new Map<string, string[]>()
  for (const [, folder, cells] of map.matchAll(/^\| `(lib\/[\w-]+)` \|([^\n]*)$/gm)) {
    const column = cells!.split(" | ")[1] ?? ""
    const names = [...column.matchAll(/`(\w+)(\*?)`/g)]
    owned.set(
      folder!,
      [...tables].filter((table) => names.some(([, name, star]) => (star ? table.startsWith(name!) : table === name))),
    )
  }
  const described = Object.fromEntries([...owned].flatMap(([folder, names]) => names.map((table) => [table, folder])))
  expect(described).toEqual(TABLE_OWNERS)
  for (const allowed of WRITE_ALLOW_LIST)
    expect(map, allowed.file).toContain(`| \`${allowed.file}\` | \`${allowed.table}\` |`)
})
