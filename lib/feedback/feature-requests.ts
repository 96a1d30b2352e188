import "server-only"
import type { Prisma } from "@/generated/prisma/client"
import type { FeatureRequestStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { type Paged, paged } from "@/lib/utils/pagination"
import { isClosedStatus } from "./format"
import type { BoardQuery, FeatureRequestInput } from "./schemas"

// The board, subscriber side. vote_count is kept exact by the same statement pattern everywhere:
// the vote row is inserted (or deleted) first, and only when that changed a row is the count moved
// by ±1 in the same transaction. The primary key on (request_id, user_id) makes a concurrent second
// vote by the same user wait for the first and then insert nothing, so it moves nothing; votes by
// different users each add their own 1 under the row lock of the UPDATE. The count never drifts.

export type BoardItem = {
  id: string
  title: string
  body: string
  status: FeatureRequestStatus
  voteCount: number
  createdAt: Date
  statusChangedAt: Date | null
  votedByMe: boolean
  mine: boolean
}

export type BoardPage = Paged<BoardItem>

/** The filter, order and page of a board query, for `featureRequest.findMany` (its `where` for `count`). */
export function boardPageArgs(query: BoardQuery) {
  const where: Prisma.FeatureRequestWhereInput = query.status === "all" ? {} : { status: query.status }
  const orderBy: Prisma.FeatureRequestOrderByWithRelationInput[] =
    query.sort === "new"
      ? [{ createdAt: "desc" }, { id: "desc" }]
      : [{ voteCount: "desc" }, { createdAt: "desc" }, { id: "desc" }]
  return { where, orderBy, skip: (query.page - 1) * query.pageSize, take: query.pageSize }
}

/** A page of the board as `userId` sees it: whether they voted, which requests are theirs. */
export async function listBoard(userId: string, query: BoardQuery): Promise<BoardPage> {
  const args = boardPageArgs(query)
  const [total, rows] = await db.$transaction([
    db.featureRequest.count({ where: args.where }),
    db.featureRequest.findMany({
      ...args,
      select: {
        id: true,
        title: true,
        body: true,
        status: true,
        voteCount: true,
        createdAt: true,
        statusChangedAt: true,
        authorId: true,
        votes: { where: { userId }, select: { userId: true } },
      },
    }),
  ])
  const items = rows.map(({ authorId, votes, ...row }) => ({
    ...row,
    votedByMe: votes.length > 0,
    mine: authorId === userId,
  }))
  return paged(items, total, query)
}

/** Posting and voting are for customers: anyone who has had a subscription, live or not. */
export async function isCustomer(userId: string): Promise<boolean> {
  return (await db.subscription.count({ where: { userId } })) > 0
}

async function requireCustomer(userId: string): Promise<void> {
  if (!(await isCustomer(userId))) throw new AppError("forbidden", "subscribe to post or vote on feature requests")
}

/** Posts a request with its author's vote already on it. */
export async function createFeatureRequest(userId: string, input: FeatureRequestInput): Promise<BoardItem> {
  await requireCustomer(userId)
  const created = await db.$transaction(async (tx) => {
    const request = await tx.featureRequest.create({
      data: { title: input.title, body: input.body, authorId: userId, voteCount: 1 },
      select: {
        id: true,
        title: true,
        body: true,
        status: true,
        voteCount: true,
        createdAt: true,
        statusChangedAt: true,
      },
    })
    await tx.featureRequestVote.create({ data: { requestId: request.id, userId } })
    return request
  })
  return { ...created, votedByMe: true, mine: true }
}

export type VoteResult = { requestId: string; voted: boolean; voteCount: number; changed: boolean }

/** Adds the user's vote; voting twice changes nothing. Closed (shipped, declined) requests take no new votes. */
export async function voteForRequest(userId: string, requestId: string): Promise<VoteResult> {
  await requireCustomer(userId)
  return db.$transaction(async (tx) => {
    const request = await tx.featureRequest.findUnique({
      where: { id: requestId },
      select: { status: true, voteCount: true },
    })
    if (!request) throw new AppError("not_found", "no such feature request")
    if (isClosedStatus(request.status))
      throw new AppError("conflict", `this request is ${request.status.toLowerCase()}; it takes no new votes`)
    const inserted = await tx.$executeRaw`
      INSERT INTO feature_request_votes (request_id, user_id, created_at) VALUES (${requestId}, ${userId}, now())
      ON CONFLICT (request_id, user_id) DO NOTHING`
    if (inserted === 0) return { requestId, voted: true, voteCount: await currentCount(tx, requestId), changed: false }
    const [row] = await tx.$queryRaw<{ vote_count: number }[]>`
      UPDATE feature_requests SET vote_count = vote_count + 1, updated_at = now() WHERE id = ${requestId} RETURNING vote_count`
    return { requestId, voted: true, voteCount: row!.vote_count, changed: true }
  })
}

/** Takes the user's vote back; without a vote it changes nothing. */
export async function unvoteRequest(userId: string, requestId: string): Promise<VoteResult> {
  return db.$transaction(async (tx) => {
    const exists = await tx.featureRequest.count({ where: { id: requestId } })
    if (exists === 0) throw new AppError("not_found", "no such feature request")
    const deleted =
      await tx.$executeRaw`DELETE FROM feature_request_votes WHERE request_id = ${requestId} AND user_id = ${userId}`
    if (deleted === 0) return { requestId, voted: false, voteCount: await currentCount(tx, requestId), changed: false }
    const [row] = await tx.$queryRaw<{ vote_count: number }[]>`
      UPDATE feature_requests SET vote_count = vote_count - 1, updated_at = now() WHERE id = ${requestId} RETURNING vote_count`
    return { requestId, voted: false, voteCount: row!.vote_count, changed: true }
  })
}

async function currentCount(tx: Prisma.TransactionClient, requestId: string): Promise<number> {
  const row = await tx.featureRequest.findUniqueOrThrow({ where: { id: requestId }, select: { voteCount: true } })
  return row.voteCount
}
