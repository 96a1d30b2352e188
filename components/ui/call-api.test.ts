import { afterEach, expect, test, vi } from "vitest"
import { callApi } from "./call-api"

afterEach(() => {
  vi.unstubAllGlobals()
})

/** Answers every fetch with `response` (or throws `response`), keeping the calls for inspection. */
function answer(response: Response | Error) {
  const fetch = vi.fn(async () => {
    if (response instanceof Error) throw response
    return response
  })
  vi.stubGlobal("fetch", fetch)
  return fetch
}

test("a success: the JSON body is sent with its content type, the answer comes back typed, nothing is cached", async () => {
  const fetch = answer(Response.json({ count: 2 }))
  const result = await callApi<{ count: number }, { orderIds: string[] }>("/api/admin/orders/assign", {
    body: { orderIds: ["a", "b"] },
  })
  expect(result).toEqual({ ok: true, data: { count: 2 } })
  expect(fetch).toHaveBeenCalledWith("/api/admin/orders/assign", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: '{"orderIds":["a","b"]}',
    cache: "no-store",
  })
})

test("no body sends no content type; extra headers ride along; an empty answer (204) is undefined", async () => {
  const fetch = answer(new Response(null, { status: 204 }))
  expect(await callApi("/api/admin/tokens/t1", { method: "DELETE" })).toEqual({ ok: true, data: undefined })
  expect(fetch).toHaveBeenLastCalledWith("/api/admin/tokens/t1", {
    method: "DELETE",
    headers: undefined,
    body: undefined,
    cache: "no-store",
  })

  answer(Response.json({}))
  await callApi("/api/admin/customers/c1/refund", {
    body: { paymentId: "p1" },
    headers: { "idempotency-key": "refund-1" },
  })
  expect(vi.mocked(globalThis.fetch).mock.calls[0]![1]!.headers).toEqual({
    "content-type": "application/json",
    "idempotency-key": "refund-1",
  })
})

test("the shared error shape: code, the message capitalised, and for 422 the failing fields (first message per field)", async () => {
  answer(Response.json({ error: { code: "conflict", message: "this order is already assigned" } }, { status: 409 }))
  expect(await callApi("/api/admin/orders/o1/assign")).toEqual({
    ok: false,
    error: { status: 409, code: "conflict", message: "This order is already assigned", fieldErrors: {} },
  })

  const details = [
    { path: "login", message: "required" },
    { path: "login", message: "too short" },
    { path: "notes", message: "too long" },
    { message: "no path" },
  ]
  answer(
    Response.json(
      { error: { code: "unprocessable_entity", message: "some fields are invalid", details } },
      { status: 422 },
    ),
  )
  expect(await callApi("/api/admin/orders/o1/fulfil", { body: {} })).toEqual({
    ok: false,
    error: {
      status: 422,
      code: "unprocessable_entity",
      message: "Some fields are invalid",
      fieldErrors: { login: "Required", notes: "Too long" },
    },
  })
})

test("an error answer that is not JSON (a proxy's page) gets a message for its status", async () => {
  const html = (status: number) =>
    new Response("<html>Bad gateway</html>", { status, headers: { "content-type": "text/html" } })
  const cases: Array<[number, string]> = [
    [401, "Your session has ended. Sign in again."],
    [403, "You don't have permission to do that."],
    [429, "Too many attempts. Wait a few minutes and try again."],
    [502, "Something went wrong. Please try again."],
  ]
  for (const [status, message] of cases) {
    answer(html(status))
    expect(await callApi("/api/account/nps", { body: { score: 9 } })).toEqual({
      ok: false,
      error: { status, code: "unknown", message, fieldErrors: {} },
    })
  }
})

test("a network failure is a clear message, never a thrown error", async () => {
  answer(new TypeError("Failed to fetch"))
  expect(await callApi("/api/checkout", { body: { planId: "p" } })).toEqual({
    ok: false,
    error: {
      status: 0,
      code: "network",
      message: "We couldn't reach the server. Check your connection and try again.",
      fieldErrors: {},
    },
  })
})

test("a success whose answer is not JSON is a failure with a generic message, not a crash", async () => {
  answer(new Response("OK", { status: 200 }))
  expect(await callApi("/api/account/billing-portal", { method: "GET" })).toEqual({
    ok: false,
    error: { status: 200, code: "unknown", message: "Something went wrong. Please try again.", fieldErrors: {} },
  })
})
