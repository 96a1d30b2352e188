import { Badge, type BadgeTone } from "@/components/ui/badge"
import type { ErrorGroupStatus } from "@/generated/prisma/enums"

const TONE: Record<ErrorGroupStatus, BadgeTone> = { OPEN: "danger", RESOLVED: "success", IGNORED: "neutral" }

/** The group's status, and "regression" when a resolved group came back and is still open. */
export function ErrorStatusBadges({ status, regressedAt }: { status: ErrorGroupStatus; regressedAt: Date | null }) {
  return (
    <span className="flex flex-wrap items-center gap-1">
      <Badge tone={TONE[status]}>{status.toLowerCase()}</Badge>
      {status === "OPEN" && regressedAt ? (
        <Badge tone="warning" title={`Came back after it was resolved, ${regressedAt.toISOString()}`} data-testid="regression-badge">
          regression
        </Badge>
      ) : null}
    </span>
  )
}
