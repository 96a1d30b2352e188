// Session arithmetic of the traffic report, no I/O. The SQL computes the same figures over every
// session of a period; these are the definitions it is tested against.

/** What a session tells the traffic report. Duration in seconds (last event − first event). */
export type SessionFacts = { pageViews: number; events: number; durationSeconds: number }

/**
 * A bounce is a session with exactly one page view and no other event: one page seen, nothing
 * done on it. (Web vitals travel outside sessions, so measuring a page never makes it a non-bounce.)
 */
export function isBounce(session: Pick<SessionFacts, "pageViews" | "events">): boolean {
  return session.pageViews === 1 && session.events === 1
}

export type SessionSummary = {
  sessions: number
  bounces: number
  /** bounces / sessions; null without sessions. */
  bounceRate: number | null
  /** Mean of every session's duration, one-event sessions counting 0 s; null without sessions. */
  averageDurationSeconds: number | null
  /** Median by linear interpolation (as percentile_cont(0.5)); null without sessions. */
  medianDurationSeconds: number | null
}

export function summariseSessions(sessions: readonly SessionFacts[]): SessionSummary {
  const count = sessions.length
  if (count === 0)
    return { sessions: 0, bounces: 0, bounceRate: null, averageDurationSeconds: null, medianDurationSeconds: null }
  const bounces = sessions.filter(isBounce).length
  const durations = sessions.map((session) => session.durationSeconds).sort((a, b) => a - b)
  const middle = (count - 1) / 2
  const median =
    durations[Math.floor(middle)]! +
    (middle - Math.floor(middle)) * (durations[Math.ceil(middle)]! - durations[Math.floor(middle)]!)
  return {
    sessions: count,
    bounces,
    bounceRate: bounces / count,
    averageDurationSeconds: durations.reduce((total, value) => total + value, 0) / count,
    medianDurationSeconds: median,
  }
}
