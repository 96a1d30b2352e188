import { expect, test } from "vitest"
import { GET as staffBoard } from "@/app/api/admin/feature-requests/route"
import { POST as setStatus } from "@/app/api/admin/feature-requests/[id]/status/route"
import { GET as staffFeedback } from "@/app/api/admin/feedback/route"
import { db } from "@/lib/db"
import { messageText } from "@/lib/email/plain-text"
import { deliverQueuedEmails } from "@/lib/email/send"
import { createTestToken, createTestUser, signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { createFeatureRequest, unvoteRequest, voteForRequest } from "./feature-requests"
import { subscribeFor } from "./testing/fixtures"

async function customer() {
  const user = await createTestUser("SUBSCRIBER")
  await subscribeFor(user.id, 40)
  return user
}

const change = (id: string, auth: { cookie?: string; token?: string }, body: unknown) =>
  callRoute(setStatus, "POST", `/api/admin/feature-requests/${id}/status`, { ...auth, params: { id }, body })

const mailFor = (title: string) =>
  db.emailMessage.findMany({
    where: { template: "feature-request-status", subject: { contains: title } },
    orderBy: [{ to: "asc" }, { subject: "asc" }],
    select: { to: true, subject: true, status: true },
  })

test("setting a status emails every voter and the author once, in the outbox, and audits it", async () => {
  const support = await signedInAs("SUPPORT")
  const [author, v1, v2, quitter] = [await customer(), await customer(), await customer(), await customer()]
  const request = await createFeatureRequest(author.id, { title: "Export to CSV", body: "" })
  for (const voter of [v1, v2, quitter]) await voteForRequest(voter.id, request.id)
  await unvoteRequest(quitter.id, request.id) // took the vote back: not told
  await unvoteRequest(author.id, request.id) // the author is told even without a vote

  const response = await change(request.id, { cookie: support.cookie }, { status: "PLANNED" })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({
    id: request.id,
    status: "PLANNED",
    previousStatus: "OPEN",
    changed: true,
    recipients: 3,
    emailed: 3,
  })
  expect(
    await db.featureRequest.findUniqueOrThrow({
      where: { id: request.id },
      select: { status: true, statusChangedAt: true },
    }),
  ).toMatchObject({ status: "PLANNED", statusChangedAt: expect.any(Date) })

  await deliverQueuedEmails()
  const subject = 'Feature request update: "Export to CSV" is planned'
  expect(await mailFor("Export to CSV")).toEqual(
    [author, v1, v2].map((u) => ({ to: u.email, subject, status: "OUTBOX" })).sort((a, b) => a.to.localeCompare(b.to)),
  )
  const authorMail = await db.emailMessage.findFirstOrThrow({
    where: { to: author.email, template: "feature-request-status" },
    select: { html: true, text: true },
  })
  expect(messageText(authorMail)).toContain("you posted")
  expect(messageText(authorMail)).toContain("/account/feedback")

  const audit = await db.auditLog.findMany({
    where: { targetId: request.id },
    select: { action: true, actorEmail: true, targetType: true, metadata: true },
  })
  expect(audit).toEqual([
    {
      action: "feature_request.status_changed",
      actorEmail: support.user.email,
      targetType: "feature_request",
      metadata: { from: "OPEN", to: "PLANNED", recipients: 3, emailed: 3 },
    },
  ])
  // The handler's own entry replaces the wrapper's generic one.
  expect(await db.auditLog.count({ where: { actorId: support.user.id, action: "staff.write" } })).toBe(0)
})

test("a repeated status sends nothing twice, even after moving away and back; a new voter still hears", async () => {
  const admin = await signedInAs("ADMIN")
  const [author, voter] = [await customer(), await customer()]
  const request = await createFeatureRequest(author.id, { title: "Team billing", body: "" })
  await voteForRequest(voter.id, request.id)

  expect(await (await change(request.id, { cookie: admin.cookie }, { status: "PLANNED" })).json()).toMatchObject({
    changed: true,
    emailed: 2,
  })
  // Same status again: no change, no mail, no audit entry.
  expect(await (await change(request.id, { cookie: admin.cookie }, { status: "PLANNED" })).json()).toMatchObject({
    changed: false,
    emailed: 0,
  })
  expect(await (await change(request.id, { cookie: admin.cookie }, { status: "IN_PROGRESS" })).json()).toMatchObject({
    changed: true,
    emailed: 2,
  })
  const late = await customer()
  await voteForRequest(late.id, request.id)
  // Back to planned: the two already told about "planned" are not emailed again; the new voter is.
  expect(await (await change(request.id, { cookie: admin.cookie }, { status: "PLANNED" })).json()).toMatchObject({
    changed: true,
    recipients: 3,
    emailed: 1,
  })

  const mails = await mailFor("Team billing")
  // author: planned + in progress; voter: planned + in progress; late: planned → 5 messages, none twice.
  expect(mails).toHaveLength(5)
  expect(mails.filter((m) => m.to === late.email).map((m) => m.subject)).toEqual([
    'Feature request update: "Team billing" is planned',
  ])
  expect(await db.auditLog.count({ where: { targetId: request.id, action: "feature_request.status_changed" } })).toBe(3)
})

test("staff API tokens may set statuses; engineers and subscribers may not; bad input changes nothing", async () => {
  const owner = await createTestUser("OWNER")
  // The status route declares no scope, so a token's write there needs admin.
  const { token } = await createTestToken(owner, ["admin"])
  const author = await customer()
  const request = await createFeatureRequest(author.id, { title: "Slack alerts", body: "" })

  const byToken = await change(request.id, { token }, { status: "SHIPPED" })
  expect(byToken.status).toBe(200)
  expect(
    (await db.auditLog.findFirstOrThrow({ where: { targetId: request.id }, select: { actorEmail: true } })).actorEmail,
  ).toBe(owner.email)

  const engineer = await signedInAs("ENGINEER")
  const subscriber = await signedInAs("SUBSCRIBER")
  expect((await change(request.id, { cookie: engineer.cookie }, { status: "DECLINED" })).status).toBe(403)
  expect((await change(request.id, { cookie: subscriber.cookie }, { status: "DECLINED" })).status).toBe(403)
  expect((await change(request.id, {}, { status: "DECLINED" })).status).toBe(401)

  const support = await signedInAs("SUPPORT")
  for (const body of [{ status: "OPEN" }, { status: "DONE" }, {}])
    expect((await change(request.id, { cookie: support.cookie }, body)).status).toBe(422)
  expect((await change("no-such-request", { cookie: support.cookie }, { status: "PLANNED" })).status).toBe(404)
  expect((await db.featureRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("SHIPPED")
  expect(await db.emailMessage.count({ where: { subject: { contains: "Slack alerts" } } })).toBe(1)
})

test("staff read the board with authors, feedback messages and NPS answers; engineers may not", async () => {
  const support = await signedInAs("SUPPORT")
  const author = await customer()
  await createFeatureRequest(author.id, { title: "Staff list request", body: "details" })
  await db.feedbackMessage.create({ data: { userId: author.id, rating: 5, message: "Great service" } })
  await db.npsResponse.createMany({
    data: [
      { userId: author.id, score: 9, comment: "Love it" },
      { userId: author.id, dismissed: true },
    ],
  })

  const boardPage = await (
    await callRoute(staffBoard, "GET", "/api/admin/feature-requests?sort=new", { cookie: support.cookie })
  ).json()
  expect(boardPage.items.find((i: { title: string }) => i.title === "Staff list request")).toMatchObject({
    authorEmail: author.email,
    voteCount: 1,
  })
  const feedback = await (
    await callRoute(staffFeedback, "GET", "/api/admin/feedback", { cookie: support.cookie })
  ).json()
  expect(feedback.messages.items).toEqual(
    expect.arrayContaining([expect.objectContaining({ userEmail: author.email, rating: 5, message: "Great service" })]),
  )
  // Dismissals are not answers.
  expect(feedback.nps.items.filter((i: { userEmail: string }) => i.userEmail === author.email)).toEqual([
    expect.objectContaining({ score: 9, comment: "Love it" }),
  ])

  const engineer = await signedInAs("ENGINEER")
  expect((await callRoute(staffFeedback, "GET", "/api/admin/feedback", { cookie: engineer.cookie })).status).toBe(403)
  expect((await callRoute(staffBoard, "GET", "/api/admin/feature-requests", { cookie: engineer.cookie })).status).toBe(
    403,
  )
})
