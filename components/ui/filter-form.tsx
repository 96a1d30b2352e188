import type { ReactNode } from "react"
import { Button, ButtonLink } from "@/components/ui/button"
import { GetForm } from "@/components/ui/get-form"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"

// Literal class names, one set per field count, so Tailwind finds them in the source.
const LAYOUTS = {
  2: { form: "sm:grid-cols-2 lg:grid-cols-[repeat(2,minmax(0,1fr))_auto]", actions: "sm:col-span-2 lg:col-span-1" },
  3: { form: "sm:grid-cols-3 lg:grid-cols-[repeat(3,minmax(0,1fr))_auto]", actions: "sm:col-span-3 lg:col-span-1" },
  4: { form: "sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]", actions: "sm:col-span-2 lg:col-span-1" },
} as const

type FilterFormProps = {
  /** The list page: the form GETs it, and "Clear" links back to it unfiltered. */
  action: string
  /** The search landmark's accessible name. */
  label: string
  /** How many fields come before the buttons, for the grid; or a grid of the caller's own. */
  layout: keyof typeof LAYOUTS | { form: string; actions: string }
  /** The filters in the URL, which the fields start from. */
  query: object
  submitLabel?: string
  children: ReactNode
}

/** The filters of an admin list, with Filter and Clear. */
export function FilterForm({ action, label, layout, query, submitLabel = "Filter", children }: FilterFormProps) {
  const classes = typeof layout === "number" ? LAYOUTS[layout] : layout
  return (
    <GetForm
      values={query}
      action={action}
      role="search"
      aria-label={label}
      className={`grid gap-4 lg:items-end ${classes.form}`}
    >
      {children}
      <div className={`flex gap-2 ${classes.actions}`}>
        <Button type="submit">{submitLabel}</Button>
        <ButtonLink href={action} variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </GetForm>
  )
}

type Choice = string | { value: string; label: string }

/** A select whose empty first option, "All", means no filter. */
export function ChoiceFilter({
  id,
  name,
  label,
  value,
  choices,
  children,
}: {
  id: string
  name: string
  label: string
  value: string | undefined
  choices: readonly Choice[]
  children?: ReactNode
}) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">All</option>
        {choices.map((choice) => {
          const { value: optionValue, label: optionLabel } =
            typeof choice === "string" ? { value: choice, label: choice } : choice
          return (
            <option key={optionValue} value={optionValue}>
              {optionLabel}
            </option>
          )
        })}
        {children}
      </Select>
    </div>
  )
}

/** An enum's values as choices, labelled in lower case ("FAILED" reads "failed"). */
export const enumChoices = (values: Record<string, string>): Choice[] =>
  Object.values(values).map((value) => ({ value, label: value.toLowerCase() }))
