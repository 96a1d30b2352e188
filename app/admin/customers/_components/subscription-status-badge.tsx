import { Badge, type BadgeStyle } from "@/components/ui/badge"
import type { SubscriptionStatus } from "@/generated/prisma/enums"

// Staff read the raw state: short labels for a table column, the tone says whether to act.
export const SUBSCRIPTION_STATUS_BADGES: Record<SubscriptionStatus, BadgeStyle> = {
  ACTIVE: { label: "Active", tone: "success" },
  TRIALING: { label: "Trial", tone: "success" },
  PAST_DUE: { label: "Past due", tone: "warning" },
  INCOMPLETE: { label: "Incomplete", tone: "warning" },
  UNPAID: { label: "Unpaid", tone: "danger" },
  CANCELED: { label: "Canceled", tone: "neutral" },
}

type Props = { status: SubscriptionStatus | null; cancelAtPeriodEnd?: boolean; endedAt?: Date | null }

export function SubscriptionStatusBadge({ status, cancelAtPeriodEnd = false, endedAt = null }: Props) {
  if (!status) return <Badge>No subscription</Badge>
  const { label, tone } = endedAt ? SUBSCRIPTION_STATUS_BADGES.CANCELED : SUBSCRIPTION_STATUS_BADGES[status]
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={tone}>{label}</Badge>
      {cancelAtPeriodEnd && !endedAt && status !== "CANCELED" ? (
        <Badge tone="warning">Cancels at period end</Badge>
      ) : null}
    </span>
  )
}
