import { z } from "zod"
import { ErrorGroupStatus } from "@/generated/prisma/enums"

/** GET /api/admin/errors and the /admin/errors page. */
export const errorGroupFilterSchema = z.object({
  status: z.enum(ErrorGroupStatus).optional(),
  sort: z.enum(["last_seen", "count"]).default("last_seen"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type ErrorGroupFilter = z.infer<typeof errorGroupFilterSchema>

/** POST /api/admin/errors/:id/status */
export const errorGroupStatusSchema = z.object({ status: z.enum(ErrorGroupStatus) })
export type ErrorGroupStatusInput = z.infer<typeof errorGroupStatusSchema>

export const BROWSER_ERROR_LIMITS = { name: 200, message: 2000, stack: 16_000, url: 2000, release: 200 } as const
/** The whole JSON body of a browser report; larger is refused with 413 before parsing. */
export const BROWSER_ERROR_MAX_BYTES = 32 * 1024

/** POST /api/errors: an uncaught error or rejection a browser saw. */
export const browserErrorSchema = z.object({
  name: z.string().trim().min(1).max(BROWSER_ERROR_LIMITS.name).default("Error"),
  message: z.string().max(BROWSER_ERROR_LIMITS.message),
  stack: z.string().max(BROWSER_ERROR_LIMITS.stack).optional(),
  /** The page's path; a query string or fragment is dropped, it may carry tokens. */
  url: z
    .string()
    .max(BROWSER_ERROR_LIMITS.url)
    .regex(/^\//, "a path starting with /")
    .transform((path) => path.replace(/[?#].*$/, "")),
  release: z.string().trim().min(1).max(BROWSER_ERROR_LIMITS.release).optional(),
})
export type BrowserError = z.infer<typeof browserErrorSchema>
