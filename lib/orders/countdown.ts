// The fulfilment deadline as staff read it in the queue; pure, so the client ticker and the server
// render agree, and the figures are unit-tested.

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Under this much time left, a deadline is shown in amber. */
export const DEADLINE_SOON_MS = 2 * HOUR

export type DeadlineTone = "overdue" | "soon" | "normal"
export type Deadline = { label: string; tone: DeadlineTone; overdue: boolean }

/**
 * A duration, whole units only (rounded down): "2d 3h" from 48 hours, "5h 12m" from an hour,
 * "12m 5s" from a minute, else "45s". Negative input is read as its size.
 */
export function formatDuration(ms: number): string {
  const size = Math.abs(ms)
  if (size >= 2 * DAY) return `${Math.floor(size / DAY)}d ${Math.floor((size % DAY) / HOUR)}h`
  if (size >= HOUR) return `${Math.floor(size / HOUR)}h ${Math.floor((size % HOUR) / MINUTE)}m`
  if (size >= MINUTE) return `${Math.floor(size / MINUTE)}m ${Math.floor((size % MINUTE) / SECOND)}s`
  return `${Math.floor(size / SECOND)}s`
}

/** An order is overdue strictly after its deadline: due exactly now is still on time. */
export function describeDeadline(dueAt: Date, now: Date): Deadline {
  const left = dueAt.getTime() - now.getTime()
  if (left < 0) return { label: `overdue by ${formatDuration(left)}`, tone: "overdue", overdue: true }
  if (left === 0) return { label: "due now", tone: "soon", overdue: false }
  return { label: `due in ${formatDuration(left)}`, tone: left < DEADLINE_SOON_MS ? "soon" : "normal", overdue: false }
}
