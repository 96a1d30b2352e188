import { Badge } from "@/components/ui/badge"
import type { FeatureRequestStatus } from "@/generated/prisma/enums"
import { STATUS_LABELS, STATUS_TONES } from "@/lib/feedback/format"

export function FeatureStatusBadge({ status }: { status: FeatureRequestStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]} data-testid="request-status">
      {STATUS_LABELS[status]}
    </Badge>
  )
}
