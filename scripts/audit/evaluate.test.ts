import { expect, test } from "vitest"
import { advisoriesUnavailable, evaluateAudit, findingsOf } from "./evaluate"

const report = {
  vulnerabilities: {
    "next-auth": {
      name: "next-auth",
      severity: "high",
      via: [
        {
          source: 1101,
          name: "next-auth",
          title: "Open redirect",
          url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc",
          severity: "high",
        },
      ],
    },
    jose: {
      name: "jose",
      severity: "moderate",
      via: [
        {
          source: 1102,
          name: "jose",
          title: "Slow",
          url: "https://github.com/advisories/GHSA-dddd-eeee-ffff",
          severity: "moderate",
        },
      ],
    },
    // Vulnerable only through next-auth: reported under next-auth, not again here.
    "@auth/core": { name: "@auth/core", severity: "high", via: ["next-auth"] },
    pg: {
      name: "pg",
      severity: "critical",
      via: [
        {
          source: 1103,
          name: "pg",
          title: "Injection",
          url: "https://github.com/advisories/GHSA-gggg-hhhh-iiii",
          severity: "critical",
        },
      ],
    },
  },
}

test("high and critical advisories are findings, each once; moderate ones and dependency links are not", () => {
  expect(findingsOf(report).map((f) => `${f.package} ${f.advisory} ${f.severity}`)).toEqual([
    "next-auth GHSA-aaaa-bbbb-cccc high",
    "pg GHSA-gggg-hhhh-iiii critical",
  ])
})

test("an allow-listed advisory passes until the end of its expiry day; after it, the finding fails and the entry is reported expired", () => {
  const entry = {
    advisory: "GHSA-AAAA-BBBB-CCCC",
    package: "next-auth",
    reason: "we never use the affected redirect",
    expires: "2026-12-31",
  }
  const onTheDay = evaluateAudit(findingsOf(report), [entry], "2026-12-31")
  expect(onTheDay.accepted.map((f) => f.package)).toEqual(["next-auth"])
  expect(onTheDay.failing.map((f) => f.package)).toEqual(["pg"])
  expect(onTheDay.expired).toEqual([])
  const after = evaluateAudit(findingsOf(report), [entry], "2027-01-01")
  expect(after.failing.map((f) => f.package)).toEqual(["next-auth", "pg"])
  expect(after.expired).toEqual([entry])
})

test("an allow-list entry for another package does not accept the same advisory", () => {
  const verdict = evaluateAudit(
    findingsOf(report),
    [{ advisory: "GHSA-gggg-hhhh-iiii", package: "pg-pool", reason: "x", expires: "2099-01-01" }],
    "2026-12-07",
  )
  expect(verdict.failing.map((f) => f.package)).toEqual(["next-auth", "pg"])
})

test("a registry without the audit endpoint (405) is told apart from a report", () => {
  expect(
    advisoriesUnavailable({
      statusCode: 405,
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    }),
  ).toBe(true)
  expect(advisoriesUnavailable({ ...report } as never)).toBe(false)
  expect(advisoriesUnavailable({ vulnerabilities: {} } as never)).toBe(false)
})
