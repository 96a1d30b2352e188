import { expect, test } from "vitest"
import { eventBatchSchema } from "./schemas"

const ok = { name: "page_view", path: "/pricing" }

function failures(body: unknown): string[] {
  const result = eventBatchSchema.safeParse(body)
  if (result.success) return []
  return result.error.issues.map((issue) => issue.path.join("."))
}

test("a valid batch passes", () => {
  expect(
    failures({
      events: [
        ok,
        {
          name: "checkout_started",
          ts: new Date().toISOString(),
          utm: { source: "x" },
          props: { plan: "annual", seats: 2 },
        },
      ],
    }),
  ).toEqual([])
})

test("each bad event is named by its index and field", () => {
  expect(
    failures({ events: [ok, { name: "Bad Name" }, ok, { name: "page_view", path: "pricing", screen: "big" }] }),
  ).toEqual(["events.1.name", "events.3.path", "events.3.screen"])
})

test("a batch is 1 to 100 events", () => {
  expect(failures({ events: [] })).toEqual(["events"])
  expect(failures({ events: Array.from({ length: 101 }, () => ok) })).toEqual(["events"])
  expect(failures({ events: Array.from({ length: 100 }, () => ok) })).toEqual([])
  expect(failures({})).toEqual(["events"])
})

test("props are flat and few; times are ISO and at most 7 days old", () => {
  expect(failures({ events: [{ ...ok, props: { nested: { a: 1 } } }] })).toEqual(["events.0.props.nested"])
  expect(
    failures({ events: [{ ...ok, props: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, i])) }] }),
  ).toEqual(["events.0.props"])
  expect(failures({ events: [{ ...ok, ts: "yesterday" }] })).toEqual(["events.0.ts"])
  expect(failures({ events: [{ ...ok, ts: new Date(Date.now() - 8 * 86_400_000).toISOString() }] })).toEqual([
    "events.0.ts",
  ])
})
