import { readdir, readFile } from "node:fs/promises"
import path from "node:path"
import { expect, test } from "vitest"

// Seat credentials must never reach a log. The order code has no console output at all, and the
// pages and handlers around it none that could carry a credential.
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return sourceFiles(full)
      return Promise.resolve(/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [])
    }),
  )
  return nested.flat()
}

test("no console call in lib/orders, and none mentioning credentials in the order pages and routes", async () => {
  for (const file of await sourceFiles(path.resolve("lib/orders"))) {
    expect(await readFile(file, "utf8"), file).not.toMatch(/console\.\w+\(/)
  }
  const around = [
    "app/admin/orders",
    "app/api/admin/orders",
    "app/api/account/orders",
    "app/account/orders",
    "components/orders",
  ]
  for (const dir of around) {
    for (const file of await sourceFiles(path.resolve(dir))) {
      for (const line of (await readFile(file, "utf8")).split("\n")) {
        if (/console\.\w+\(/.test(line)) expect(line, file).not.toMatch(/login|password|notes|credential/i)
      }
    }
  }
})
