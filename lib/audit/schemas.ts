import { z } from "zod"
import { AUDIT_ACTIONS } from "./actions"

export const auditFilterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: z.string().trim().max(200).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

export type AuditFilter = z.infer<typeof auditFilterSchema>
