import { afterEach, expect, test, vi } from "vitest"

vi.mock("@/lib/email/send", () => ({ deliverDueEmails: vi.fn() }))
const { startBackgroundLoops } = await import("./background")

afterEach(() => vi.useRealTimers())

test("a loop runs every interval, never overlaps itself, and survives a failing run", async () => {
  vi.useFakeTimers()
  let calls = 0
  let release: () => void = () => {}
  const logged: string[] = []
  const stop = startBackgroundLoops(
    [
      {
        name: "slow",
        everyMs: 1000,
        run: () => {
          calls += 1
          if (calls === 1) return new Promise<void>((resolve) => (release = resolve))
          if (calls === 2) return Promise.reject(new Error("boom"))
          return Promise.resolve()
        },
      },
    ],
    (line) => logged.push(line),
  )
  await vi.advanceTimersByTimeAsync(1000) // first run starts and hangs
  await vi.advanceTimersByTimeAsync(3000) // three more ticks: skipped, the first is still running
  expect(calls).toBe(1)
  release()
  await vi.advanceTimersByTimeAsync(1000) // second run fails
  await vi.advanceTimersByTimeAsync(1000) // third run goes ahead anyway
  expect(calls).toBe(3)
  expect(logged).toEqual(["[background slow] boom"])
  stop()
  await vi.advanceTimersByTimeAsync(5000)
  expect(calls).toBe(3)
})
