import type { ComponentProps } from "react"
import { cn } from "@/lib/utils/cn"

// Text colours are the -700/-800 shades so every pairing passes WCAG AA on its tinted background.
const tones = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-200",
  brand: "bg-brand-50 text-brand-700 ring-brand-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  danger: "bg-red-50 text-red-700 ring-red-200",
} as const

export type BadgeTone = keyof typeof tones

/**
 * How one value of an enum reads as a badge. Each enum has one registry, typed
 * `Record<Enum, BadgeStyle>`: a new value then fails to compile until it has its words and tone.
 */
export type BadgeStyle = { label: string; tone: BadgeTone }

export function Badge({ tone = "neutral", className, ...props }: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...props}
    />
  )
}
