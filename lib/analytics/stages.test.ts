import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import ts from "typescript"
import { expect, test } from "vitest"

// lib/analytics in stages over a shared model (ARCHITECTURE.md, the analytics row): events come in
// (ingest), are rolled up (rollups) and reported (reports, funnels), over what they all share
// (model). Each stage imports only what ALLOWED names, so no two stages lean on each other: what
// both sides need goes down into model. Tests are exempt (a report's integration test rolls its
// events up first); fixtures and everything else are not.

const root = path.resolve(import.meta.dirname, "../..")
const ANALYTICS = "lib/analytics"

/** Each stage and what it may import besides itself: another stage, or one file of one. */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  ingest: ["model"],
  funnels: ["model"],
  rollups: ["model", "funnels"],
  reports: ["model", "funnels"],
  // The browser tracker reads referrers and UTM tags as ingest does.
  client: ["ingest/url.ts"],
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file)

function sourceFiles(): string[] {
  return readdirSync(path.join(root, ANALYTICS), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
}

/** Where a specifier of `file` points inside lib/analytics: "stage/rest" without extension, or null (outside, or a package). */
function analyticsTarget(file: string, specifier: string): string | null {
  const repoPath = specifier.startsWith("@/")
    ? specifier.slice(2)
    : specifier.startsWith(".")
      ? path.posix.join(path.posix.dirname(file), specifier)
      : null
  if (repoPath === null || !(repoPath === ANALYTICS || repoPath.startsWith(`${ANALYTICS}/`))) return null
  return repoPath.slice(ANALYTICS.length + 1).replace(/\.tsx?$/, "")
}

type Arrow = { file: string; specifier: string; from: string; to: string }

/** Every import of one stage from another, in the files that are not tests. */
function arrows(): Arrow[] {
  return sourceFiles()
    .filter((file) => !isTest(file))
    .flatMap((file) => {
      const from = file.split("/")[2]!
      const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), "utf8"), true, true)
      return importedFiles.flatMap(({ fileName: specifier }) => {
        const target = analyticsTarget(file, specifier)
        const to = target?.split("/")[0]
        return target !== null && to !== from ? [{ file, specifier, from, to: target }] : []
      })
    })
}

function allowed(arrow: Arrow): boolean {
  const stage = arrow.to.split("/")[0]!
  return (ALLOWED[arrow.from] ?? []).some((entry) => entry === stage || entry.replace(/\.tsx?$/, "") === arrow.to)
}

test("every file of lib/analytics sits in a stage the rule knows", () => {
  const files = sourceFiles().filter((file) => file !== `${ANALYTICS}/stages.test.ts`)
  expect(files.length).toBeGreaterThan(100)
  const outside = files.filter((file) => file.split("/").length < 4 || !(file.split("/")[2]! in ALLOWED))
  expect(outside, "put the file in one of the stages, or add its folder to ALLOWED with the arrows it needs").toEqual(
    [],
  )
})

test("a stage imports only the stages it is allowed to", () => {
  const found = arrows()
  // The reading works: the rollup calls the kept funnels, the reports read the model.
  expect(found).toContainEqual(expect.objectContaining({ from: "rollups", to: "funnels/kept-entries" }))
  expect(found.filter((arrow) => arrow.from === "reports" && arrow.to.startsWith("model/")).length).toBeGreaterThan(5)
  const refused = found
    .filter((arrow) => !allowed(arrow))
    .map((arrow) => `${arrow.file}: "${arrow.specifier}" (${arrow.from} → ${arrow.to})`)
  expect(
    refused,
    "move what both sides need into lib/analytics/model (or change ALLOWED, and ARCHITECTURE.md with it)",
  ).toEqual([])
})

test("the rule refuses what it should", () => {
  const check = (file: string, specifier: string) => {
    const target = analyticsTarget(file, specifier)
    return target !== null && allowed({ file, specifier, from: file.split("/")[2]!, to: target })
  }
  expect(check("lib/analytics/reports/x.ts", "@/lib/analytics/rollups")).toBe(false)
  expect(check("lib/analytics/rollups/x.ts", "../reports/traffic")).toBe(false)
  expect(check("lib/analytics/model/x.ts", "@/lib/analytics/funnels/rules")).toBe(false)
  expect(check("lib/analytics/funnels/x.ts", "@/lib/analytics/rollups/state")).toBe(false)
  expect(check("lib/analytics/client/x.ts", "@/lib/analytics/ingest/store")).toBe(false)
  expect(check("lib/analytics/client/x.ts", "@/lib/analytics/ingest/url")).toBe(true)
  expect(check("lib/analytics/reports/x.ts", "@/lib/analytics/model/range")).toBe(true)
  expect(check("lib/analytics/rollups/x.ts", "@/lib/analytics/funnels/kept-cells")).toBe(true)
})
