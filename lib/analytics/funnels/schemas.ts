import { z } from "zod"
import { eventNameSchema } from "@/lib/analytics/model/event-names"
import { productRangeQuerySchema } from "@/lib/analytics/model/range"
import {
  DEFAULT_WINDOW_DAYS,
  FUNNEL_BREAKDOWNS,
  MAX_FUNNEL_STEPS,
  MAX_WINDOW_DAYS,
  MIN_FUNNEL_STEPS,
  PAGE_PATH_PATTERN,
  PAGE_VIEW,
} from "./rules"

const pagePath = z
  .string()
  .trim()
  .max(300)
  .regex(PAGE_PATH_PATTERN, "a path such as /pricing (no query, fragment, comma or space)")

export const funnelStepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("page"), match: pagePath }),
  // A page view is a page step: an event step named page_view would overlap every page step.
  z.object({
    kind: z.literal("event"),
    match: eventNameSchema.refine((name) => name !== PAGE_VIEW, "use a page step for page views"),
  }),
])

export const funnelStepsSchema = z
  .array(funnelStepSchema)
  .min(MIN_FUNNEL_STEPS, `at least ${MIN_FUNNEL_STEPS} steps`)
  .max(MAX_FUNNEL_STEPS, `at most ${MAX_FUNNEL_STEPS} steps`)

export const windowDaysSchema = z.coerce.number().int().min(1).max(MAX_WINDOW_DAYS)

const funnelNameSchema = z.string().trim().min(1, "give the funnel a name").max(80)

export const savedFunnelInputSchema = z.object({
  name: funnelNameSchema,
  steps: funnelStepsSchema,
  windowDays: windowDaysSchema.default(DEFAULT_WINDOW_DAYS),
})
export type SavedFunnelInput = z.infer<typeof savedFunnelInputSchema>

// No defaults here: an absent field stays as it is.
export const savedFunnelPatchSchema = z
  .object({
    name: funnelNameSchema.optional(),
    steps: funnelStepsSchema.optional(),
    windowDays: windowDaysSchema.optional(),
  })
  .refine(
    (patch) => Object.values(patch).some((value) => value !== undefined),
    "change at least one of name, steps, windowDays",
  )
export type SavedFunnelPatch = z.infer<typeof savedFunnelPatchSchema>

/** Steps in a URL, as formatSteps (rules.ts) writes them. */
export const funnelStepsParamSchema = z
  .string()
  .max(3000)
  .transform((value) =>
    value
      .split(",")
      .filter((part) => part.trim() !== "")
      .map((part) => {
        const colon = part.indexOf(":")
        return { kind: colon < 0 ? part : part.slice(0, colon), match: colon < 0 ? "" : part.slice(colon + 1) }
      }),
  )
  .pipe(funnelStepsSchema)

/** GET /api/admin/product/funnels/report and the page's funnel controls. */
export const funnelReportQuerySchema = productRangeQuerySchema
  .safeExtend({
    steps: funnelStepsParamSchema.optional(),
    funnelId: z.string().trim().min(1).max(64).optional(),
    window: windowDaysSchema.optional(),
    breakdown: z.enum(FUNNEL_BREAKDOWNS).optional(),
  })
  .refine((query) => !(query.steps && query.funnelId), { message: "give steps or funnelId, not both", path: ["steps"] })
export type FunnelReportQuery = z.infer<typeof funnelReportQuerySchema>

export const funnelsListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
})
