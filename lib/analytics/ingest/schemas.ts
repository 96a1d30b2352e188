import { z } from "zod"
import { eventNameSchema } from "@/lib/analytics/model/event-names"

// The body of POST /api/events. A batch is all or nothing: one bad event refuses the whole batch
// (422 naming `events.<index>.<field>`), so a tracker never has half a batch stored.

export const MAX_BATCH_EVENTS = 100
export const MAX_BATCH_BYTES = 64 * 1024
/** An event may arrive late (the tracker retries), but not from further back than this. */
export const MAX_EVENT_AGE_MS = 7 * 86_400_000

const text = (max: number) => z.string().trim().min(1).max(max)

const propValue = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()])

/** Flat properties: at most 30 keys of plain values. */
export const propsSchema = z
  .record(z.string().regex(/^[A-Za-z0-9_.:$-]{1,64}$/, "keys are 1 to 64 letters, digits, _ . : $ -"), propValue)
  .refine((props) => Object.keys(props).length <= 30, "at most 30 properties")

export const utmSchema = z.object({
  source: text(200).optional(),
  medium: text(200).optional(),
  campaign: text(200).optional(),
  term: text(200).optional(),
  content: text(200).optional(),
})

export const analyticsEventSchema = z.object({
  name: eventNameSchema,
  /** The page's path; a query string or fragment is cut off before storing. */
  path: z.string().max(2048).regex(/^\//, "must start with /").optional(),
  ts: z.iso
    .datetime({ offset: true, abort: true })
    .refine((value) => Date.parse(value) >= Date.now() - MAX_EVENT_AGE_MS, "is older than 7 days")
    .optional(),
  /** Accepted for compatibility; the server decides the visitor (consent cookie, else the daily hash). */
  visitorId: z.string().max(128).optional(),
  sessionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "8 to 64 letters, digits, _ or -")
    .optional(),
  /** The referring URL (or host); only its host is stored. */
  referrer: z.string().max(2048).optional(),
  utm: utmSchema.optional(),
  /** Viewport or screen size, "1280x720". */
  screen: z
    .string()
    .regex(/^\d{1,5}x\d{1,5}$/, 'like "1280x720"')
    .optional(),
  props: propsSchema.optional(),
})

export const eventBatchSchema = z.object({
  events: z.array(analyticsEventSchema).min(1).max(MAX_BATCH_EVENTS),
})

export type AnalyticsEventInput = z.infer<typeof analyticsEventSchema>
export type EventBatch = z.infer<typeof eventBatchSchema>
export type EventProps = z.infer<typeof propsSchema>

export const consentSchema = z.object({ choice: z.enum(["granted", "denied"]) })
export type ConsentChoice = z.infer<typeof consentSchema>["choice"]
