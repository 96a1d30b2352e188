"use client"

import { cn } from "@/lib/utils/cn"

type ScoreRadioGroupProps = {
  name: string
  legend: string
  /** The scores offered, in order (0–10 for NPS, 1–5 for CSAT). */
  scores: readonly number[]
  value: number | null
  onChange: (score: number) => void
  /** Words for some scores, read with the number ("0, Not at all likely"). */
  labels?: Partial<Record<number, string>>
  /** A line under the buttons explaining the scale. */
  hint?: string
  disabled?: boolean
  className?: string
}

/**
 * A row of score buttons that is a native radio group: one tab stop, arrow keys move the choice,
 * and screen readers hear "9, radio button, 10 of 11" inside the question's fieldset.
 */
export function ScoreRadioGroup({
  name,
  legend,
  scores,
  value,
  onChange,
  labels = {},
  hint,
  disabled,
  className,
}: ScoreRadioGroupProps) {
  const hintId = `${name}-hint`
  return (
    <fieldset className={className} disabled={disabled} aria-describedby={hint ? hintId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={cn("mt-3 grid gap-2", scores.length > 6 ? "grid-cols-6 sm:grid-cols-11" : "grid-cols-5")}>
        {scores.map((score) => {
          const label = labels[score]
          return (
            <label key={score} className="relative cursor-pointer">
              <input
                type="radio"
                name={name}
                value={score}
                checked={value === score}
                onChange={() => onChange(score)}
                aria-label={label ? `${score}, ${label}` : String(score)}
                className="peer sr-only"
                data-testid={`${name}-${score}`}
              />
              <span
                aria-hidden="true"
                className={cn(
                  "flex h-10 items-center justify-center rounded-lg border border-slate-300 bg-white text-sm font-semibold text-slate-800 tabular-nums shadow-sm",
                  "peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-checked:text-white hover:bg-slate-50 peer-checked:hover:bg-brand-700",
                  "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:opacity-50",
                )}
              >
                {score}
              </span>
            </label>
          )
        })}
      </div>
      {hint ? (
        <p id={hintId} className="mt-2 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </fieldset>
  )
}
