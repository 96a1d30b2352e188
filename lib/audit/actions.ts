/** Every audit action the app writes; the audit page filters by these. */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_out",
  "auth.mfa_enrolled",
  "auth.mfa_verified",
  "auth.mfa_failed",
  "user.role_changed",
  "token.created",
  "token.revoked",
  "staff.write",
  "order.assigned",
  "order.fulfilled",
  "order.released",
  "order.credentials_revealed",
  "order.duplicate_closed",
  "billing.repaired",
  "payment.refunded",
  "subscription.canceled_by_staff",
  "error_group.resolved",
  "error_group.ignored",
  "error_group.reopened",
  "saved_funnel.created",
  "saved_funnel.updated",
  "saved_funnel.deleted",
  "feature_request.status_changed",
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
