import { Badge, type BadgeTone } from "@/components/ui/badge"

// OUTBOX is the normal state without an email service: held in the mailbox, never sent.
const statuses: Record<string, { label: string; tone: BadgeTone }> = {
  OUTBOX: { label: "Outbox", tone: "brand" },
  QUEUED: { label: "Queued", tone: "warning" },
  SENT: { label: "Sent", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
}

const deliveries: Record<string, { label: string; tone: BadgeTone }> = {
  delivered: { label: "Delivered", tone: "success" },
  delivery_delayed: { label: "Delayed", tone: "warning" },
  bounced: { label: "Bounced", tone: "danger" },
  complained: { label: "Complained", tone: "danger" },
}

export function EmailStatusBadge({ status }: { status: string }) {
  const { label, tone } = statuses[status] ?? { label: status, tone: "neutral" as const }
  return <Badge tone={tone}>{label}</Badge>
}

export function DeliveryStatusBadge({ status }: { status: string | null }) {
  if (!status) return <span className="text-slate-500">—</span>
  const { label, tone } = deliveries[status] ?? { label: status, tone: "neutral" as const }
  return <Badge tone={tone}>{label}</Badge>
}
