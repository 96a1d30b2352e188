import { profileSchema, updateProfile, getProfile } from "@/lib/account/profile"
import { ALL_ROLES } from "@/lib/auth/roles"
import { route } from "@/lib/http/route"

// GET /api/account/profile — the signed-in user's profile
export const GET = route({ roles: ALL_ROLES, allowWithoutMfa: true }, async ({ caller }) =>
  Response.json(await getProfile(caller.user.id)),
)

// PATCH /api/account/profile — change the display name
export const PATCH = route({ roles: ALL_ROLES, allowWithoutMfa: true, body: profileSchema }, async ({ caller, body }) =>
  Response.json(await updateProfile(caller.user.id, body)),
)
