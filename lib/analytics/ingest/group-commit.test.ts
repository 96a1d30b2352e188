import { expect, test } from "vitest"
import { GroupCommit } from "./group-commit"

function recorder(options: { fail?: (flush: number) => boolean; ms?: number } = {}) {
  const flushes: number[][] = []
  const write = async (items: number[]) => {
    await new Promise((resolve) => setTimeout(resolve, options.ms ?? 1))
    flushes.push(items)
    if (options.fail?.(flushes.length)) throw new Error("database down")
  }
  return { flushes, write }
}

test("concurrent submissions within the delay go out in one write, and each resolves after it", async () => {
  const { flushes, write } = recorder()
  const commit = new GroupCommit<number>({ write, delayMs: 5 })
  const settled: number[] = []
  await Promise.all([[1], [2, 3], [4]].map((items) => commit.submit(items).then(() => settled.push(flushes.length))))
  expect(flushes).toEqual([[1, 2, 3, 4]])
  expect(settled).toEqual([1, 1, 1])
  expect(commit.stats()).toEqual({ flushes: 1, items: 4, failedFlushes: 0, pending: 0 })
})

test("a flush holds at most maxItems, never splitting a submission", async () => {
  const { flushes, write } = recorder()
  const commit = new GroupCommit<number>({ write, maxItems: 5, delayMs: 5 })
  await Promise.all([[1, 2, 3], [4, 5, 6], [7], [8, 9]].map((items) => commit.submit(items)))
  // 3 + 3 > 5, so the second submission starts the next flush; 3 + 1 fits, and 2 more would not.
  expect(flushes).toEqual([
    [1, 2, 3],
    [4, 5, 6, 7],
    [8, 9],
  ])
})

test("submissions made while a write runs form the next flush", async () => {
  const { flushes, write } = recorder({ ms: 20 })
  const commit = new GroupCommit<number>({ write, delayMs: 1 })
  const first = commit.submit([1])
  await new Promise((resolve) => setTimeout(resolve, 8)) // the first write is under way
  await Promise.all([first, commit.submit([2]), commit.submit([3])])
  expect(flushes).toEqual([[1], [2, 3]])
})

test("a failed write rejects every submission in that flush, and only those", async () => {
  const { flushes, write } = recorder({ fail: (n) => n === 1, ms: 10 })
  const commit = new GroupCommit<number>({ write, delayMs: 1 })
  const a = commit.submit([1])
  const b = commit.submit([2])
  await new Promise((resolve) => setTimeout(resolve, 4))
  const c = commit.submit([3])
  const results = await Promise.allSettled([a, b, c])
  expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "fulfilled"])
  expect(flushes).toEqual([[1, 2], [3]])
  expect(commit.stats()).toMatchObject({ flushes: 1, failedFlushes: 1, items: 1 })
})

test("beyond maxPending waiting items, a submission is refused at once with 503", async () => {
  const { flushes, write } = recorder({ ms: 20 })
  const commit = new GroupCommit<number>({ write, maxPending: 3, delayMs: 1 })
  const writing = commit.submit([1])
  await new Promise((resolve) => setTimeout(resolve, 8)) // [1] is being written; the rest waits
  const waiting = commit.submit([2, 3, 4])
  await expect(commit.submit([5])).rejects.toMatchObject({ code: "service_unavailable" })
  await Promise.all([writing, waiting])
  expect(flushes).toEqual([[1], [2, 3, 4]])
})

test("nothing to write resolves at once", async () => {
  const { flushes, write } = recorder()
  await new GroupCommit<number>({ write }).submit([])
  expect(flushes).toEqual([])
})

test("a submission whose items the database refuses fails alone: its flush is written again in halves and the others commit", async () => {
  const flushes: number[][] = []
  const refused = new Error("refused value")
  // Like PostgreSQL: a statement holding the bad item (0) fails whole.
  const write = async (items: number[]) => {
    await new Promise((resolve) => setTimeout(resolve, 1))
    flushes.push(items)
    if (items.includes(0)) throw refused
  }
  const commit = new GroupCommit<number>({ write, delayMs: 5, isItemFault: (error) => error === refused })
  const results = await Promise.allSettled([[1], [2, 3], [0], [4], [5]].map((items) => commit.submit(items)))
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"])
  // [1 2 3 0 4 5] fails; halves of three submissions [1][2 3][0] and two [4][5]; then [1][2 3] and
  // [0] alone, which fails by itself.
  expect(flushes).toEqual([[1, 2, 3, 0, 4, 5], [1, 2, 3, 0], [1, 2, 3], [0], [4, 5]])
  expect(commit.stats()).toMatchObject({ flushes: 2, items: 5, failedFlushes: 3, pending: 0 })
})

test("a failure that is no submission's fault is not retried", async () => {
  const { flushes, write } = recorder({ fail: () => true })
  const commit = new GroupCommit<number>({ write, delayMs: 5, isItemFault: () => false })
  const results = await Promise.allSettled([[1], [2], [3]].map((items) => commit.submit(items)))
  expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"])
  expect(flushes).toEqual([[1, 2, 3]])
})

test("drain writes what is queued without waiting out the delay, and what arrives during a write too", async () => {
  const { flushes, write } = recorder({ ms: 20 })
  const commit = new GroupCommit<number>({ write, delayMs: 60_000, maxItems: 2 })
  const outcomes = [commit.submit([1, 2]), commit.submit([3])]
  const drained = commit.drain()
  outcomes.push(commit.submit([4]))
  await drained
  expect(flushes).toEqual([
    [1, 2],
    [3, 4],
  ])
  await expect(Promise.all(outcomes)).resolves.toEqual([undefined, undefined, undefined])
  expect(commit.stats().pending).toBe(0)
})

test("drain settles failed submissions too (their requests already got their error)", async () => {
  const { write } = recorder({ fail: () => true })
  const commit = new GroupCommit<number>({ write, delayMs: 60_000 })
  const failed = commit.submit([1]).catch((error: Error) => error.message)
  await commit.drain()
  await expect(failed).resolves.toBe("database down")
})
