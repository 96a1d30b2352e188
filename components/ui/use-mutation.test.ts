import { afterEach, beforeEach, expect, test, vi } from "vitest"
import type { MutationOptions } from "./use-mutation"

// No DOM here: React's two hooks the mutation uses are replaced by cells that a "render" (a call
// of the hook) reads in order, which is all useMutation asks of React.
const fake = vi.hoisted(() => ({ cells: [] as unknown[], cursor: 0, refresh: () => {} }))

vi.mock("react", () => ({
  useState: (initial: unknown) => {
    const index = fake.cursor++
    if (!(index in fake.cells)) fake.cells[index] = initial
    return [fake.cells[index], (value: unknown) => void (fake.cells[index] = value)]
  },
  useRef: (initial: unknown) => {
    const index = fake.cursor++
    if (!(index in fake.cells)) fake.cells[index] = { current: initial }
    return fake.cells[index]
  },
}))
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => fake.refresh() }) }))

// Called as the body of a fake render (not from a component), hence not under a use… name.
const { useMutation: mutationHook } = await import("./use-mutation")

function render<Data>(options?: MutationOptions<Data>) {
  fake.cursor = 0
  return mutationHook<Data>(options)
}

let refreshes = 0
beforeEach(() => {
  fake.cells = []
  refreshes = 0
  fake.refresh = () => void refreshes++
})
afterEach(() => {
  vi.unstubAllGlobals()
})

/** The next fetch answers `response` once `release` is called. */
function holdFetch(response: Response | Error) {
  let release = () => {}
  const gate = new Promise<void>((resolve) => (release = resolve))
  const fetch = vi.fn(async () => {
    await gate
    if (response instanceof Error) throw response
    return response
  })
  vi.stubGlobal("fetch", fetch)
  return { fetch, release }
}

test("pending while the call runs; on success onSuccess gets the typed answer, then the page refreshes", async () => {
  const { release } = holdFetch(Response.json({ count: 3 }))
  const seen: number[] = []
  const call = render<{ count: number }>({ refresh: true, onSuccess: ({ count }) => seen.push(count) }).mutate(
    "/api/admin/orders/assign",
    { body: { orderIds: ["a"] } },
  )
  expect(render().pending).toBe(true)
  release()
  expect(await call).toEqual({ ok: true, data: { count: 3 } })
  expect(render()).toMatchObject({ pending: false, error: null })
  expect(seen).toEqual([3])
  expect(refreshes).toBe(1)
})

test("a failure keeps the shared error shape for the control to show; no onSuccess, no refresh", async () => {
  const { release } = holdFetch(
    Response.json({ error: { code: "conflict", message: "already assigned" } }, { status: 409 }),
  )
  const onSuccess = vi.fn()
  const call = render({ refresh: true, onSuccess }).mutate("/api/admin/orders/o1/assign")
  release()
  await call
  expect(render()).toMatchObject({
    pending: false,
    error: { status: 409, code: "conflict", message: "Already assigned" },
  })
  expect(onSuccess).not.toHaveBeenCalled()
  expect(refreshes).toBe(0)
})

test("a network failure is the clear network message; the next call clears the error first", async () => {
  const first = holdFetch(new TypeError("Failed to fetch"))
  const failed = render().mutate("/api/account/nps", { body: { score: 9 } })
  first.release()
  await failed
  expect(render().error?.message).toBe("We couldn't reach the server. Check your connection and try again.")

  const second = holdFetch(Response.json({}))
  const retried = render().mutate("/api/account/nps", { body: { score: 9 } })
  expect(render().error).toBeNull()
  second.release()
  await retried
  expect(render().error).toBeNull()
})

test("a second call while one runs sends nothing and resolves null (a double click)", async () => {
  const { fetch, release } = holdFetch(Response.json({}))
  const first = render().mutate("/api/account/nps", { body: { score: 9 } })
  expect(await render().mutate("/api/account/nps", { body: { score: 9 } })).toBeNull()
  release()
  await first
  expect(fetch).toHaveBeenCalledTimes(1)
})

test("onError may answer an expected failure: no error is kept; leavesPage stays pending after success or such a failure", async () => {
  const conflict = holdFetch(
    Response.json({ error: { code: "conflict", message: "already enrolled" } }, { status: 409 }),
  )
  const handled = render({ onError: (error) => error.status === 409 }).mutate("/api/mfa/enrol")
  conflict.release()
  await handled
  expect(render()).toMatchObject({ pending: false, error: null })

  fake.cells = []
  const paid = holdFetch(Response.json({ url: "https://polar.example/checkout" }))
  const navigating = render({ leavesPage: true }).mutate("/api/checkout", { body: { planId: "p" } })
  paid.release()
  await navigating
  expect(render().pending).toBe(true)
  expect(await render().mutate("/api/checkout", { body: { planId: "p" } })).toBeNull()
})
