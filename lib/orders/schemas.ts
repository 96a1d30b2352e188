import { z } from "zod"
import { OrderStatus } from "@/generated/prisma/enums"

export const ORDER_PAGE_SIZE = 25

/** "open" is PENDING or IN_PROGRESS: the fulfilment queue. */
export const orderStatusFilterSchema = z.enum(["open", ...Object.values(OrderStatus)])

export const orderListFilterSchema = z.object({
  status: orderStatusFilterSchema.optional(),
  /** "true": open and past the deadline (dueAt strictly before now); "false": everything else. */
  overdue: z.enum(["true", "false"]).optional(),
  /** "me" (the caller), "unassigned", or a staff member's id. */
  assignee: z.string().trim().min(1).max(64).optional(),
  /** "due": a churned or refunded seat that staff have not released yet. */
  release: z.literal("due").optional(),
  /** Customer email contains this (case-insensitive). */
  customer: z.string().trim().min(1).max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(ORDER_PAGE_SIZE),
})
export type OrderListFilter = z.infer<typeof orderListFilterSchema>

export const assignOrderSchema = z.object({
  /** Defaults to the caller. */
  assigneeId: z.string().trim().min(1).max(64).optional(),
})
export type AssignOrderInput = z.infer<typeof assignOrderSchema>

export const bulkAssignOrdersSchema = z.object({
  orderIds: z.array(z.string().trim().min(1).max(64)).min(1).max(100),
  assigneeId: z.string().trim().min(1).max(64).optional(),
})
export type BulkAssignOrdersInput = z.infer<typeof bulkAssignOrdersSchema>

// Passwords are kept exactly as typed: leading or trailing spaces may be part of them.
export const fulfilOrderSchema = z.object({
  login: z.string().trim().min(1, "enter the seat's login").max(200),
  password: z.string().min(1, "enter the seat's password").max(200),
  notes: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((value) => value || undefined),
})
export type FulfilOrderInput = z.infer<typeof fulfilOrderSchema>
