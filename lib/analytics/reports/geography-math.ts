// Country attribution of the geography report, no I/O.

/** Counts per key of the users' countries; a user with no known country counts under `unknown`. */
export function countByCountry(
  userIds: Iterable<string>,
  countries: ReadonlyMap<string, string>,
  unknown: string,
  weight: (userId: string) => number = () => 1,
): Map<string, number> {
  const counts = new Map<string, number>()
  for (const userId of userIds) {
    const country = countries.get(userId) ?? unknown
    counts.set(country, (counts.get(country) ?? 0) + weight(userId))
  }
  return counts
}
