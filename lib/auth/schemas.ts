import { z } from "zod"
import { ALL_ROLES } from "./roles"

export const createTokenSchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(100),
})

export const changeRoleSchema = z.object({
  email: z.email().max(320),
  role: z.enum(ALL_ROLES),
})
