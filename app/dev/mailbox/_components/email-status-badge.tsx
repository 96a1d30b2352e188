import { Badge, type BadgeTone } from "@/components/ui/badge"

// OUTBOX is the normal state without an email service: held here, never sent.
const statuses: Record<string, { label: string; tone: BadgeTone }> = {
  OUTBOX: { label: "Outbox", tone: "brand" },
  QUEUED: { label: "Queued", tone: "warning" },
  SENT: { label: "Sent", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
}

export function EmailStatusBadge({ status }: { status: string }) {
  const { label, tone } = statuses[status] ?? { label: status, tone: "neutral" as const }
  return <Badge tone={tone}>{label}</Badge>
}
