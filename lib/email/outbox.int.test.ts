import { beforeEach, expect, test } from "vitest"
import { db } from "@/lib/db"
import { toPlainText } from "./plain-text"
import { getMailboxMessage } from "./queries"
import { renderEmail } from "./render"
import { deliverDueEmails, deliverQueuedEmails, queueEmail, sendEmail } from "./send"
import { pointResendAt } from "./testing/resend-stand-in"

const seatReady = { name: "Ada", orderRef: "ord_1", planName: "Pro monthly" }

beforeEach(async () => {
  pointResendAt(undefined)
  await db.emailMessage.deleteMany()
})

test("an email queued in a transaction that rolls back leaves nothing", async () => {
  const attempt = db.$transaction(async (tx) => {
    await queueEmail(tx, {
      to: "ada@test.example",
      template: "seat-ready",
      props: seatReady,
      idempotencyKey: "seat-ready/rolled-back",
    })
    throw new Error("the order update failed")
  })
  await expect(attempt).rejects.toThrow("the order update failed")
  expect(await db.emailMessage.count()).toBe(0)
})

test("the same idempotency key queues one message", async () => {
  const input = {
    to: "ada@test.example",
    template: "seat-ready" as const,
    props: seatReady,
    idempotencyKey: "seat-ready/ord_1",
  }
  const first = await db.$transaction((tx) => queueEmail(tx, input))
  const second = await db.$transaction((tx) =>
    queueEmail(tx, { ...input, props: { ...seatReady, planName: "Changed" } }),
  )
  expect(first).toMatchObject({ status: "QUEUED", created: true })
  expect(second).toEqual({ id: first.id, status: "QUEUED", created: false })
  const rows = await db.emailMessage.findMany()
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({
    to: "ada@test.example",
    template: "seat-ready",
    subject: "Your Pro monthly seat is ready",
    attempts: 0,
    nextAttemptAt: null,
  })
  expect(rows[0]!.html).toContain("http://localhost:3000/account")
})

test("a queued email stores no plain text; the mailbox derives the text the converter gives", async () => {
  const { id } = await db.$transaction((tx) =>
    queueEmail(tx, {
      to: "ada@test.example",
      template: "seat-ready",
      props: seatReady,
      idempotencyKey: "seat-ready/text",
    }),
  )
  const stored = await db.emailMessage.findUniqueOrThrow({ where: { id }, select: { html: true, text: true } })
  expect(stored.text).toBeNull()

  const shown = await getMailboxMessage(id)
  const rendered = await renderEmail("seat-ready", seatReady)
  expect(shown!.text).toBe(toPlainText(stored.html))
  // The same text the template's preview gives, and the same as it was stored before text was optional.
  expect(shown!.text).toBe(rendered.text)
  expect(shown!.text).toContain("Hi Ada,")
  expect(shown!.text).toContain("never send them by email")
})

test("without Resend, delivery moves due messages to the outbox, oldest first, up to the limit", async () => {
  const now = new Date()
  for (const n of [1, 2, 3]) {
    await db.$transaction((tx) =>
      queueEmail(tx, {
        to: `u${n}@test.example`,
        template: "welcome",
        props: { name: null },
        idempotencyKey: `welcome/u${n}`,
      }),
    )
  }
  // A message waiting for its retry is not due yet.
  await db.emailMessage.update({
    where: { idempotencyKey: "welcome/u1" },
    data: { nextAttemptAt: new Date(now.getTime() + 30_000) },
  })

  expect(await deliverQueuedEmails({ limit: 1, now })).toEqual({
    sent: 0,
    outbox: 1,
    retrying: 0,
    failed: 0,
    skipped: 0,
  })
  const status = async () =>
    Object.fromEntries(
      (await db.emailMessage.findMany({ select: { to: true, status: true } })).map((m) => [m.to, m.status]),
    )
  expect(await status()).toEqual({
    "u1@test.example": "QUEUED",
    "u2@test.example": "OUTBOX",
    "u3@test.example": "QUEUED",
  })

  expect(await deliverQueuedEmails({ now })).toEqual({ sent: 0, outbox: 1, retrying: 0, failed: 0, skipped: 0 })
  expect(await deliverQueuedEmails({ now: new Date(now.getTime() + 30_000) })).toMatchObject({ outbox: 1 })
  expect(Object.values(await status())).toEqual(["OUTBOX", "OUTBOX", "OUTBOX"])
  expect(await db.emailMessage.findFirst({ select: { attempts: true, sentAt: true, nextAttemptAt: true } })).toEqual({
    attempts: 0,
    sentAt: null,
    nextAttemptAt: null,
  })
})

test("delivering what is due empties a backlog bigger than one batch, batch after batch", async () => {
  for (let n = 0; n < 45; n++) {
    await db.$transaction((tx) =>
      queueEmail(tx, {
        to: `b${n}@test.example`,
        template: "welcome",
        props: { name: null },
        idempotencyKey: `welcome/b${n}`,
      }),
    )
  }
  // 45 due in batches of 20: 20 + 20 + 5, and the short third batch ends the call.
  expect(await deliverDueEmails({ limit: 20 })).toEqual({ sent: 0, outbox: 45, retrying: 0, failed: 0, skipped: 0 })
  expect(await db.emailMessage.count({ where: { status: "QUEUED" } })).toBe(0)
  // Nothing due: one empty batch, nothing moved.
  expect(await deliverDueEmails({ limit: 20 })).toEqual({ sent: 0, outbox: 0, retrying: 0, failed: 0, skipped: 0 })
})

test("sendEmail puts the message in the outbox at once; a repeat sends nothing new", async () => {
  const input = {
    to: "new@test.example",
    template: "welcome" as const,
    props: { name: null },
    idempotencyKey: "welcome/t",
  }
  const first = await sendEmail(input)
  expect(first.status).toBe("OUTBOX")
  expect(await sendEmail(input)).toEqual(first)
  expect(await db.emailMessage.count()).toBe(1)
})

test("an idempotency key Resend would refuse is refused before anything is stored", async () => {
  const input = { to: "a@test.example", template: "welcome" as const, props: { name: null } }
  await expect(db.$transaction((tx) => queueEmail(tx, { ...input, idempotencyKey: "" }))).rejects.toThrow("1 to 256")
  await expect(db.$transaction((tx) => queueEmail(tx, { ...input, idempotencyKey: "k".repeat(257) }))).rejects.toThrow(
    "1 to 256",
  )
  expect(await db.emailMessage.count()).toBe(0)
})
