import { Badge, type BadgeTone } from "@/components/ui/badge"
import type { ApiTokenListItem } from "@/lib/auth/tokens"

export type TokenStatus = "active" | "expired" | "revoked"

const badges: Record<TokenStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "neutral" },
}

export function tokenStatus(token: Pick<ApiTokenListItem, "revokedAt" | "expiresAt">, now: Date): TokenStatus {
  if (token.revokedAt) return "revoked"
  return token.expiresAt <= now ? "expired" : "active"
}

export function TokenStatusBadge({ status }: { status: TokenStatus }) {
  return <Badge tone={badges[status].tone}>{badges[status].label}</Badge>
}
