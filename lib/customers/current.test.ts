import { expect, test } from "vitest"
import { pickCurrentSubscription } from "./current"

const at = (day: number) => new Date(Date.UTC(2026, 0, day))

test("the newest live subscription is current, even when an ended one is newer", () => {
  const older = { id: "older", createdAt: at(1), endedAt: null }
  const newer = { id: "newer", createdAt: at(5), endedAt: null }
  const ended = { id: "ended", createdAt: at(9), endedAt: at(10) }
  expect(pickCurrentSubscription([older, ended, newer])?.id).toBe("newer")
})

test("with every subscription ended, the one that ended last is current", () => {
  const first = { id: "first", createdAt: at(1), endedAt: at(20) }
  const second = { id: "second", createdAt: at(10), endedAt: at(15) }
  expect(pickCurrentSubscription([second, first])?.id).toBe("first")
  expect(pickCurrentSubscription([])).toBeNull()
})
