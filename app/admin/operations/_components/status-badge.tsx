import { Badge, type BadgeTone } from "@/components/ui/badge"

const TONES: Record<string, BadgeTone> = { up: "success", live: "success", SUCCEEDED: "success", down: "danger", gone: "neutral", FAILED: "danger", RUNNING: "brand", unknown: "warning", "not configured": "neutral" }

/** A state as words on a tinted badge (the word, not the colour, carries the meaning). */
export function StatusBadge({ state, label }: { state: string; label?: string }) {
  return <Badge tone={TONES[state] ?? "neutral"}>{label ?? state.toLowerCase()}</Badge>
}
