// The business's one promise: a paid seat is delivered within 24 hours. Which orders billing opens
// and closes is decided in seat-plan.ts and applied in seat-orders.ts.

export const FULFILMENT_WINDOW_MS = 24 * 60 * 60 * 1000

/** When the order a payment opens is due. */
export function fulfilmentDueAt(paidAt: Date): Date {
  return new Date(paidAt.getTime() + FULFILMENT_WINDOW_MS)
}
