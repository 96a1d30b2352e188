import { afterEach, beforeEach, expect, test, vi } from "vitest"
import { Pacer } from "./pacer"
import type { EmailPriority } from "./priority"

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date("2026-03-01T12:00:00.000Z"))
})
afterEach(() => {
  vi.useRealTimers()
})

const t0 = new Date("2026-03-01T12:00:00.000Z").getTime()

/** Starts a send of `priority` now; its grant time and label are recorded when its turn comes. */
function send(
  pacer: Pacer,
  priority: EmailPriority,
  label: string,
  log: { label: string; at: number }[],
): Promise<void> {
  return pacer.pace(priority).then(() => void log.push({ label, at: Date.now() - t0 }))
}

/** The most requests that started within any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length))
}

test("N sends over time never exceed the rate: 2 per second, a burst of 2 then one window apart", async () => {
  const pacer = new Pacer({ perWindow: 2, windowMs: 1_000 })
  const log: { label: string; at: number }[] = []
  // Ten at once, then five more arriving while those wait, then three long after.
  for (let n = 1; n <= 10; n++) void send(pacer, "transactional", `a${n}`, log)
  await vi.advanceTimersByTimeAsync(1_500)
  for (let n = 1; n <= 5; n++) void send(pacer, "transactional", `b${n}`, log)
  await vi.advanceTimersByTimeAsync(20_000)
  for (let n = 1; n <= 3; n++) void send(pacer, "transactional", `c${n}`, log)
  await vi.advanceTimersByTimeAsync(5_000)

  expect(log).toHaveLength(18)
  const times = log.map((entry) => entry.at)
  expect(busiestWindow(times, 1_000)).toBe(2)
  // As fast as the rate allows, in arrival order: two at 0 s, two at 1 s, … the fifteenth at 7 s.
  expect(times.slice(0, 15)).toEqual([
    0, 0, 1_000, 1_000, 2_000, 2_000, 3_000, 3_000, 4_000, 4_000, 5_000, 5_000, 6_000, 6_000, 7_000,
  ])
  expect(log.slice(0, 15).map((entry) => entry.label)).toEqual([
    ...Array.from({ length: 10 }, (_, i) => `a${i + 1}`),
    "b1",
    "b2",
    "b3",
    "b4",
    "b5",
  ])
  // After a quiet spell a burst of two goes at once again.
  expect(times.slice(15)).toEqual([21_500, 21_500, 22_500])
})

test("a sign-in send overtakes queued bulk sends, and transactional mail goes before bulk", async () => {
  const pacer = new Pacer({ perWindow: 2, windowMs: 1_000 })
  const log: { label: string; at: number }[] = []
  for (let n = 1; n <= 6; n++) void send(pacer, "bulk", `bulk${n}`, log)
  await vi.advanceTimersByTimeAsync(100)
  expect(log.map((entry) => entry.label)).toEqual(["bulk1", "bulk2"])
  expect(pacer.queued).toBe(4)

  void send(pacer, "transactional", "receipt", log)
  void send(pacer, "interactive", "sign-in", log)
  await vi.advanceTimersByTimeAsync(10_000)
  expect(log).toEqual([
    { label: "bulk1", at: 0 },
    { label: "bulk2", at: 0 },
    // Queued last, sent first: the next free slot goes to the most urgent waiting send.
    { label: "sign-in", at: 1_000 },
    { label: "receipt", at: 1_000 },
    { label: "bulk3", at: 2_000 },
    { label: "bulk4", at: 2_000 },
    { label: "bulk5", at: 3_000 },
    { label: "bulk6", at: 3_000 },
  ])
})

test("a hold (Resend's Retry-After) stops every send until it ends, then the rate applies again", async () => {
  const pacer = new Pacer({ perWindow: 2, windowMs: 1_000 })
  const log: { label: string; at: number }[] = []
  await send(pacer, "transactional", "first", log)
  pacer.hold(5_000)
  for (let n = 1; n <= 3; n++) void send(pacer, n === 3 ? "interactive" : "bulk", `after${n}`, log)
  await vi.advanceTimersByTimeAsync(4_999)
  expect(log.map((entry) => entry.label)).toEqual(["first"])
  await vi.advanceTimersByTimeAsync(2_000)
  expect(log).toEqual([
    { label: "first", at: 0 },
    { label: "after3", at: 5_000 },
    { label: "after1", at: 5_000 },
    { label: "after2", at: 6_000 },
  ])
})
