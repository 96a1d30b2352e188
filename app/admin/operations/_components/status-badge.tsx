import { Badge, type BadgeStyle } from "@/components/ui/badge"
import type { JobRunStatus } from "@/generated/prisma/enums"

// One registry per vocabulary on this page; the word, not the colour, carries the meaning.
const JOB_RUN_STATUS_BADGES: Record<JobRunStatus, BadgeStyle> = {
  RUNNING: { label: "running", tone: "brand" },
  SUCCEEDED: { label: "succeeded", tone: "success" },
  FAILED: { label: "failed", tone: "danger" },
}

/** A component's uptime: its last probe, or none configured and none ever recorded. */
const UPTIME_BADGES: Record<"up" | "down" | "unknown" | "not configured", BadgeStyle> = {
  up: { label: "up", tone: "success" },
  down: { label: "down", tone: "danger" },
  unknown: { label: "unknown", tone: "warning" },
  "not configured": { label: "not configured", tone: "neutral" },
}

/** An app instance: still sampling resources, or not heard from lately. */
const INSTANCE_BADGES: Record<"live" | "gone", BadgeStyle> = {
  live: { label: "live", tone: "success" },
  gone: { label: "gone", tone: "neutral" },
}

const BADGES = { ...JOB_RUN_STATUS_BADGES, ...UPTIME_BADGES, ...INSTANCE_BADGES }

export type OperationsState = keyof typeof BADGES

/** A job run's status, a component's uptime or an instance's liveness, as a tinted word. */
export function StatusBadge({ state }: { state: OperationsState }) {
  const { label, tone } = BADGES[state]
  return <Badge tone={tone}>{label}</Badge>
}
