import { Badge, type BadgeTone } from "@/components/ui/badge"
import type { FeatureRequestStatus } from "@/generated/prisma/enums"
import { STATUS_LABELS } from "@/lib/feedback/format"

// The words are lib/feedback/format's, which the status email uses too.
export const FEATURE_REQUEST_STATUS_TONES: Record<FeatureRequestStatus, BadgeTone> = {
  OPEN: "neutral",
  PLANNED: "brand",
  IN_PROGRESS: "warning",
  SHIPPED: "success",
  DECLINED: "danger",
}

export function FeatureStatusBadge({ status }: { status: FeatureRequestStatus }) {
  return (
    <Badge tone={FEATURE_REQUEST_STATUS_TONES[status]} data-testid="request-status">
      {STATUS_LABELS[status]}
    </Badge>
  )
}
