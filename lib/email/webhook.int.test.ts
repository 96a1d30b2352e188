import { createHash, createHmac, randomBytes } from "node:crypto"
import { afterEach, beforeEach, expect, test } from "vitest"
import { POST } from "@/app/api/webhooks/resend/route"
import { db } from "@/lib/db"
import { resetEnvCache } from "@/lib/env"
import { callRoute } from "@/lib/testing/http"

const secretBytes = randomBytes(24)
const webhookSecret = `whsec_${secretBytes.toString("base64")}`

// Svix / Standard Webhooks: HMAC-SHA256 over "id.timestamp.body" with the decoded secret.
function signed(
  body: string,
  { id = `msg_${randomBytes(6).toString("hex")}`, timestamp = Math.floor(Date.now() / 1000) } = {},
) {
  const signature = createHmac("sha256", secretBytes).update(`${id}.${timestamp}.${body}`).digest("base64")
  return {
    "svix-id": id,
    "svix-timestamp": String(timestamp),
    "svix-signature": `v1,${signature}`,
    "content-type": "application/json",
  }
}

const event = (type: string, emailId: string, createdAt = "2026-03-01T12:05:00.000Z") =>
  JSON.stringify({ type, created_at: createdAt, data: { email_id: emailId, to: ["ada@test.example"], subject: "Hi" } })

const post = (body: string, headers: Record<string, string>) =>
  callRoute(POST, "POST", "/api/webhooks/resend", { rawBody: body, headers })

async function sentMessage(providerId: string) {
  return db.emailMessage.create({
    data: {
      to: "ada@test.example",
      subject: "Hi",
      template: "welcome",
      html: "<p>Hi</p>",
      text: "Hi",
      status: "SENT",
      idempotencyKey: `welcome/${providerId}`,
      providerId,
    },
    select: { id: true },
  })
}
const delivery = (providerId: string) =>
  db.emailMessage.findFirstOrThrow({ where: { providerId }, select: { deliveryStatus: true, deliveryAt: true } })

beforeEach(() => {
  process.env.RESEND_WEBHOOK_SECRET = webhookSecret
  resetEnvCache()
})
afterEach(() => {
  delete process.env.RESEND_WEBHOOK_SECRET
  resetEnvCache()
})

test("delivered, then bounced: the bounce wins, and a late or repeated event changes nothing", async () => {
  await sentMessage("re_a")
  const delivered = event("email.delivered", "re_a")
  const response = await post(delivered, signed(delivered))
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ received: true })
  expect(await delivery("re_a")).toEqual({
    deliveryStatus: "delivered",
    deliveryAt: new Date("2026-03-01T12:05:00.000Z"),
  })

  const bounced = event("email.bounced", "re_a", "2026-03-01T12:06:00.000Z")
  expect((await post(bounced, signed(bounced))).status).toBe(200)
  expect(await delivery("re_a")).toEqual({
    deliveryStatus: "bounced",
    deliveryAt: new Date("2026-03-01T12:06:00.000Z"),
  })

  // The same delivery sent again (Svix retries), and a "delivered" arriving late.
  expect((await post(bounced, signed(bounced))).status).toBe(200)
  const late = event("email.delivered", "re_a", "2026-03-01T12:07:00.000Z")
  expect(await (await post(late, signed(late))).json()).toEqual({ received: true })
  expect(await delivery("re_a")).toEqual({
    deliveryStatus: "bounced",
    deliveryAt: new Date("2026-03-01T12:06:00.000Z"),
  })
})

test("a complaint is recorded", async () => {
  await sentMessage("re_b")
  const complained = event("email.complained", "re_b")
  expect((await post(complained, signed(complained))).status).toBe(200)
  expect((await delivery("re_b")).deliveryStatus).toBe("complained")
})

test("unknown emails and other event types are acknowledged and ignored", async () => {
  await sentMessage("re_c")
  for (const body of [
    event("email.delivered", "re_unknown"),
    event("email.opened", "re_c"),
    JSON.stringify({ type: "contact.created", created_at: "2026-03-01T00:00:00Z", data: { id: "c1" } }),
  ]) {
    const response = await post(body, signed(body))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: true, ignored: true })
  }
  expect((await delivery("re_c")).deliveryStatus).toBeNull()
})

test("a bad signature is refused, recorded as a security event with a hashed address, and changes nothing", async () => {
  await sentMessage("re_d")
  const body = event("email.bounced", "re_d")
  const headers = { ...signed(body), "x-forwarded-for": "203.0.113.9" }
  const tampered = body.replace("re_d", "re_e")
  const response = await post(tampered, headers)
  expect(response.status).toBe(403)
  expect((await response.json()).error.code).toBe("forbidden")
  const events = await db.securityEvent.findMany()
  expect(events).toHaveLength(1)
  expect(events[0]).toMatchObject({ kind: "webhook.bad_signature", detail: { provider: "resend" } })
  expect(events[0]!.ipHash).toBe(createHash("sha256").update(`${process.env.ENCRYPTION_KEY}203.0.113.9`).digest("hex"))
  expect(JSON.stringify(events)).not.toContain("203.0.113.9")
  expect((await delivery("re_d")).deliveryStatus).toBeNull()

  // Missing headers, and a correct signature that is too old to replay.
  expect((await post(body, { "content-type": "application/json" })).status).toBe(403)
  const old = signed(body, { timestamp: Math.floor(Date.now() / 1000) - 600 })
  expect((await post(body, old)).status).toBe(403)
  expect(await db.securityEvent.count({ where: { kind: "webhook.bad_signature" } })).toBe(3)
  expect((await delivery("re_d")).deliveryStatus).toBeNull()
})

test("a signed body that is not JSON is a bad request", async () => {
  const body = "{not json"
  const response = await post(body, signed(body))
  expect(response.status).toBe(400)
  expect((await response.json()).error.code).toBe("bad_request")
})

test("without RESEND_WEBHOOK_SECRET the endpoint says it is not configured", async () => {
  delete process.env.RESEND_WEBHOOK_SECRET
  resetEnvCache()
  const body = event("email.delivered", "re_a")
  const response = await post(body, signed(body))
  expect(response.status).toBe(503)
  expect((await response.json()).error).toMatchObject({
    code: "service_unavailable",
    message: expect.stringContaining("RESEND_WEBHOOK_SECRET"),
  })
})
