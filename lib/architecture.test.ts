import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import { expect, test } from "vitest"

// ARCHITECTURE.md is the map of the code: it names every domain, names only paths that exist, and
// the repository points to it, never to anything outside itself.

const root = path.resolve(import.meta.dirname, "..")
const read = (file: string) => readFileSync(path.join(root, file), "utf8")
const map = read("ARCHITECTURE.md")

const domains = readdirSync(path.join(root, "lib"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "testing")
  .map((entry) => entry.name)

test("every folder under lib/ is named in ARCHITECTURE.md", () => {
  expect(domains.length).toBeGreaterThan(10)
  const unnamed = domains.filter((name) => !new RegExp(`\\blib/${name}(?![\\w-])`).test(map))
  expect(unnamed, "name each as lib/<folder> in ARCHITECTURE.md, with the tables it owns").toEqual([])
})

test("every lib/<name> ARCHITECTURE.md names exists, as a folder or (with an extension) a file", () => {
  const missing = [...map.matchAll(/\blib\/([\w-]+)((?:\.\w+)+)?/g)]
    .map(([, name, extension]) => ({ named: `lib/${name}${extension ?? ""}`, folder: !extension }))
    .filter(
      ({ named, folder }) =>
        !existsSync(path.join(root, named)) || statSync(path.join(root, named)).isDirectory() !== folder,
    )
    .map(({ named }) => named)
  expect([...new Set(missing)]).toEqual([])
})

/** Repository paths a document names (`lib/http/route.ts`, `app/(marketing)`), in or out of backticks. */
function namedPaths(text: string): string[] {
  const found = text.matchAll(/(?<![\w/@.-])((?:app|lib|components|scripts|emails|prisma|e2e)\/[\w\-./()[\]]*[\w)\]])/g)
  return [
    ...new Set(
      [...found].map(([, named]) => {
        const open = named!.split("(").length
        const close = named!.split(")").length
        return close > open ? named!.slice(0, -1) : named!
      }),
    ),
  ]
}

test("every path ARCHITECTURE.md names exists", () => {
  const paths = namedPaths(map)
  expect(paths).toContain("lib/http/route.ts")
  expect(paths.filter((named) => !existsSync(path.join(root, named)))).toEqual([])
})

test("namedPaths reads paths out of prose, tables and diagrams", () => {
  expect(
    namedPaths(
      "see `app/(marketing)` (`/`), (lib/analytics/client/tracker.ts) and lib/analytics/reports/*, not @/lib/db or x/lib/y",
    ),
  ).toEqual(["app/(marketing)", "lib/analytics/client/tracker.ts", "lib/analytics/reports"])
})

test("README.md and CONTRIBUTING.md point to ARCHITECTURE.md near their top", () => {
  for (const file of ["README.md", "CONTRIBUTING.md"]) {
    expect(read(file).split("\n").slice(0, 10).join("\n"), file).toContain("](ARCHITECTURE.md)")
  }
})

function textFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : textFiles(file)
    return /\.(tsx?|prisma)$/.test(entry.name) ? [file] : []
  })
}

test("nothing in the repository points outside it", () => {
  // Spelled in pieces so that this file does not match itself.
  const outside = [["..", "shared"].join("/"), ["", "work", "shared"].join("/"), ["DESIGN", "md"].join(".")]
  const rootFiles = readdirSync(root).filter(
    (name) => /\.(md|ts|mjs)$/.test(name) && statSync(path.join(root, name)).isFile(),
  )
  const files = [...rootFiles, ...["app", "lib", "components", "scripts", "e2e", "emails", "prisma"].flatMap(textFiles)]
  expect(files).toEqual(
    expect.arrayContaining(["README.md", "CONTRIBUTING.md", "ARCHITECTURE.md", "prisma/schema.prisma"]),
  )
  const pointing = files.filter((file) => outside.some((needle) => read(file).includes(needle)))
  expect(pointing).toEqual([])
})
