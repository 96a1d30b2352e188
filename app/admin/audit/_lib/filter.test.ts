import { expect, test } from "vitest"
import { parseAuditSearchParams } from "./filter"

test("parseAuditSearchParams reads every filter", () => {
  const { filter, query } = parseAuditSearchParams({
    action: "token.created",
    actor: " ann@",
    from: "2024-05-01",
    to: "2024-05-03",
    page: "2",
  })
  expect(filter.action).toBe("token.created")
  expect(filter.actor).toBe("ann@")
  expect(filter.from?.toISOString()).toBe("2024-05-01T00:00:00.000Z")
  // the whole of 3 May is included
  expect(filter.to?.toISOString()).toBe("2024-05-04T00:00:00.000Z")
  expect(filter.page).toBe(2)
  expect(query).toEqual({ action: "token.created", actor: "ann@", from: "2024-05-01", to: "2024-05-03", page: "2" })
})

test("parseAuditSearchParams drops empty and invalid fields but keeps the rest", () => {
  const { filter, query } = parseAuditSearchParams({ action: "", actor: "bob", page: "-4", from: "not a date" })
  expect(filter).toEqual({ actor: "bob", page: 1, pageSize: 50 })
  expect(query).toEqual({ actor: "bob" })
  expect(parseAuditSearchParams({ action: "nope" }).filter.action).toBeUndefined()
})

test("parseAuditSearchParams keeps an exact 'to' instant as given", () => {
  expect(parseAuditSearchParams({ to: "2024-05-03T12:00:00Z" }).filter.to?.toISOString()).toBe(
    "2024-05-03T12:00:00.000Z",
  )
  expect(parseAuditSearchParams({ action: ["auth.sign_in", "auth.sign_out"] }).filter.action).toBe("auth.sign_in")
})
