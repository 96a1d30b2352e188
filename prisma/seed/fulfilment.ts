import type { Random } from "./random"
import { addMs, HOUR_MS } from "./time"

export type Fulfilment =
  | { status: "FULFILLED"; assignedAt: Date; fulfilledAt: Date }
  | { status: "IN_PROGRESS"; assignedAt: Date; fulfilledAt: null }
  | { status: "PENDING"; assignedAt: null; fulfilledAt: null }

/**
 * How staff handled an order paid at `paidAt`, seen from `now`: most seats go out 2–20 h after
 * payment, ~5% miss the 24 h deadline (24–40 h). An order whose time has not come yet is still open:
 * picked up (IN_PROGRESS) once someone claimed it, else PENDING. `stuck` orders are never finished,
 * which keeps a small backlog past its deadline in every demo (half of it never claimed).
 */
export function planFulfilment(random: Random, paidAt: Date, now: Date, options: { stuck?: boolean } = {}): Fulfilment {
  const late = random.chance(0.05)
  const hours = late ? random.between(24, 40) : 2 + 18 * random.next() ** 1.6
  const fulfilledAt = addMs(paidAt, hours * HOUR_MS)
  // Claimed after 10–50% of the time it took, but never sooner than ten minutes.
  const assignedAt = addMs(paidAt, Math.max(HOUR_MS / 6, hours * HOUR_MS * random.between(0.1, 0.5)))
  const unclaimed = random.chance(0.5)
  if (!options.stuck && fulfilledAt <= now) return { status: "FULFILLED", assignedAt, fulfilledAt }
  if (assignedAt <= now && !(options.stuck && unclaimed))
    return { status: "IN_PROGRESS", assignedAt, fulfilledAt: null }
  return { status: "PENDING", assignedAt: null, fulfilledAt: null }
}
