export { DEMO_STAFF, DEMO_SUBSCRIBER_EMAIL, demoAccounts } from "./accounts"
export { type SeedOptions, type SeedResult, seedDemoBusiness } from "./demo-business"
export {
  DEFAULT_EVENTS_PER_CUSTOMER,
  deleteAnalyticsData,
  EVENT_HISTORY_DAYS,
  type EventSeedOptions,
  type EventSeedResult,
  seedDemoEvents,
} from "./events"
export { DEMO_PLANS } from "./plans"
export { type FeedbackSeedResult, seedFeedback } from "./feedback"
export { deleteBusinessData, isDatabaseSeeded } from "./reset"
export type { SeedSummary } from "./summary"
