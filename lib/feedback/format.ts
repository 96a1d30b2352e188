import type { FeatureRequestStatus } from "@/generated/prisma/enums"

// Labels shared by the portal, the staff pages, the dashboard and the status email.
// Pure data: safe to import from client components and email templates.

export const FEATURE_REQUEST_STATUSES = [
  "OPEN",
  "PLANNED",
  "IN_PROGRESS",
  "SHIPPED",
  "DECLINED",
] as const satisfies readonly FeatureRequestStatus[]

/** The statuses staff move a request to; every request starts OPEN. */
export const SETTABLE_STATUSES = [
  "PLANNED",
  "IN_PROGRESS",
  "SHIPPED",
  "DECLINED",
] as const satisfies readonly FeatureRequestStatus[]

/** A shipped or declined request takes no new votes. */
export const CLOSED_STATUSES = ["SHIPPED", "DECLINED"] as const satisfies readonly FeatureRequestStatus[]

export const STATUS_LABELS: Record<FeatureRequestStatus, string> = {
  OPEN: "Open",
  PLANNED: "Planned",
  IN_PROGRESS: "In progress",
  SHIPPED: "Shipped",
  DECLINED: "Declined",
}

export function isClosedStatus(status: FeatureRequestStatus): boolean {
  return (CLOSED_STATUSES as readonly FeatureRequestStatus[]).includes(status)
}

/** The CSAT question and the words for each rating, shared by the form and the staff tables. */
export const CSAT_QUESTION = "How satisfied are you with AI Copilot Vibe?"
export const CSAT_LABELS = {
  1: "Very dissatisfied",
  2: "Dissatisfied",
  3: "Neutral",
  4: "Satisfied",
  5: "Very satisfied",
} as const

export const NPS_QUESTION = "How likely are you to recommend AI Copilot Vibe to a friend or colleague?"

/** "+12.5", "0", "−3" (a true minus sign): how an NPS or a change of it reads. */
export function formatSigned(value: number | null, suffix = ""): string {
  if (value === null) return "—"
  const text = Math.abs(value).toLocaleString("en-US", { maximumFractionDigits: 1 })
  if (value > 0) return `+${text}${suffix}`
  if (value < 0) return `\u2212${text}${suffix}`
  return `0${suffix}`
}

/** "62.5 %" or "—" when there is nothing to measure. */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })} %`
}
