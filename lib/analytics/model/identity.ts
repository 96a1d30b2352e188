// Who a row belongs to. A browser has one visitor id before sign-in and after, and server events
// carry `u:<userId>`: a row that carries a user id is that user's; a row without one is the user's
// when any row of the same visitor id (among the rows given: funnels give every event) carries a
// user id, else the visitor's.
// A visitor id seen with several users (a shared browser) lends its anonymous rows to the first of
// them in time; its signed-in rows stay with whoever was signed in.

export type IdentityRow = { visitorId: string; userId: string | null; at: number }

/** visitor id → user id, from the first row of each visitor id that names a user. */
export function identityLinks(rows: readonly IdentityRow[]): Map<string, string> {
  const first = new Map<string, { userId: string; at: number }>()
  for (const row of rows) {
    if (!row.userId) continue
    const seen = first.get(row.visitorId)
    // At the same instant the smallest user id, as the queries order (at, user_id): no dependence on storage order.
    if (!seen || row.at < seen.at || (row.at === seen.at && row.userId < seen.userId))
      first.set(row.visitorId, { userId: row.userId, at: row.at })
  }
  return new Map([...first].map(([visitorId, link]) => [visitorId, link.userId]))
}

/** The person of a row: its user, the visitor's linked user, else the visitor (prefixed, so no id can equal another kind). */
export function personOf(row: Pick<IdentityRow, "visitorId" | "userId">, links: ReadonlyMap<string, string>): string {
  const userId = row.userId ?? links.get(row.visitorId)
  return userId ? `u:${userId}` : `v:${row.visitorId}`
}
