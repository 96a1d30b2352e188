import "server-only"
import type { FeatureRequestStatus } from "@/generated/prisma/enums"
import { db } from "@/lib/db"
import type { DayRange } from "@/lib/utils/time-range"
import {
  changeOf,
  npsTrend,
  periodLabel,
  summarizeCsat,
  summarizeNps,
  trendUnitFor,
  type CsatSummary,
  type NpsSummary,
  type TrendUnit,
} from "./scores"

// The feedback figures of a period and the one before it: one function behind the product
// dashboard's feedback section and the summary on /admin/feedback.

export type FeedbackReport = {
  nps: NpsSummary & { previous: number | null; change: number | null; dismissals: number }
  trend: { unit: TrendUnit; points: { period: string; label: string; nps: number | null; responses: number }[] }
  comments: { id: string; score: number; comment: string; createdAt: Date }[]
  csat: CsatSummary & { previous: number | null; change: number | null; messages: number }
  topRequests: { id: string; title: string; status: FeatureRequestStatus; voteCount: number }[]
}

const COMMENTS = 8
const TOP_REQUESTS = 5

export async function feedbackReport(range: DayRange, previous: DayRange): Promise<FeedbackReport> {
  // Sequential: the embedded database serves one connection. NPS rows are few (one per subscriber
  // per quarter at most), so the period's rows are read whole and the maths is the pure one.
  const current = await npsRows(range)
  const before = await npsRows(previous)
  const ratings = await ratingRows(range)
  const ratingsBefore = await ratingRows(previous)
  const comments = await db.npsResponse.findMany({
    where: { createdAt: { gte: range.from, lt: range.to }, score: { not: null }, comment: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: COMMENTS,
    select: { id: true, score: true, comment: true, createdAt: true },
  })
  const topRequests = await db.featureRequest.findMany({
    where: { status: { not: "DECLINED" } },
    orderBy: [{ voteCount: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: TOP_REQUESTS,
    select: { id: true, title: true, status: true, voteCount: true },
  })

  const nps = summarizeNps(current.map((row) => row.score))
  const npsBefore = summarizeNps(before.map((row) => row.score))
  const csat = summarizeCsat(ratings.map((row) => row.rating))
  const csatBefore = summarizeCsat(ratingsBefore.map((row) => row.rating))
  const unit = trendUnitFor(range.days)
  return {
    nps: {
      ...nps,
      previous: npsBefore.nps,
      change: changeOf(nps.nps, npsBefore.nps),
      dismissals: current.length - nps.responses,
    },
    trend: {
      unit,
      points: npsTrend(
        current.map((row) => ({ at: row.createdAt, score: row.score })),
        range,
        unit,
      ).map((point) => ({
        period: point.period,
        label: periodLabel(point.period, unit),
        nps: point.nps,
        responses: point.responses,
      })),
    },
    comments: comments.map((row) => ({
      id: row.id,
      score: row.score!,
      comment: row.comment!,
      createdAt: row.createdAt,
    })),
    csat: {
      ...csat,
      previous: csatBefore.csat,
      change: changeOf(csat.csat, csatBefore.csat),
      messages: ratings.length,
    },
    topRequests,
  }
}

function npsRows(range: DayRange) {
  return db.npsResponse.findMany({
    where: { createdAt: { gte: range.from, lt: range.to } },
    select: { score: true, createdAt: true },
  })
}

function ratingRows(range: DayRange) {
  return db.feedbackMessage.findMany({
    where: { createdAt: { gte: range.from, lt: range.to } },
    select: { rating: true },
  })
}
