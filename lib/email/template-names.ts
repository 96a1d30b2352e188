// The templates' names alone, for schemas and filters that must not load the templates.
export const TEMPLATE_NAMES = [
  "magic-link",
  "welcome",
  "order-received",
  "seat-ready",
  "payment-failed",
  "subscription-canceled",
  "refund-issued",
  "feature-request-status",
] as const

export type TemplateName = (typeof TEMPLATE_NAMES)[number]
