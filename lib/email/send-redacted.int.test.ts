import { afterEach, beforeEach, expect, test } from "vitest"
import { db } from "@/lib/db"
import { heldMessage } from "./demo-mailbox"
import { deliverDueEmails, EmailNotSentError, queueEmail } from "./send"
import { sendRedactedEmail } from "./send-redacted"
import { resendError, startResendStandIn } from "./testing/resend-stand-in"

type StandIn = Awaited<ReturnType<typeof startResendStandIn>>
let resend: StandIn

beforeEach(async () => {
  resend = await startResendStandIn()
})
afterEach(() => resend.close())

const link = "https://app.example/signin/confirm?token=secret-token-1&email=ada%40test.example"
const input = (key: string) => ({
  to: "ada@test.example",
  template: "magic-link" as const,
  props: { url: link, host: "app.example" },
  secretExpiresAt: new Date(Date.now() + 900_000),
  idempotencyKey: key,
  retryDelaysMs: [1, 1],
})

test("Resend gets the link at once; the stored row is the copy without it, marked sent", async () => {
  const sent = await sendRedactedEmail(input("magic-link/k1"))
  expect(sent.status).toBe("SENT")
  expect(resend.requests).toHaveLength(1)
  expect(resend.requests[0]!.body.html).toContain(link.replaceAll("&", "&amp;"))
  expect(resend.requests[0]!.headers["idempotency-key"]).toBe("magic-link/k1")
  const row = await db.emailMessage.findUniqueOrThrow({ where: { id: sent.id } })
  expect(row).toMatchObject({ status: "SENT", providerId: "re_msg_1", attempts: 1, template: "magic-link" })
  expect(JSON.stringify(row)).not.toContain("secret-token-1")
  expect(row.html).toContain("[sign-in link removed]")
  // Nothing is held for a mailbox when a real email went out.
  expect(heldMessage(sent.id)).toBeUndefined()
  // A repeat of the key sends nothing.
  expect(await sendRedactedEmail(input("magic-link/k1"))).toEqual(sent)
  expect(resend.requests).toHaveLength(1)
  // The background delivery has nothing to do with it.
  expect(await deliverDueEmails()).toMatchObject({ sent: 0, failed: 0 })
})

test("a failing send is tried again in the request; every try failing is a FAILED row and an error", async () => {
  resend.respondWith((_request, n) =>
    n === 1 ? resendError(500, "application_error") : { status: 200, body: { id: `re_retry_${n}` } },
  )
  const retried = await sendRedactedEmail(input("magic-link/k2"))
  expect(
    await db.emailMessage.findUniqueOrThrow({ where: { id: retried.id }, select: { status: true, attempts: true } }),
  ).toEqual({ status: "SENT", attempts: 2 })

  resend.respondWith(() => resendError(500, "application_error"))
  await expect(sendRedactedEmail(input("magic-link/k3"))).rejects.toBeInstanceOf(EmailNotSentError)
  const failed = await db.emailMessage.findUniqueOrThrow({ where: { idempotencyKey: "magic-link/k3" } })
  expect(failed).toMatchObject({ status: "FAILED", attempts: 3 })
  expect(failed.error).toContain("application_error")

  // A refusal that would repeat is not tried again.
  const before = resend.requests.length
  resend.respondWith(() => resendError(422, "validation_error"))
  await expect(sendRedactedEmail(input("magic-link/k4"))).rejects.toBeInstanceOf(EmailNotSentError)
  expect(resend.requests.length - before).toBe(1)
})

test("the outbox refuses a template that carries a secret", async () => {
  await expect(
    db.$transaction((tx) =>
      queueEmail(tx, {
        to: "a@test.example",
        template: "magic-link",
        props: { url: link, host: "app.example" },
        idempotencyKey: "magic-link/k5",
      }),
    ),
  ).rejects.toThrow("sendRedactedEmail")
  expect(await db.emailMessage.count({ where: { idempotencyKey: "magic-link/k5" } })).toBe(0)
})
