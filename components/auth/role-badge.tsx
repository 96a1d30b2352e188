import { Badge, type BadgeStyle } from "@/components/ui/badge"
import type { Role } from "@/generated/prisma/enums"

export const ROLE_BADGES: Record<Role, BadgeStyle> = {
  SUBSCRIBER: { label: "Subscriber", tone: "neutral" },
  SUPPORT: { label: "Support", tone: "neutral" },
  ENGINEER: { label: "Engineer", tone: "neutral" },
  ADMIN: { label: "Admin", tone: "brand" },
  OWNER: { label: "Owner", tone: "brand" },
}

export function RoleBadge({ role }: { role: Role }) {
  const { label, tone } = ROLE_BADGES[role]
  return <Badge tone={tone}>{label}</Badge>
}
