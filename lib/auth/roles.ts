import type { Role } from "@/generated/prisma/enums"

export const STAFF_ROLES = ["SUPPORT", "ENGINEER", "ADMIN", "OWNER"] as const satisfies readonly Role[]
export const ALL_ROLES = ["SUBSCRIBER", ...STAFF_ROLES] as const satisfies readonly Role[]
/** Who may manage the team, roles and tokens. */
export const MANAGER_ROLES = ["ADMIN", "OWNER"] as const satisfies readonly Role[]
/** Who may run the system: error groups, replays, operations. */
export const ENGINEERING_ROLES = ["ENGINEER", "ADMIN", "OWNER"] as const satisfies readonly Role[]

export function isStaff(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role)
}

export type SessionUser = { id: string; email: string; name: string | null; role: Role }
