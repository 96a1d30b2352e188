import type { Random } from "./random"
import { FEATURE_REQUESTS, FEEDBACK_MESSAGES, FEEDBACK_PAGES, NPS_COMMENTS } from "./feedback-texts"
import { DAY_MS } from "./time"

// The seeded feedback, planned without I/O from the seeded customers. The rules the app enforces
// hold here too: a customer answers (or dismisses) the NPS survey only while subscribed, 30 days
// after their subscription started at the earliest, and at most once per 90 days; every feature
// request carries its author's vote, and its vote_count is exactly its number of vote rows.

export type SeedCustomer = {
  id: string
  startedAt: Date
  /** When the subscription ended; null while live. */ endedAt: Date | null
}

export type PlannedNps = {
  id: string
  userId: string
  score: number | null
  comment: string | null
  dismissed: boolean
  createdAt: Date
}
export type PlannedMessage = {
  id: string
  userId: string
  rating: number | null
  message: string
  page: string | null
  createdAt: Date
}
export type PlannedRequest = {
  id: string
  title: string
  body: string
  status: (typeof FEATURE_REQUESTS)[number]["status"]
  authorId: string
  voteCount: number
  statusChangedAt: Date | null
  createdAt: Date
  updatedAt: Date
}
export type PlannedVote = { requestId: string; userId: string; createdAt: Date }
export type FeedbackPlan = {
  nps: PlannedNps[]
  messages: PlannedMessage[]
  requests: PlannedRequest[]
  votes: PlannedVote[]
}

const MIN_TENURE_MS = 30 * DAY_MS
const QUIET_MS = 90 * DAY_MS
/** The board is a year old. */
const BOARD_DAYS = 360

export function planFeedback(random: Random, customers: readonly SeedCustomer[], now: Date): FeedbackPlan {
  const historyStart = Math.min(now.getTime(), ...customers.map((c) => c.startedAt.getTime()))
  const nps = customers.flatMap((customer) => planNps(random, customer, now, historyStart))
  const messages = customers.flatMap((customer) => planMessages(random, customer, now))
  const { requests, votes } = planBoard(random, customers, now)
  return { nps, messages, requests, votes }
}

function liveUntil(customer: SeedCustomer, now: Date): number {
  return Math.min(customer.endedAt?.getTime() ?? now.getTime(), now.getTime())
}

/** Asked at the first portal visit after 30 days, then about once a quarter while subscribed. */
function planNps(random: Random, customer: SeedCustomer, now: Date, historyStart: number): PlannedNps[] {
  const rows: PlannedNps[] = []
  const until = liveUntil(customer, now)
  // Customers who later leave were less happy all along.
  const churned = customer.endedAt !== null
  let at = customer.startedAt.getTime() + MIN_TENURE_MS + random.between(0, 25) * DAY_MS
  while (at < until) {
    const outcome = random.weighted([
      ["answer", 45],
      ["dismiss", 20],
      ["away", 35],
    ] as const)
    if (outcome === "away") {
      // Did not visit the portal: the survey waits for a later visit.
      at += random.between(20, 60) * DAY_MS
      continue
    }
    const createdAt = new Date(Math.floor(at))
    if (outcome === "dismiss") {
      rows.push({ id: random.id(), userId: customer.id, score: null, comment: null, dismissed: true, createdAt })
    } else {
      // Satisfaction improves as the product matures: NPS drifts from about +5 to about +30.
      const progress = (at - historyStart) / Math.max(1, now.getTime() - historyStart)
      const score = npsScore(random, progress, churned)
      const category = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor"
      const comments = NPS_COMMENTS[category]
      const comment = random.chance(0.45) ? comments[random.int(0, comments.length - 1)]! : null
      rows.push({ id: random.id(), userId: customer.id, score, comment, dismissed: false, createdAt })
    }
    at += QUIET_MS + random.between(0, 40) * DAY_MS
  }
  return rows
}

function npsScore(random: Random, progress: number, churned: boolean): number {
  const promoter = 0.36 + 0.16 * progress - (churned ? 0.12 : 0)
  const detractor = 0.31 - 0.12 * progress + (churned ? 0.15 : 0)
  const category = random.weighted([
    ["promoter", promoter],
    ["passive", 1 - promoter - detractor],
    ["detractor", detractor],
  ] as const)
  if (category === "promoter")
    return random.weighted([
      [9, 55],
      [10, 45],
    ] as const)
  if (category === "passive")
    return random.weighted([
      [7, 45],
      [8, 55],
    ] as const)
  return random.weighted([
    [0, 2],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 5],
    [5, 8],
    [6, 10],
  ] as const)
}

/** About one customer in sixteen writes to us, a few twice; four in five rate us while at it. */
function planMessages(random: Random, customer: SeedCustomer, now: Date): PlannedMessage[] {
  if (!random.chance(0.06)) return []
  const count = random.chance(0.15) ? 2 : 1
  const from = customer.startedAt.getTime()
  const until = liveUntil(customer, now)
  const rows: PlannedMessage[] = []
  for (let i = 0; i < count; i++) {
    const rating = random.chance(0.8)
      ? random.weighted([
          [1, 5],
          [2, 7],
          [3, 15],
          [4, 35],
          [5, 38],
        ] as const)
      : null
    const texts = FEEDBACK_MESSAGES[rating ?? 0]
    rows.push({
      id: random.id(),
      userId: customer.id,
      rating,
      message: texts[random.int(0, texts.length - 1)]!,
      page: FEEDBACK_PAGES[random.int(0, FEEDBACK_PAGES.length - 1)]!,
      createdAt: new Date(Math.floor(random.between(from, until))),
    })
  }
  return rows
}

/** The catalogue posted over the last year by customers subscribed at the time, voted on by others. */
function planBoard(
  random: Random,
  customers: readonly SeedCustomer[],
  now: Date,
): { requests: PlannedRequest[]; votes: PlannedVote[] } {
  const requests: PlannedRequest[] = []
  const votes: PlannedVote[] = []
  const boardStart = now.getTime() - BOARD_DAYS * DAY_MS
  FEATURE_REQUESTS.forEach((entry, index) => {
    // Spread over the year, oldest first, a day or two of jitter.
    const createdMs = Math.floor(
      boardStart +
        ((index + 0.5) / FEATURE_REQUESTS.length) * (BOARD_DAYS - 20) * DAY_MS +
        random.between(0, 2) * DAY_MS,
    )
    const live = customers.filter((c) => c.startedAt.getTime() <= createdMs && liveUntil(c, now) > createdMs)
    if (live.length === 0) return
    const author = live[random.int(0, live.length - 1)]!
    const closes = entry.status !== "OPEN"
    const statusChangedMs = closes
      ? Math.min(now.getTime() - DAY_MS, createdMs + random.between(14, 90) * DAY_MS)
      : null
    // Votes stop when a request ships or is declined; planned and in-progress ones keep collecting.
    const votingEnds = entry.status === "SHIPPED" || entry.status === "DECLINED" ? statusChangedMs! : now.getTime()
    const id = random.id()
    const requestVotes: PlannedVote[] = [{ requestId: id, userId: author.id, createdAt: new Date(createdMs) }]
    for (const customer of customers) {
      if (customer.id === author.id) continue
      const from = Math.max(createdMs, customer.startedAt.getTime())
      const until = Math.min(liveUntil(customer, now), votingEnds)
      if (from >= until || !random.chance(entry.popularity)) continue
      requestVotes.push({
        requestId: id,
        userId: customer.id,
        createdAt: new Date(Math.floor(random.between(from, until))),
      })
    }
    const lastActivity = Math.max(statusChangedMs ?? createdMs, ...requestVotes.map((v) => v.createdAt.getTime()))
    requests.push({
      id,
      title: entry.title,
      body: entry.body,
      status: entry.status,
      authorId: author.id,
      voteCount: requestVotes.length,
      statusChangedAt: statusChangedMs === null ? null : new Date(Math.floor(statusChangedMs)),
      createdAt: new Date(createdMs),
      updatedAt: new Date(lastActivity),
    })
    votes.push(...requestVotes)
  })
  return { requests, votes }
}
