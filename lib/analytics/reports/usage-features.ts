// The portal features that report `feature_used` (props.feature = one of these names), from their
// route handlers after the action succeeded. The usage report lists every one of them, used or not,
// plus any other name that turns up in events.

export const PORTAL_FEATURES = {
  credentials_revealed: "Revealed seat credentials",
  plan_changed: "Changed plan",
  subscription_canceled: "Canceled subscription",
  subscription_resumed: "Resumed subscription",
  billing_portal_opened: "Opened billing portal",
} as const satisfies Record<string, string>

export type PortalFeature = keyof typeof PORTAL_FEATURES

export function featureLabel(feature: string): string {
  return (PORTAL_FEATURES as Record<string, string>)[feature] ?? feature.replaceAll("_", " ")
}
