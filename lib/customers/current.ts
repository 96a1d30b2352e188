// Which of a customer's subscriptions is "current": the newest one not ended; failing that, the one
// that ended last. The same rule as lib/billing's account summary, so staff and subscriber agree.

type Candidate = { createdAt: Date; endedAt: Date | null }

export function pickCurrentSubscription<T extends Candidate>(subscriptions: readonly T[]): T | null {
  let current: T | null = null
  for (const sub of subscriptions) {
    if (!current || rank(sub, current) < 0) current = sub
  }
  return current
}

/** Negative when `a` is more current than `b`. */
function rank(a: Candidate, b: Candidate): number {
  if (!a.endedAt !== !b.endedAt) return a.endedAt ? 1 : -1
  if (a.endedAt && b.endedAt && a.endedAt.getTime() !== b.endedAt.getTime())
    return b.endedAt.getTime() - a.endedAt.getTime()
  return b.createdAt.getTime() - a.createdAt.getTime()
}
