import { expect, test } from "vitest"
import { identityLinks, personOf } from "./identity"

test("a browser becomes its user once any of its rows names the user, before or after", () => {
  const rows = [
    { visitorId: "b1", userId: null, at: 1 }, // signed out, before
    { visitorId: "b1", userId: "U1", at: 2 }, // signed in
    { visitorId: "b1", userId: null, at: 3 }, // signed out, after
    { visitorId: "u:U1", userId: "U1", at: 4 }, // a server event
    { visitorId: "b2", userId: null, at: 5 }, // never signed in
  ]
  const links = identityLinks(rows)
  expect(rows.map((row) => personOf(row, links))).toEqual(["u:U1", "u:U1", "u:U1", "u:U1", "v:b2"])
})

test("a shared browser lends its anonymous rows to its first user; signed-in rows stay with their user", () => {
  const rows = [
    { visitorId: "b", userId: "U2", at: 20 },
    { visitorId: "b", userId: "U1", at: 10 }, // earlier: U1 is the link, whatever the order given
    { visitorId: "b", userId: null, at: 30 },
  ]
  const links = identityLinks(rows)
  expect(links.get("b")).toBe("U1")
  expect(rows.map((row) => personOf(row, links))).toEqual(["u:U2", "u:U1", "u:U1"])
})

test("at the same instant the smallest user id wins; prefixes keep a visitor id from passing for a user id", () => {
  const links = identityLinks([
    { visitorId: "b", userId: "U2", at: 5 },
    { visitorId: "b", userId: "U1", at: 5 },
  ])
  expect(links.get("b")).toBe("U1")
  expect(personOf({ visitorId: "U1", userId: null }, new Map())).toBe("v:U1")
})
