import { afterEach, beforeEach, expect, test } from "vitest"
import { db } from "@/lib/db"
import { env } from "@/lib/env"
import { deliverQueuedEmails } from "./deliver"
import { queueEmail } from "./outbox"
import { emailPacer, resetEmailPacer } from "./pacer"
import { resendClient } from "./resend-client"
import { sendThroughResend } from "./resend-send"
import { EMAIL_TEMPLATES } from "./templates"
import { ok, rateLimited, startResendStandIn } from "./testing/resend-stand-in"

// Resend's rate limit, against the local stand-in for its API: the real SDK, the real pacer (at
// the default 2 requests per second) and the real outbox.

type StandIn = Awaited<ReturnType<typeof startResendStandIn>>
let resend: StandIn

beforeEach(async () => {
  await db.emailMessage.deleteMany()
  resetEmailPacer()
  resend = await startResendStandIn()
})
afterEach(async () => {
  await resend.close()
  // A hold left by a test must not slow the next one.
  resetEmailPacer()
})

const t0 = new Date("2026-03-01T12:00:00.000Z")
const at = (ms: number) => new Date(t0.getTime() + ms)
const row = (id: string) =>
  db.emailMessage.findUniqueOrThrow({
    where: { id },
    select: { status: true, attempts: true, nextAttemptAt: true, providerId: true, error: true },
  })

function queueWelcome(key: string) {
  return db.$transaction((tx) =>
    queueEmail(tx, { to: "ada@test.example", template: "welcome", props: { name: "Ada" }, idempotencyKey: key }),
  )
}
function queueBulk(key: string) {
  return db.$transaction((tx) =>
    queueEmail(tx, {
      to: `${key.replace(/\W/g, "-")}@test.example`,
      template: "feature-request-status",
      props: EMAIL_TEMPLATES["feature-request-status"].previewProps,
      idempotencyKey: key,
    }),
  )
}

test("a 429 with Retry-After is retried after that delay, and does not count as one of the message's tries", async () => {
  expect(env().RESEND_REQUESTS_PER_SECOND).toBe(2)
  resend.respondWith((request, n) => (n === 1 ? rateLimited(2) : ok(request, n)))
  const { id } = await queueWelcome("welcome/rate-limited")

  expect(await deliverQueuedEmails({ now: t0 })).toEqual({ sent: 1, outbox: 0, retrying: 0, failed: 0, skipped: 0 })
  expect(resend.requests).toHaveLength(2)
  // Sent again once Resend's 2 s were over (the pacer alone would have allowed it at once).
  const [first, second] = resend.requests
  expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(2_000)
  expect(second!.headers["idempotency-key"]).toBe("welcome/rate-limited")
  // One try, not two: the 429 gave its try back.
  expect(await row(id)).toEqual({
    status: "SENT",
    attempts: 1,
    nextAttemptAt: null,
    providerId: "re_msg_2",
    error: null,
  })
})

test("a Retry-After too long to wait in place puts the message back, due after it, with its tries untouched", async () => {
  resend.respondWith(() => rateLimited(60))
  const { id } = await queueWelcome("welcome/rate-limited-long")

  expect(await deliverQueuedEmails({ now: t0 })).toMatchObject({ retrying: 1, failed: 0 })
  expect(await row(id)).toEqual({
    status: "QUEUED",
    attempts: 0,
    nextAttemptAt: at(60_000),
    providerId: null,
    error: "rate_limit_exceeded: Too many requests. You can only make 2 requests per second.",
  })
  expect(resend.requests).toHaveLength(1)
  // The whole process holds its sends meanwhile (this test does not wait the minute out).
  let started = false
  void emailPacer()
    .pace("interactive")
    .then(() => (started = true))
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(started).toBe(false)
  resetEmailPacer()

  // Not due before the minute is over; then sent, as its first try.
  resend.respondWith(ok)
  expect(await deliverQueuedEmails({ now: at(59_999) })).toMatchObject({ sent: 0, retrying: 0 })
  expect(await deliverQueuedEmails({ now: at(60_000) })).toMatchObject({ sent: 1 })
  expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1, error: null })
})

test("waiting mail goes out most urgent first, two requests a second, and a direct sign-in send overtakes the bulk still waiting", async () => {
  for (let n = 1; n <= 5; n++) await queueBulk(`feature-request-status/bulk-${n}`)
  await queueWelcome("welcome/after-the-bulk")

  const drain = deliverQueuedEmails({ now: t0 })
  // The direct send (as a sign-in link is sent) joins while the drain waits for its turns.
  await new Promise((resolve) => setTimeout(resolve, 200))
  const direct = await sendThroughResend(
    resendClient()!,
    { from: env().EMAIL_FROM, to: "signing-in@test.example", subject: "Your sign-in link", html: "<p>link</p>" },
    { priority: "interactive", idempotencyKey: "magic-link/direct", timeoutMs: 10_000 },
  )
  expect(direct).toMatchObject({ error: null, rateLimitedForMs: null })
  expect(await drain).toMatchObject({ sent: 6 })

  const order = resend.requests.map((r) => String(r.headers["idempotency-key"]))
  // Queued last, the transactional welcome went first; the sign-in link went at the next free turn.
  expect(order[0]).toBe("welcome/after-the-bulk")
  expect(order.indexOf("magic-link/direct")).toBeLessThanOrEqual(2)
  expect(order.filter((key) => key.startsWith("feature-request-status/"))).toEqual(
    [1, 2, 3, 4, 5].map((n) => `feature-request-status/bulk-${n}`),
  )
  // Never more than two requests in any second.
  const times = resend.requests.map((r) => r.receivedAt)
  for (const start of times) expect(times.filter((t) => t >= start && t < start + 1_000).length).toBeLessThanOrEqual(2)
})
