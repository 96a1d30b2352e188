import { Badge, type BadgeStyle } from "@/components/ui/badge"
import type { EmailStatus } from "@/generated/prisma/enums"
import type { DeliveryStatus } from "@/lib/email/webhook"

// OUTBOX is the normal state without an email service: held in the mailbox, never sent.
export const EMAIL_STATUS_BADGES: Record<EmailStatus, BadgeStyle> = {
  OUTBOX: { label: "Outbox", tone: "brand" },
  QUEUED: { label: "Queued", tone: "warning" },
  SENT: { label: "Sent", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
}

/** What Resend last reported about a sent message (lib/email/webhook.ts keeps the worst news). */
export const DELIVERY_STATUS_BADGES: Record<DeliveryStatus, BadgeStyle> = {
  delivered: { label: "Delivered", tone: "success" },
  delivery_delayed: { label: "Delayed", tone: "warning" },
  bounced: { label: "Bounced", tone: "danger" },
  complained: { label: "Complained", tone: "danger" },
}

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const { label, tone } = EMAIL_STATUS_BADGES[status]
  return <Badge tone={tone}>{label}</Badge>
}

/** The column is text: a value we do not know shows as it is. */
export function DeliveryStatusBadge({ status }: { status: string | null }) {
  if (!status) return <span className="text-slate-500">—</span>
  const { label, tone } = Object.hasOwn(DELIVERY_STATUS_BADGES, status)
    ? DELIVERY_STATUS_BADGES[status as DeliveryStatus]
    : { label: status, tone: "neutral" as const }
  return <Badge tone={tone}>{label}</Badge>
}
