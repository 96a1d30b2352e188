import type { Role } from "@/generated/prisma/enums"

/**
 * Staff who read the feedback (messages, NPS answers, the board) and set a feature request's
 * status. Support runs the board day to day, so it may set statuses too; every change is audited
 * and emails the voters, and engineers have no business with customer comments.
 */
export const FEEDBACK_STAFF_ROLES = ["SUPPORT", "ADMIN", "OWNER"] as const satisfies readonly Role[]
