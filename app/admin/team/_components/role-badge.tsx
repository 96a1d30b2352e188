import type { Role } from "@/generated/prisma/enums"
import { Badge, type BadgeTone } from "@/components/ui/badge"

export const ROLE_LABELS: Record<Role, string> = {
  SUBSCRIBER: "Subscriber",
  SUPPORT: "Support",
  ENGINEER: "Engineer",
  ADMIN: "Admin",
  OWNER: "Owner",
}

const tones: Record<Role, BadgeTone> = { SUBSCRIBER: "neutral", SUPPORT: "neutral", ENGINEER: "neutral", ADMIN: "brand", OWNER: "brand" }

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={tones[role]}>{ROLE_LABELS[role]}</Badge>
}
