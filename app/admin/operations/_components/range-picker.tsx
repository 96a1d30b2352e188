import { RangePresets } from "@/components/ui/range-presets"
import { RANGE_PRESETS, type RangePreset } from "@/lib/monitoring/time-range"
import type { OperationsQuery } from "@/lib/monitoring/operations/schemas"
import { operationsHref } from "../_lib/query"

const LABELS: Record<RangePreset, string> = {
  "1h": "1 hour",
  "6h": "6 hours",
  "24h": "24 hours",
  "7d": "7 days",
  "30d": "30 days",
  "90d": "90 days",
}

export function RangePicker({ query }: { query: OperationsQuery }) {
  const presets = (Object.keys(RANGE_PRESETS) as RangePreset[]).map((key) => ({
    key,
    label: LABELS[key],
    href: operationsHref(query, { range: key }),
    current: key === query.range,
  }))
  return <RangePresets presets={presets} />
}
