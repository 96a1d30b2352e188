import { randomBytes } from "node:crypto"
import type { Prisma } from "@/generated/prisma/client"
import type { Role } from "@/generated/prisma/enums"
import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"
import { sha256 } from "@/lib/security/crypto"
import { isStaff, MANAGER_ROLES } from "./roles"
import type { CreateToken, OperatorToken } from "./schemas"
import type { ApiTokenScope } from "./token-scopes"

// Staff API tokens: shown once, stored as sha256, recognised in lists by their prefix.
//
// The rules (the security review of December found an admin could mint a never-expiring token
// for the owner, with no second factor, and every staff member saw every token):
// - A token acts as its holder only, and the holder is whoever mints it: creating takes no email.
//   Minting needs a browser session that has passed the second factor: a token cannot mint tokens.
//   Only the operator's CLI, which has the database anyway, mints for a named staff member.
// - Every token has scopes (lib/auth/token-scopes.ts) and an expiry of at most a year. It never
//   does more than its holder's current role allows: a demoted holder's token loses that access.
// - Every staff member sees and revokes their own tokens; admins and owners see everyone's and may
//   revoke anyone's (a revocation only ever takes power away).
// - Minting, revoking and using a token (lib/auth/token-use.ts) are audited with the real actor.

export const TOKEN_PREFIX = "acv_"
const DAY_MS = 86_400_000

/** Who mints or revokes: a signed-in caller (lib/http's Caller fits) or the operator's CLI. */
export type SignedInActor = {
  user: { id: string; email: string; role: Role }
  via: "session" | "token"
  tokenId?: string
  mfaVerified: boolean
}
export type TokenActor = SignedInActor | { user: null; via: "cli" }

export type ApiTokenListItem = {
  id: string
  name: string
  prefix: string
  scopes: ApiTokenScope[]
  createdAt: Date
  expiresAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
  user: { id: string; email: string; role: Role }
}

export type CreatedToken = { token: string; id: string; expiresAt: Date }

export function canSeeAllTokens(role: Role): boolean {
  return (MANAGER_ROLES as readonly Role[]).includes(role)
}

/** The caller mints a token for themselves; the token is returned once and never stored. */
export async function createApiToken(input: CreateToken & { by: SignedInActor }): Promise<CreatedToken> {
  const { by } = input
  if (by.via !== "session") throw new AppError("forbidden", "a token cannot mint tokens: sign in to create one")
  if (!by.mfaVerified) throw new AppError("mfa_required", "pass the second factor first")
  if (!isStaff(by.user.role)) throw new AppError("forbidden", "API tokens are for staff accounts only")
  return insertToken(by.user, input, by)
}

/** The operator's CLI mints for a named staff member; audited without a user, via "cli". */
export async function createApiTokenAsOperator(input: OperatorToken): Promise<CreatedToken> {
  const holder = await db.user.findUnique({
    where: { email: input.email.toLowerCase() },
    select: { id: true, email: true, role: true },
  })
  if (!holder) throw new AppError("not_found", `no user with email ${input.email}`)
  if (!isStaff(holder.role)) throw new AppError("unprocessable_entity", "API tokens are for staff accounts only")
  return insertToken(holder, input, { user: null, via: "cli" })
}

async function insertToken(
  holder: { id: string; email: string },
  input: CreateToken,
  by: TokenActor,
): Promise<CreatedToken> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url")
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS)
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: holder.id,
        name: input.name,
        tokenHash: sha256(token),
        prefix: token.slice(0, 12),
        scopes: input.scopes,
        expiresAt,
      },
      select: { id: true },
    })
    const metadata = {
      ...actingVia(by),
      name: input.name,
      holder: holder.email,
      scopes: input.scopes,
      expiresAt: expiresAt.toISOString(),
    }
    await recordAudit(
      { actor: by.user, action: "token.created", targetType: "api_token", targetId: row.id, metadata },
      tx,
    )
    return { token, id: row.id, expiresAt }
  })
}

/** Revokes at once. Staff revoke their own tokens, managers and the CLI anyone's; another's is "not found". */
export async function revokeApiToken(input: { tokenId: string; by: TokenActor }): Promise<void> {
  const { by } = input
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { id: input.tokenId },
      select: { userId: true, revokedAt: true, name: true },
    })
    const visible = token && (!by.user || canSeeAllTokens(by.user.role) || token.userId === by.user.id)
    if (!visible) throw new AppError("not_found", "no such token")
    if (token.revokedAt) return
    await tx.apiToken.update({ where: { id: input.tokenId }, data: { revokedAt: new Date() } })
    await recordAudit(
      {
        actor: by.user,
        action: "token.revoked",
        targetType: "api_token",
        targetId: input.tokenId,
        metadata: { ...actingVia(by), name: token.name },
      },
      tx,
    )
  })
}

/** Tokens newest first, never the token itself: a manager's or the operator's list holds everyone's. */
export async function listApiTokens(viewer: { id: string; role: Role } | "operator"): Promise<ApiTokenListItem[]> {
  const where: Prisma.ApiTokenWhereInput =
    viewer === "operator" || canSeeAllTokens(viewer.role) ? {} : { userId: viewer.id }
  return db.apiToken.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, role: true } },
    },
  })
}

/** How the actor reached us, for the audit entry: a token's own id names it among its holder's. */
function actingVia(by: TokenActor): { via: TokenActor["via"]; tokenId?: string } {
  return by.via === "token" && by.tokenId ? { via: by.via, tokenId: by.tokenId } : { via: by.via }
}
