const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" })

/** "26 Nov 2026", in UTC like the rest of the staff pages. */
export function formatDay(date: Date): string {
  return dayFormat.format(date)
}
