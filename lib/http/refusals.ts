import type { Role } from "@/generated/prisma/enums"
import { isStaff } from "@/lib/auth/roles"
import { recordRateLimited, recordRefusedAccess } from "@/lib/security/refusals"
import type { Caller } from "./authenticate"
import { clientAddress } from "./client-address"

/**
 * The wrapper's refusals that are security events: every 429, and a 403 from a route only staff
 * may call. Throttled per caller and route (lib/security/refusals.ts); other statuses cost nothing.
 */
export async function noteRefusal(
  status: number,
  input: { request: Request; caller: Caller | null; key: string; roles?: readonly Role[]; route: string },
): Promise<void> {
  const { request, caller, roles, route } = input
  if (status === 429) {
    await recordRateLimited({ caller: input.key, route, method: request.method, ip: clientAddress(request) })
  } else if (status === 403 && caller && roles?.length && roles.every(isStaff)) {
    await recordRefusedAccess({ user: caller.user, path: route, method: request.method, via: "api" })
  }
}
