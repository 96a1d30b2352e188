import { readdir } from "node:fs/promises"
import path from "node:path"
import { expect, test } from "vitest"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"

// Walks every route file under app/api/admin, so a new admin route can never ship open.
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const
type Handler = Parameters<typeof callRoute>[0]

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? routeFiles(path.join(dir, e.name))
        : Promise.resolve(e.name === "route.ts" ? [path.join(dir, e.name)] : []),
    ),
  )
  return nested.flat()
}

test("every /api/admin handler refuses anonymous callers, subscribers and staff without the second factor", async () => {
  const root = path.resolve("app/api/admin")
  const files = await routeFiles(root)
  expect(files.length).toBeGreaterThanOrEqual(5)
  const subscriber = await signedInAs("SUBSCRIBER")
  const noMfa = await signedInAs("OWNER", { mfa: false })
  let checked = 0
  for (const file of files) {
    const mod = (await import(file)) as Partial<Record<(typeof VERBS)[number], Handler>>
    const urlPath = "/" + path.relative(path.resolve("app"), path.dirname(file)).replace(/\[(\w+)\]/g, "x")
    for (const verb of VERBS) {
      const handler = mod[verb]
      if (!handler) continue
      const call = (cookie?: string) =>
        callRoute(handler, verb, urlPath, {
          cookie,
          params: { id: "x" },
          body: verb === "GET" || verb === "DELETE" ? undefined : {},
        })
      expect((await call()).status, `${verb} ${urlPath} anonymous`).toBe(401)
      expect((await call(subscriber.cookie)).status, `${verb} ${urlPath} subscriber`).toBe(403)
      expect((await call(noMfa.cookie)).status, `${verb} ${urlPath} staff without second factor`).toBe(401)
      checked += 1
    }
  }
  expect(checked).toBeGreaterThanOrEqual(6)
})

test("regression: every /api/admin handler answers a malformed session cookie with 400, never 500", async () => {
  const files = await routeFiles(path.resolve("app/api/admin"))
  let checked = 0
  for (const file of files) {
    const mod = (await import(file)) as Partial<Record<(typeof VERBS)[number], Handler>>
    const urlPath = "/" + path.relative(path.resolve("app"), path.dirname(file)).replace(/\[(\w+)\]/g, "x")
    for (const verb of VERBS) {
      const handler = mod[verb]
      if (!handler) continue
      for (const cookie of ["next-auth.session-token=%", "next-auth.session-token=%00"]) {
        const response = await callRoute(handler, verb, urlPath, {
          cookie,
          params: { id: "x" },
          body: verb === "GET" || verb === "DELETE" ? undefined : {},
        })
        expect(response.status, `${verb} ${urlPath} ${cookie}`).toBe(400)
        expect((await response.json()).error.code).toBe("bad_request")
      }
      checked += 1
    }
  }
  expect(checked).toBeGreaterThanOrEqual(6)
})
