import Link from "next/link"
import { cn } from "@/lib/utils/cn"

export type RangePresetLink = { key: string; label: string; href: string; current: boolean }

/** Preset ranges as links, not a form: each range is a URL to share, working before any script loads. */
export function RangePresets({
  presets,
  label = "Time range",
}: {
  presets: readonly RangePresetLink[]
  label?: string
}) {
  return (
    <nav aria-label={label}>
      <ul className="inline-flex flex-wrap gap-1 rounded-lg border border-slate-200 bg-surface p-1 shadow-sm">
        {presets.map((preset) => (
          <li key={preset.key}>
            <Link
              href={preset.href}
              aria-current={preset.current ? "page" : undefined}
              aria-label={`Last ${preset.label}`}
              className={cn(
                "block rounded-md px-3 py-1.5 text-sm font-medium tabular-nums",
                preset.current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
              data-testid={`range-${preset.key}`}
            >
              {preset.key}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
