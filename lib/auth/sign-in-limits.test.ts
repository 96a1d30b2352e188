import { expect, test } from "vitest"
import { limitSignInLinkRequest, networkOf } from "./sign-in-limits"

test("an IPv4 client's network is its /24", () => {
  expect(networkOf("203.0.113.7")).toBe("203.0.113.0/24")
  expect(networkOf("203.0.113.250")).toBe("203.0.113.0/24")
  expect(networkOf("203.0.114.7")).toBe("203.0.114.0/24")
})

test("an IPv6 client's network is its /48, however the address is written", () => {
  expect(networkOf("2001:db8:1:2::1")).toBe("2001:db8:1::/48")
  expect(networkOf("2001:0db8:0001:ffff:0:0:0:2")).toBe("2001:db8:1::/48")
  expect(networkOf("2001:db8::1")).toBe("2001:db8:0::/48")
  expect(networkOf("fe80::1%eth0")).toBe("fe80:0:0::/48")
})

test("an IPv4 client seen through IPv6 is that IPv4 client", () => {
  expect(networkOf("::ffff:203.0.113.7")).toBe("203.0.113.0/24")
  expect(networkOf("::ffff:cb00:7107")).toBe("203.0.113.0/24")
})

test("no address, loopback, or not an IP, is the one unknown network", () => {
  expect(networkOf(null)).toBe("unknown")
  expect(networkOf("not-an-ip")).toBe("unknown")
  expect(networkOf("127.0.0.1")).toBe("unknown")
  expect(networkOf("::1")).toBe("unknown")
  expect(networkOf("::ffff:127.0.0.1")).toBe("unknown")
})

test("a recipient's and a network's allowances are spent separately; unknown addresses share one", async () => {
  const limits = {
    perRecipient: { name: "test-recipient", points: 2, durationSeconds: 60 },
    perNetwork: { name: "test-network", points: 3, durationSeconds: 60 },
    unknownNetwork: { name: "test-unknown", points: 4, durationSeconds: 60 },
  }
  const ask = (email: string | null, ip: string | null) => limitSignInLinkRequest({ email, ip }, limits)
  expect(await ask("Ada@Example.test ", "192.0.2.1")).toEqual({ allowed: true })
  expect(await ask("ada@example.test", "192.0.2.2")).toEqual({ allowed: true })
  // The third link for the same recipient, from the same network or another one.
  expect(await ask("ada@example.test", "198.51.100.1")).toMatchObject({
    allowed: false,
    key: expect.stringMatching(/^recipient:/),
  })
  // The network's third request (the refused one above spent the other network's point, not this one's).
  expect(await ask("bob@example.test", "192.0.2.3")).toEqual({ allowed: true })
  expect(await ask("cy@example.test", "192.0.2.4")).toMatchObject({
    allowed: false,
    key: "network:192.0.2.0/24",
    retryAfterSeconds: expect.any(Number),
  })
  // Four requests with no known address in all, whatever the recipient; not an address spends only the network's.
  for (const email of ["d@example.test", "e@example.test", "not an address", null])
    expect(await ask(email, null)).toEqual({ allowed: true })
  expect(await ask("f@example.test", "127.0.0.1")).toMatchObject({ allowed: false, key: "network:unknown" })
})
