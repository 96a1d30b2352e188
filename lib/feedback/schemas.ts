import { z } from "zod"
import { FEATURE_REQUEST_STATUSES, SETTABLE_STATUSES } from "./format"

export const NPS_COMMENT_MAX = 1000
export const FEEDBACK_MESSAGE_MAX = 2000
export const REQUEST_TITLE_MAX = 120
export const REQUEST_BODY_MAX = 2000

/** The path of the page feedback came from: same-origin, no scheme or host, query cut off. */
const pagePath = z
  .string()
  .trim()
  .max(300)
  .regex(/^\/(?!\/)[^\s]*$/, "must be a path on this site, like /account/billing")
  .transform((path) => path.split(/[?#]/)[0]!)

/** POST /api/account/nps: a score with an optional comment, or a dismissal. */
export const npsAnswerSchema = z.union([
  z.object({
    score: z.number().int().min(0).max(10),
    comment: z
      .string()
      .trim()
      .max(NPS_COMMENT_MAX)
      .optional()
      .transform((comment) => comment || undefined),
  }),
  z.object({ dismissed: z.literal(true) }),
])
export type NpsAnswer = z.infer<typeof npsAnswerSchema>

/** POST /api/account/feedback: the CSAT rating is optional, the message is not. */
export const feedbackMessageSchema = z.object({
  rating: z.number().int().min(1).max(5).optional(),
  message: z.string().trim().min(1, "write a few words").max(FEEDBACK_MESSAGE_MAX),
  page: pagePath.optional(),
})
export type FeedbackMessageInput = z.infer<typeof feedbackMessageSchema>

export const featureRequestSchema = z.object({
  title: z.string().trim().min(4, "at least 4 characters").max(REQUEST_TITLE_MAX),
  body: z.string().trim().max(REQUEST_BODY_MAX).default(""),
})
export type FeatureRequestInput = z.infer<typeof featureRequestSchema>

export const BOARD_SORTS = ["top", "new"] as const
export type BoardSort = (typeof BOARD_SORTS)[number]
export const BOARD_STATUS_FILTERS = ["all", ...FEATURE_REQUEST_STATUSES] as const
export type BoardStatusFilter = (typeof BOARD_STATUS_FILTERS)[number]

/** The board's query, for the portal and the staff list alike. */
export const boardQuerySchema = z.object({
  sort: z.enum(BOARD_SORTS).default("top"),
  status: z.enum(BOARD_STATUS_FILTERS).default("all"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
})
export type BoardQuery = z.infer<typeof boardQuerySchema>

export const featureRequestStatusSchema = z.object({ status: z.enum(SETTABLE_STATUSES) })
export type FeatureRequestStatusInput = z.infer<typeof featureRequestStatusSchema>

/** GET /api/admin/feedback: pages of the messages and of the NPS answers. */
export const staffFeedbackQuerySchema = z.object({
  messagesPage: z.coerce.number().int().min(1).max(100_000).default(1),
  npsPage: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Only NPS answers that carry a comment. */
  withComment: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})
export type StaffFeedbackQuery = z.infer<typeof staffFeedbackQuerySchema>
