import "server-only"
import type { FeatureRequestStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import { type Paged, paged } from "@/lib/utils/pagination"
import { boardPageArgs } from "./feature-requests"
import type { BoardQuery } from "./schemas"

// What staff read on /admin/feedback and GET /api/admin/…: the same rows as the portal, with who wrote them.

export type StaffBoardItem = {
  id: string
  title: string
  body: string
  status: FeatureRequestStatus
  voteCount: number
  createdAt: Date
  statusChangedAt: Date | null
  authorEmail: string
}

export async function listStaffBoard(query: BoardQuery): Promise<Paged<StaffBoardItem>> {
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
        author: { select: { email: true } },
      },
    }),
  ])
  return paged(
    rows.map(({ author, ...row }) => ({ ...row, authorEmail: author.email })),
    total,
    query,
  )
}

export type StaffFeedbackMessage = {
  id: string
  rating: number | null
  message: string
  page: string | null
  createdAt: Date
  userEmail: string
}

/** The feedback form's messages, newest first. */
export async function listFeedbackMessages({
  page,
  pageSize,
}: {
  page: number
  pageSize: number
}): Promise<Paged<StaffFeedbackMessage>> {
  const [total, rows] = await db.$transaction([
    db.feedbackMessage.count(),
    db.feedbackMessage.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, rating: true, message: true, page: true, createdAt: true, user: { select: { email: true } } },
    }),
  ])
  return paged(
    rows.map(({ user, ...row }) => ({ ...row, userEmail: user.email })),
    total,
    { page, pageSize },
  )
}

export type StaffNpsResponse = { id: string; score: number; comment: string | null; createdAt: Date; userEmail: string }

/** Answered NPS surveys (dismissals are not answers), newest first; optionally only those with a comment. */
export async function listNpsResponses({
  page,
  pageSize,
  withComment,
}: {
  page: number
  pageSize: number
  withComment: boolean
}): Promise<Paged<StaffNpsResponse>> {
  const where = { score: { not: null }, ...(withComment ? { comment: { not: null } } : {}) }
  const [total, rows] = await db.$transaction([
    db.npsResponse.count({ where }),
    db.npsResponse.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, score: true, comment: true, createdAt: true, user: { select: { email: true } } },
    }),
  ])
  return paged(
    rows.map(({ user, score, ...row }) => ({ ...row, score: score!, userEmail: user.email })),
    total,
    { page, pageSize },
  )
}
