import { expect, test } from "vitest"
import { db } from "@/lib/db"
import { hashAddress, recordSecurityEvent } from "./events"

test("a security event is stored with its detail and the address only as a keyed hash", async () => {
  await recordSecurityEvent({ kind: "webhook.bad_signature", detail: { provider: "resend" }, ip: "198.51.100.4" })
  await recordSecurityEvent({ kind: "webhook.bad_signature", detail: { provider: "resend" } })
  const events = await db.securityEvent.findMany({
    orderBy: { createdAt: "asc" },
    select: { kind: true, detail: true, ipHash: true },
  })
  expect(events).toEqual([
    { kind: "webhook.bad_signature", detail: { provider: "resend" }, ipHash: hashAddress("198.51.100.4") },
    { kind: "webhook.bad_signature", detail: { provider: "resend" }, ipHash: null },
  ])
  expect(events[0]!.ipHash).toMatch(/^[0-9a-f]{64}$/)
})
