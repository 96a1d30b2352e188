import { z } from "zod"
import { EmailStatus } from "@/generated/prisma/enums"
import { TEMPLATE_NAMES } from "./template-names"

export const emailFilterSchema = z.object({
  status: z.enum(EmailStatus).optional(),
  template: z.enum(TEMPLATE_NAMES).optional(),
  /** Part of the recipient's address, any case. */
  to: z.string().trim().min(1).max(320).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

export type EmailFilter = z.infer<typeof emailFilterSchema>

/** The part of Resend's webhook payload we read; the rest is ignored. */
export const resendEventSchema = z.object({
  type: z.string(),
  created_at: z.string().optional(),
  data: z.object({ email_id: z.string().optional() }).loose().optional(),
})
