import { Badge, type BadgeStyle } from "@/components/ui/badge"
import type { WebhookStatus } from "@/generated/prisma/enums"

// The stored status in lower case, as the delivery log has always shown it.
export const WEBHOOK_STATUS_BADGES: Record<WebhookStatus, BadgeStyle> = {
  RECEIVED: { label: "received", tone: "warning" },
  PROCESSED: { label: "processed", tone: "success" },
  FAILED: { label: "failed", tone: "danger" },
  IGNORED: { label: "ignored", tone: "neutral" },
}

export function WebhookStatusBadge({ status }: { status: WebhookStatus }) {
  const { label, tone } = WEBHOOK_STATUS_BADGES[status]
  return <Badge tone={tone}>{label}</Badge>
}
