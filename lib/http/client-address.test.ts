import { afterEach, expect, test } from "vitest"
import { resetEnvCache } from "@/lib/env"
import { CLIENT_ADDRESS_HEADER, clientAddress, enableClientAddressStamp, resolveClientAddress } from "./client-address"

const from = (headers: Record<string, string>) => clientAddress(new Request("http://x", { headers }))

function trustHops(hops: string | undefined) {
  if (hops === undefined) delete process.env.TRUSTED_PROXY_HOPS
  else process.env.TRUSTED_PROXY_HOPS = hops
  resetEnvCache()
}

afterEach(() => trustHops(undefined))

test("regression (X-Forwarded-For bypass): with no trusted proxy, neither X-Forwarded-For nor X-Real-IP names the client", () => {
  trustHops(undefined) // the default is 0
  expect(from({ "x-forwarded-for": "198.51.100.7" })).toBeNull()
  expect(from({ "x-forwarded-for": "198.51.100.7, 10.0.0.1" })).toBeNull()
  expect(from({ "x-real-ip": "198.51.100.8" })).toBeNull()
  expect(from({})).toBeNull()
})

test("with 1 trusted hop the rightmost address counts, whatever the client put before it", () => {
  trustHops("1")
  expect(from({ "x-forwarded-for": "203.0.113.20" })).toBe("203.0.113.20")
  expect(from({ "x-forwarded-for": "198.51.100.1, 198.51.100.2,203.0.113.20" })).toBe("203.0.113.20")
  expect(from({ "x-real-ip": "198.51.100.8" })).toBeNull()
})

test("with 2 trusted hops the second address from the right counts; fewer entries than hops is unknown", () => {
  trustHops("2")
  expect(from({ "x-forwarded-for": "198.51.100.1, 203.0.113.20, 10.0.0.1" })).toBe("203.0.113.20")
  expect(from({ "x-forwarded-for": "10.0.0.1" })).toBeNull()
})

test("ports and brackets are dropped, and an entry that is no address is unknown", () => {
  trustHops("1")
  expect(from({ "x-forwarded-for": "203.0.113.20:5123" })).toBe("203.0.113.20")
  expect(from({ "x-forwarded-for": "[2001:DB8::1]:443" })).toBe("2001:db8::1")
  expect(from({ "x-forwarded-for": "2001:db8::2" })).toBe("2001:db8::2")
  expect(from({ "x-forwarded-for": "not-an-address" })).toBeNull()
  expect(from({ "x-forwarded-for": "198.51.100.1, " })).toBeNull()
})

test("TRUSTED_PROXY_HOPS must be a whole number of at least 0", () => {
  process.env.TRUSTED_PROXY_HOPS = "-1"
  resetEnvCache()
  expect(() => from({})).toThrow()
})

test("with no proxy the server resolves the socket's address (IPv4-mapped IPv6 as IPv4); X-Forwarded-For is ignored", () => {
  expect(resolveClientAddress({ socketAddress: "::ffff:203.0.113.9", forwardedFor: "198.51.100.7", hops: 0 })).toBe(
    "203.0.113.9",
  )
  expect(resolveClientAddress({ socketAddress: "2001:DB8::5", forwardedFor: undefined, hops: 0 })).toBe("2001:db8::5")
  expect(resolveClientAddress({ socketAddress: undefined, forwardedFor: "198.51.100.7", hops: 0 })).toBeNull()
  expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "198.51.100.7, 203.0.113.20", hops: 1 })).toBe(
    "203.0.113.20",
  )
})

test("regression (X-Forwarded-For bypass): the server's stamp names the client, and a stamp the client forges is not believed", () => {
  const stamp = enableClientAddressStamp()
  const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: "guess 198.51.100.66" }
  expect(from(headers)).toBeNull()
  stamp(headers, "203.0.113.9")
  expect(from({ ...headers, "x-forwarded-for": "198.51.100.7" })).toBe("203.0.113.9")
  stamp(headers, null)
  expect(from(headers)).toBeNull()
})
