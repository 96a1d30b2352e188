// npm run doctor: the posture this environment starts in (demo or production, and why) and every
// check of lib/config/posture.ts with its verdict. Exits 1 when a production start would be refused,
// so a deploy can run it first. Reads the environment only: it connects to nothing.
import { type PostureCheck, postureChecks, postureProblems } from "@/lib/config/posture"

const posture = postureChecks(process.env)
const problems = postureProblems(posture)

const verdict = (check: PostureCheck) => (check.ok ? "ok" : check.required ? "missing" : "warning")
// A failed check's message names its variable first; the name column already does.
const detail = (check: PostureCheck) =>
  check.message.startsWith(`${check.name} `) ? check.message.slice(check.name.length + 1) : check.message
const width = Math.max(...posture.checks.map((check) => check.name.length))

console.log(`[doctor] ${posture.mode} mode (${posture.reason})`)
for (const check of posture.checks)
  console.log(`[doctor]   ${verdict(check).padEnd(7)}  ${check.name.padEnd(width)}  ${detail(check)}`)
const warnings = posture.checks.filter((check) => verdict(check) === "warning").length
if (problems.length > 0) {
  console.log(
    `[doctor] npm start would refuse to start: ${problems.length} missing (README, "Production", says how to set each)`,
  )
  process.exit(1)
}
console.log(
  `[doctor] npm start would start in ${posture.mode} mode${warnings ? ` (${warnings} warning${warnings === 1 ? "" : "s"})` : ""}`,
)
