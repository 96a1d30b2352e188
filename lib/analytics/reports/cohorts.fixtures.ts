import type { CohortPerson, VisitorDay } from "./cohorts"

// People whose retention cohorts.test.ts works out by hand; the integration test stores them as
// visitor days and expects the query to count the same.

/** The weeks of 2, 9, 16 and 23 March 2026 (Mondays). */
export const COHORT_WEEKS = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]
/** Wednesday 25 March: the week of 23 March is still running. */
export const COHORT_TODAY = "2026-03-25"

export const COHORT_PEOPLE: (CohortPerson & { id: string })[] = [
  { id: "a", joined: "2026-03-02", activeDays: ["2026-03-02", "2026-03-04", "2026-03-10"] },
  { id: "b", joined: "2026-03-03", activeDays: ["2026-03-03", "2026-03-17"] },
  { id: "c", joined: "2026-03-08", activeDays: ["2026-03-08", "2026-03-09", "2026-03-24"] },
  { id: "d", joined: "2026-03-11", activeDays: ["2026-03-11", "2026-03-25"] },
  { id: "e", joined: "2026-02-27", activeDays: ["2026-02-27", "2026-03-02"] },
]

export const FIRST_SEEN_DAYS: VisitorDay[] = [
  { day: "2026-03-02", visitorId: "x", userId: null, consented: false },
  { day: "2026-03-02", visitorId: "k1", userId: null, consented: true },
  { day: "2026-03-05", visitorId: "k1", userId: "U1", consented: true },
  { day: "2026-03-04", visitorId: "u:U1", userId: "U1", consented: false },
  { day: "2026-03-10", visitorId: "k2", userId: null, consented: true },
]
