import { z } from "zod"
import { ALL_ROLES } from "./roles"
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, TOKEN_SCOPES } from "./token-scopes"

const tokenName = z.string().trim().min(1).max(100)
const tokenScopes = z
  .array(z.enum(TOKEN_SCOPES))
  .min(1, "choose at least one scope")
  .max(TOKEN_SCOPES.length)
  .transform((scopes) => [...new Set(scopes)])
const tokenDays = z.number().int().min(1).max(MAX_TOKEN_DAYS, `a token lasts at most ${MAX_TOKEN_DAYS} days`)

/** A token is minted for its caller only: strict, so a body naming someone else (`email`, `userId`) is a 422. */
export const createTokenSchema = z.strictObject({
  name: tokenName,
  scopes: tokenScopes,
  expiresInDays: tokenDays.default(DEFAULT_TOKEN_DAYS),
})
export type CreateToken = z.infer<typeof createTokenSchema>

/** The operator's CLI names the holder, and must say which scopes and how long: no defaults there. */
export const operatorTokenSchema = z.strictObject({
  email: z.email().max(320),
  name: tokenName,
  scopes: tokenScopes,
  expiresInDays: tokenDays,
})
export type OperatorToken = z.infer<typeof operatorTokenSchema>

export const changeRoleSchema = z.object({
  email: z.email().max(320),
  role: z.enum(ALL_ROLES),
})

/** A session in /api/account/sessions/:id (a cuid; anything longer is no session of ours). */
export const sessionParamsSchema = z.object({ id: z.string().min(1).max(64) })
