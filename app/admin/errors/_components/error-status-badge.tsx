import { Badge, type BadgeStyle } from "@/components/ui/badge"
import type { ErrorGroupStatus } from "@/generated/prisma/enums"

export const ERROR_GROUP_STATUS_BADGES: Record<ErrorGroupStatus, BadgeStyle> = {
  OPEN: { label: "open", tone: "danger" },
  RESOLVED: { label: "resolved", tone: "success" },
  IGNORED: { label: "ignored", tone: "neutral" },
}

/** The group's status, and "regression" when a resolved group came back and is still open. */
export function ErrorStatusBadges({ status, regressedAt }: { status: ErrorGroupStatus; regressedAt: Date | null }) {
  const { label, tone } = ERROR_GROUP_STATUS_BADGES[status]
  return (
    <span className="flex flex-wrap items-center gap-1">
      <Badge tone={tone}>{label}</Badge>
      {status === "OPEN" && regressedAt ? (
        <Badge
          tone="warning"
          title={`Came back after it was resolved, ${regressedAt.toISOString()}`}
          data-testid="regression-badge"
        >
          regression
        </Badge>
      ) : null}
    </span>
  )
}
