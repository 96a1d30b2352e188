// npm run audit: `npm audit --omit=dev --audit-level=high` with an allow-list. Fails (exit 1) on
// any high or critical advisory in a production dependency that scripts/audit/allow-list.json does
// not accept, and on an allow-list entry past its expiry date. A registry that serves no
// advisories (some mirrors answer the audit endpoint with 405) is said in one line, exit 0.
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { type AllowListEntry, advisoriesUnavailable, evaluateAudit, findingsOf } from "./evaluate"

const say = (line: string) => console.log(`[audit] ${line}`)
const allowList = JSON.parse(readFileSync(new URL("./allow-list.json", import.meta.url), "utf8")) as {
  entries: AllowListEntry[]
}

say("npm audit --omit=dev (production dependencies)…")
const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
let output: Record<string, unknown>
try {
  output = JSON.parse(result.stdout) as Record<string, unknown>
} catch {
  say(`npm audit printed no report (exit ${result.status}): ${result.stderr.trim().split("\n").at(-1) ?? ""}`)
  process.exit(1)
}
if (advisoriesUnavailable(output)) {
  say(
    `the registry serves no advisories (${String(output.message ?? "no report").split(" - ")[0]}): nothing checked, not a failure`,
  )
  process.exit(0)
}

const verdict = evaluateAudit(findingsOf(output), allowList.entries, new Date().toISOString().slice(0, 10))
for (const finding of verdict.accepted)
  say(`accepted by the allow-list: ${finding.package} ${finding.advisory} (${finding.severity}) ${finding.title}`)
for (const entry of verdict.expired)
  say(`allow-list entry expired on ${entry.expires}: ${entry.package} ${entry.advisory} — look at it again`)
for (const finding of verdict.failing)
  say(`${finding.severity.toUpperCase()}: ${finding.package} ${finding.advisory} ${finding.title} ${finding.url}`)
const failed = verdict.failing.length + verdict.expired.length
say(
  failed
    ? `${failed} problem(s): upgrade, or accept in scripts/audit/allow-list.json with a reason and an expiry date`
    : "no high or critical advisories",
)
process.exit(failed ? 1 : 0)
