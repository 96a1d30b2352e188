import { expect, test } from "vitest"
import { GET as board, POST as post } from "@/app/api/account/feature-requests/route"
import { DELETE as unvote, POST as vote } from "@/app/api/account/feature-requests/[id]/vote/route"
import { db } from "@/lib/db"
import { signedInAs } from "@/lib/testing/fixtures"
import { callRoute } from "@/lib/testing/http"
import { subscribeFor } from "./testing/fixtures"

async function customer() {
  const me = await signedInAs("SUBSCRIBER")
  await subscribeFor(me.user.id, 10)
  return me
}

const create = (cookie: string, body: unknown) =>
  callRoute(post, "POST", "/api/account/feature-requests", { cookie, body })
const voteOn = (id: string, cookie: string) =>
  callRoute(vote, "POST", `/api/account/feature-requests/${id}/vote`, { cookie, params: { id } })
const unvoteOn = (id: string, cookie: string) =>
  callRoute(unvote, "DELETE", `/api/account/feature-requests/${id}/vote`, { cookie, params: { id } })
const list = async (cookie: string, query = "") =>
  (await callRoute(board, "GET", `/api/account/feature-requests${query}`, { cookie })).json()
const countOf = async (id: string) =>
  (await db.featureRequest.findUniqueOrThrow({ where: { id }, select: { voteCount: true } })).voteCount
const votesOf = (id: string) => db.featureRequestVote.count({ where: { requestId: id } })

test("posting a request puts the author's vote on it; voting twice counts once; unvoting takes it back", async () => {
  const author = await customer()
  const created = await create(author.cookie, { title: "  Dark mode  ", body: "Please, for late nights." })
  expect(created.status).toBe(201)
  const request = await created.json()
  expect(request).toMatchObject({ title: "Dark mode", status: "OPEN", voteCount: 1, votedByMe: true, mine: true })
  expect(await votesOf(request.id)).toBe(1)

  const voter = await customer()
  expect(await (await voteOn(request.id, voter.cookie)).json()).toEqual({
    requestId: request.id,
    voted: true,
    voteCount: 2,
    changed: true,
  })
  expect(await (await voteOn(request.id, voter.cookie)).json()).toEqual({
    requestId: request.id,
    voted: true,
    voteCount: 2,
    changed: false,
  })
  expect(await (await unvoteOn(request.id, voter.cookie)).json()).toEqual({
    requestId: request.id,
    voted: false,
    voteCount: 1,
    changed: true,
  })
  expect(await (await unvoteOn(request.id, voter.cookie)).json()).toEqual({
    requestId: request.id,
    voted: false,
    voteCount: 1,
    changed: false,
  })
  // The author may take their own vote back too.
  expect(await (await unvoteOn(request.id, author.cookie)).json()).toMatchObject({ voteCount: 0, changed: true })
  expect([await countOf(request.id), await votesOf(request.id)]).toEqual([0, 0])
})

test("concurrent votes never drift: 12 users voting at once, each twice, and half unvoting at once", async () => {
  const author = await customer()
  const { id } = await (await create(author.cookie, { title: "Concurrent request" })).json()
  const voters = await Promise.all(Array.from({ length: 12 }, () => customer()))
  // Every voter clicks twice, all at the same time: 24 posts, 12 new votes.
  const results = await Promise.all(voters.flatMap((v) => [voteOn(id, v.cookie), voteOn(id, v.cookie)]))
  expect(results.every((r) => r.status === 200)).toBe(true)
  // 1 (author) + 12 = 13, and the count agrees with the rows.
  expect([await countOf(id), await votesOf(id)]).toEqual([13, 13])
  // Six take their vote back at once, each twice, while the other six vote again: 13 − 6 = 7.
  await Promise.all([
    ...voters.slice(0, 6).flatMap((v) => [unvoteOn(id, v.cookie), unvoteOn(id, v.cookie)]),
    ...voters.slice(6).map((v) => voteOn(id, v.cookie)),
  ])
  expect([await countOf(id), await votesOf(id)]).toEqual([7, 7])
})

test("the board sorts by votes or by date, filters by status, pages, and marks the caller's votes", async () => {
  const me = await customer()
  const other = await customer()
  // A fresh tag per run keeps this test's requests apart from the other tests' in this file.
  const tag = `sort-${Date.now()}`
  const ids: string[] = []
  for (const n of [1, 2, 3]) ids.push((await (await create(other.cookie, { title: `${tag} request ${n}` })).json()).id)
  await voteOn(ids[0]!, me.cookie) // request 1: 2 votes (author + me), the others 1
  await db.featureRequest.update({ where: { id: ids[2]! }, data: { status: "PLANNED" } })

  const top = (await list(me.cookie, "?sort=top&pageSize=100")).items.filter((i: { title: string }) =>
    i.title.startsWith(tag),
  )
  expect(top.map((i: { title: string; votedByMe: boolean; mine: boolean }) => [i.title, i.votedByMe, i.mine])).toEqual([
    [`${tag} request 1`, true, false],
    [`${tag} request 3`, false, false],
    [`${tag} request 2`, false, false],
  ])
  const newest = (await list(me.cookie, "?sort=new&pageSize=100")).items.filter((i: { title: string }) =>
    i.title.startsWith(tag),
  )
  expect(newest.map((i: { title: string }) => i.title)).toEqual([3, 2, 1].map((n) => `${tag} request ${n}`))
  const planned = await list(me.cookie, "?status=PLANNED&pageSize=100")
  expect(planned.items.map((i: { id: string }) => i.id)).toContain(ids[2])
  expect(planned.items.every((i: { status: string }) => i.status === "PLANNED")).toBe(true)

  const page = await list(me.cookie, "?sort=new&pageSize=2&page=2")
  expect(page).toMatchObject({ page: 2, pageSize: 2 })
  expect(page.pageCount).toBe(Math.ceil(page.total / 2))
  const badQuery = await callRoute(board, "GET", "/api/account/feature-requests?sort=random", { cookie: me.cookie })
  expect(badQuery.status).toBe(422)
})

test("closed requests take no new votes; unknown ids are 404; only customers post and vote", async () => {
  const me = await customer()
  const { id } = await (await create(me.cookie, { title: "Shipped soon" })).json()
  await db.featureRequest.update({ where: { id }, data: { status: "SHIPPED" } })
  const other = await customer()
  expect((await voteOn(id, other.cookie)).status).toBe(409)
  expect(await countOf(id)).toBe(1)
  expect((await voteOn("no-such-request", other.cookie)).status).toBe(404)
  expect((await unvoteOn("no-such-request", other.cookie)).status).toBe(404)

  const visitor = await signedInAs("SUBSCRIBER") // signed in, never subscribed
  expect((await create(visitor.cookie, { title: "Free stuff please" })).status).toBe(403)
  const open = await (await create(me.cookie, { title: "Open request" })).json()
  expect((await voteOn(open.id, visitor.cookie)).status).toBe(403)
  expect(await countOf(open.id)).toBe(1)
  expect(
    (await callRoute(post, "POST", "/api/account/feature-requests", { body: { title: "Anonymous" } })).status,
  ).toBe(401)
  expect(
    (await callRoute(vote, "POST", `/api/account/feature-requests/${open.id}/vote`, { params: { id: open.id } }))
      .status,
  ).toBe(401)
  expect(
    (await callRoute(unvote, "DELETE", `/api/account/feature-requests/${open.id}/vote`, { params: { id: open.id } }))
      .status,
  ).toBe(401)
  expect((await callRoute(board, "GET", "/api/account/feature-requests")).status).toBe(401)
})

test("invalid requests are 422 and write nothing; posting is rate limited", async () => {
  const me = await customer()
  for (const body of [
    { title: "abc" },
    { title: "x".repeat(121) },
    { title: "Fine title", body: "x".repeat(2001) },
    {},
  ]) {
    expect((await create(me.cookie, body)).status).toBe(422)
  }
  expect(await db.featureRequest.count({ where: { authorId: me.user.id } })).toBe(0)

  // 5 attempts an hour per user (refused ones count too): the sixth is 429 with Retry-After.
  const busy = await customer()
  for (let n = 1; n <= 5; n++) expect((await create(busy.cookie, { title: `Request number ${n}` })).status).toBe(201)
  const sixth = await create(busy.cookie, { title: "Request number 6" })
  expect(sixth.status).toBe(429)
  expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0)
  expect(await db.featureRequest.count({ where: { authorId: busy.user.id } })).toBe(5)
})
