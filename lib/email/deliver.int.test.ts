import { afterEach, beforeEach, expect, test } from "vitest"
import { db } from "@/lib/db"
import { deliverQueuedEmails, EmailNotSentError, queueEmail, sendEmail } from "./send"
import { ok, resendError, RESEND_TEST_KEY, startResendStandIn, pointResendAt } from "./testing/resend-stand-in"

type StandIn = Awaited<ReturnType<typeof startResendStandIn>>
let resend: StandIn

beforeEach(async () => {
  await db.emailMessage.deleteMany()
  resend = await startResendStandIn()
})
afterEach(() => resend.close())

const t0 = new Date("2026-03-01T12:00:00.000Z")
const at = (ms: number) => new Date(t0.getTime() + ms)

async function queueWelcome(key: string, to = "ada@test.example") {
  return db.$transaction((tx) =>
    queueEmail(tx, { to, template: "welcome", props: { name: "Ada" }, idempotencyKey: key }),
  )
}

const row = (id: string) =>
  db.emailMessage.findUniqueOrThrow({
    where: { id },
    select: { status: true, attempts: true, nextAttemptAt: true, providerId: true, sentAt: true, error: true },
  })

test("with RESEND_API_KEY the message goes to Resend with its idempotency key and is marked sent", async () => {
  const { id } = await queueWelcome("welcome/user_1")
  expect(await deliverQueuedEmails({ now: t0 })).toEqual({ sent: 1, outbox: 0, retrying: 0, failed: 0, skipped: 0 })

  expect(resend.requests).toHaveLength(1)
  const [request] = resend.requests
  expect(request).toMatchObject({ method: "POST", path: "/emails" })
  expect(request!.headers.authorization).toBe(`Bearer ${RESEND_TEST_KEY}`)
  expect(request!.headers["idempotency-key"]).toBe("welcome/user_1")
  expect(request!.body).toMatchObject({
    from: "AI Copilot Vibe <hello@aicopilotvibe.test>",
    to: "ada@test.example",
    subject: "Welcome to AI Copilot Vibe",
    tags: [{ name: "template", value: "welcome" }],
  })
  expect(request!.body.html).toContain("Hi Ada,")
  // A queued message stores no plain text, so none is sent: Resend derives it from the HTML.
  expect(request!.body).not.toHaveProperty("text")
  expect(await row(id)).toEqual({
    status: "SENT",
    attempts: 1,
    nextAttemptAt: null,
    providerId: "re_msg_1",
    sentAt: t0,
    error: null,
  })

  // Nothing is due any more: no second request.
  expect(await deliverQueuedEmails({ now: at(60_000) })).toEqual({
    sent: 0,
    outbox: 0,
    retrying: 0,
    failed: 0,
    skipped: 0,
  })
  expect(resend.requests).toHaveLength(1)
})

test("a message that carries its own plain text sends it", async () => {
  const { id } = await db.emailMessage.create({
    data: {
      to: "ada@test.example",
      subject: "Hello",
      template: "welcome",
      html: "<p>Hello</p>",
      text: "Hello, in plain words",
      status: "QUEUED",
      idempotencyKey: "welcome/with-text",
    },
  })
  expect(await deliverQueuedEmails({ now: t0 })).toMatchObject({ sent: 1 })
  expect(resend.requests[0]!.body).toMatchObject({ html: "<p>Hello</p>", text: "Hello, in plain words" })
  expect((await row(id)).status).toBe("SENT")
})

test("a failed send is retried after 30 s, then 2 min, and is sent on the third try", async () => {
  resend.respondWith((request, n) => (n <= 2 ? resendError(500, "internal_server_error") : ok(request, n)))
  const { id } = await queueWelcome("welcome/retry")

  expect(await deliverQueuedEmails({ now: t0 })).toMatchObject({ retrying: 1 })
  expect(await row(id)).toMatchObject({
    status: "QUEUED",
    attempts: 1,
    nextAttemptAt: at(30_000),
    error: "internal_server_error: internal_server_error from the stand-in",
  })

  // Not due before its time.
  expect(await deliverQueuedEmails({ now: at(29_999) })).toMatchObject({ retrying: 0, sent: 0 })
  expect(resend.requests).toHaveLength(1)

  expect(await deliverQueuedEmails({ now: at(30_000) })).toMatchObject({ retrying: 1 })
  expect(await row(id)).toMatchObject({ status: "QUEUED", attempts: 2, nextAttemptAt: at(30_000 + 120_000) })

  expect(await deliverQueuedEmails({ now: at(150_000) })).toMatchObject({ sent: 1 })
  expect(await row(id)).toEqual({
    status: "SENT",
    attempts: 3,
    nextAttemptAt: null,
    providerId: "re_msg_3",
    sentAt: at(150_000),
    error: null,
  })
  // Every try carried the same key, so Resend would have sent it once even if a reply got lost.
  expect(resend.requests.map((r) => r.headers["idempotency-key"])).toEqual([
    "welcome/retry",
    "welcome/retry",
    "welcome/retry",
  ])
})

test("after the first try and five retries (30 s, 2 min, 10 min, 1 h, 6 h) the message fails for good", async () => {
  resend.respondWith(() => resendError(503, "application_error"))
  const { id } = await queueWelcome("welcome/down")
  let now = t0
  const waits: number[] = []
  for (let n = 1; n <= 6; n += 1) {
    await deliverQueuedEmails({ now })
    const { nextAttemptAt } = await row(id)
    if (nextAttemptAt) waits.push(nextAttemptAt.getTime() - now.getTime())
    now = nextAttemptAt ?? now
  }
  expect(waits).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000])
  expect(await row(id)).toMatchObject({
    status: "FAILED",
    attempts: 6,
    nextAttemptAt: null,
    error: "application_error: application_error from the stand-in",
  })
  expect(resend.requests).toHaveLength(6)
})

test("an error Resend will repeat (validation_error) fails at once, without retries", async () => {
  resend.respondWith(() => resendError(422, "validation_error", "Invalid `to` field."))
  const { id } = await queueWelcome("welcome/invalid", "not-an-address")
  expect(await deliverQueuedEmails({ now: t0 })).toMatchObject({ failed: 1 })
  expect(await row(id)).toEqual({
    status: "FAILED",
    attempts: 1,
    nextAttemptAt: null,
    providerId: null,
    sentAt: null,
    error: "validation_error: Invalid `to` field.",
  })
  await deliverQueuedEmails({ now: at(3_600_000) })
  expect(resend.requests).toHaveLength(1)
})

test("an unreachable Resend is a retryable failure", async () => {
  await resend.close()
  pointResendAt("http://127.0.0.1:9")
  const { id } = await queueWelcome("welcome/offline")
  expect(await deliverQueuedEmails({ now: t0 })).toMatchObject({ retrying: 1 })
  expect(await row(id)).toMatchObject({ status: "QUEUED", attempts: 1, nextAttemptAt: at(30_000) })
  expect((await row(id)).error).toMatch(/^application_error: /)
  resend = await startResendStandIn()
})

test("two deliveries running at once send every message exactly once", async () => {
  resend.respondWith((request, n) => ({ ...ok(request, n), delayMs: 20 }))
  for (let n = 1; n <= 6; n += 1) await queueWelcome(`welcome/concurrent-${n}`, `u${n}@test.example`)
  const [a, b] = await Promise.all([deliverQueuedEmails({ now: t0 }), deliverQueuedEmails({ now: t0 })])
  expect(a.sent + b.sent).toBe(6)
  // Both saw the same due rows; the conditional claim turned the loser of each race away.
  expect(a.skipped + b.skipped).toBeGreaterThan(0)
  expect(resend.requests).toHaveLength(6)
  expect(new Set(resend.requests.map((r) => r.headers["idempotency-key"])).size).toBe(6)
  expect(await db.emailMessage.count({ where: { status: "SENT", attempts: 1 } })).toBe(6)
})

test("sendEmail sends through Resend at once, and throws when the message failed for good", async () => {
  // (The sign-in email never comes this way: it carries a secret, see send-redacted.ts.)
  const welcome = { template: "welcome" as const, props: { name: null } }
  expect(await sendEmail({ ...welcome, to: "a@test.example", idempotencyKey: "welcome/x" })).toMatchObject({
    status: "SENT",
  })
  resend.respondWith(() => resendError(409, "invalid_idempotent_request"))
  await expect(sendEmail({ ...welcome, to: "b@test.example", idempotencyKey: "welcome/y" })).rejects.toBeInstanceOf(
    EmailNotSentError,
  )
  resend.respondWith(() => resendError(500, "internal_server_error"))
  // A passing outage is retried later; the caller is not told the mail is lost.
  expect(await sendEmail({ ...welcome, to: "c@test.example", idempotencyKey: "welcome/z" })).toMatchObject({
    status: "QUEUED",
  })
})
