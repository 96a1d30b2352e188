import { formatDuration } from "@/lib/format/durations"

// The fulfilment deadline as staff read it in the queue; pure, so the client ticker and the server
// render agree, and the figures are unit-tested.

const HOUR = 60 * 60 * 1000

/** Under this much time left, a deadline is shown in amber. */
export const DEADLINE_SOON_MS = 2 * HOUR

export type DeadlineTone = "overdue" | "soon" | "normal"
export type Deadline = { label: string; tone: DeadlineTone; overdue: boolean }

/** An order is overdue strictly after its deadline: due exactly now is still on time. */
export function describeDeadline(dueAt: Date, now: Date): Deadline {
  const left = dueAt.getTime() - now.getTime()
  if (left < 0) return { label: `overdue by ${formatDuration(left)}`, tone: "overdue", overdue: true }
  if (left === 0) return { label: "due now", tone: "soon", overdue: false }
  return { label: `due in ${formatDuration(left)}`, tone: left < DEADLINE_SOON_MS ? "soon" : "normal", overdue: false }
}
