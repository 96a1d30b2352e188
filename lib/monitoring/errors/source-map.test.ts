import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, expect, test } from "vitest"
import { fingerprint } from "./fingerprint"
import { symbolicateStack } from "./source-map"

// Base64 VLQ, as source maps write their segments.
function vlq(value: number): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  let rest = value < 0 ? (-value << 1) | 1 : value << 1
  let out = ""
  do {
    let digit = rest & 31
    rest >>>= 5
    if (rest > 0) digit |= 32
    out += chars[digit]
  } while (rest > 0)
  return out
}

const folders: string[] = []
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })))

/** A built app in a temporary folder: one minified chunk whose column 1557 is line 3, column 9 of app/boom/page.tsx. */
function builtApp(): string {
  const root = mkdtempSync(path.join(tmpdir(), "acv-sourcemap-"))
  folders.push(root)
  const chunks = path.join(root, ".next/server/chunks/ssr")
  mkdirSync(chunks, { recursive: true })
  writeFileSync(path.join(chunks, "[root-of-the-server]__0lm4_qtj79yk0._.js"), "/* minified */")
  // Segment: generated column 1556 → source 0, original line 2, column 8 (all zero-based).
  const map = {
    version: 3,
    sources: ["../../../../app/boom/page.tsx"],
    names: [],
    mappings: [vlq(1556), vlq(0), vlq(2), vlq(8)].join(""),
  }
  writeFileSync(path.join(chunks, "[root-of-the-server]__0lm4_qtj79yk0._.js.map"), JSON.stringify(map))
  return root
}

test("frames in minified build chunks point back at the source file; paths lose the machine's folder", () => {
  const root = builtApp()
  const stack = [
    "Error: page boom 456",
    `    at b (${root}/.next/server/chunks/ssr/[root-of-the-server]__0lm4_qtj79yk0._.js:1:1557)`,
    `    at eT (${root}/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js:15:44500)`,
    `    at ${root}/.next/server/chunks/ssr/missing._.js:1:1`,
  ].join("\n")
  expect(symbolicateStack(stack, root).split("\n")).toEqual([
    "Error: page boom 456",
    "    at app/boom/page.tsx:3:9",
    "    at eT (node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js:15:44500)",
    "    at .next/server/chunks/ssr/missing._.js:1:1",
  ])
  // Grouped by our file, not by the chunk.
  expect(
    fingerprint("server", { name: "Error", message: "page boom 456", stack: symbolicateStack(stack, root) }).topFrame,
  ).toBe("app/boom/page.tsx")
})

test("files outside the build folder are never read", () => {
  const stack = "Error: x\n    at f (/etc/passwd.js:1:1)"
  expect(symbolicateStack(stack, "/srv/app")).toBe(stack)
})
