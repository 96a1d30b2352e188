import { buttonClasses } from "@/components/ui/button"
import { GetForm } from "@/components/ui/get-form"
import { Input } from "@/components/ui/input"
import { RangePresets } from "@/components/ui/range-presets"
import { PRODUCT_PRESETS, type ProductPreset, type ProductRange } from "@/lib/analytics/model/range"
import { type ProductPageQuery, productHref } from "../_lib/query"

const LABELS: Record<ProductPreset, string> = { "7d": "7 days", "30d": "30 days", "90d": "90 days", "365d": "365 days" }

type RangePickerProps = { query: ProductPageQuery; range: ProductRange; previous: ProductRange }

/**
 * Presets are links and the custom range a GET form, so every range is a URL to share and works
 * before the page's script loads. The form carries the funnel and cohort settings along.
 */
export function ProductRangePicker({ query, range, previous }: RangePickerProps) {
  const custom = Boolean(query.range.from && query.range.to)
  const kept = [...new URL(productHref(query, { range: { range: "30d" } }), "http://local").searchParams].filter(
    ([key]) => key !== "range",
  )
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <RangePresets
          label="Date range"
          presets={(Object.keys(PRODUCT_PRESETS) as ProductPreset[]).map((key) => ({
            key,
            label: LABELS[key],
            href: productHref(query, { range: { range: key } }),
            current: !custom && key === query.range.range,
          }))}
        />
        <GetForm
          values={[range.firstDay, range.lastDay]}
          action="/admin/product"
          className="flex flex-wrap items-end gap-2"
          aria-label="Custom date range"
          data-testid="custom-range"
        >
          {kept.map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <div>
            <label htmlFor="range-from" className="mb-1 block text-xs font-medium text-slate-700">
              From
            </label>
            <Input
              id="range-from"
              name="from"
              type="date"
              required
              defaultValue={range.firstDay}
              className="h-9 w-40"
            />
          </div>
          <div>
            <label htmlFor="range-to" className="mb-1 block text-xs font-medium text-slate-700">
              To
            </label>
            <Input id="range-to" name="to" type="date" required defaultValue={range.lastDay} className="h-9 w-40" />
          </div>
          <button
            type="submit"
            className={buttonClasses({ variant: custom ? "primary" : "secondary", size: "sm", className: "h-9" })}
          >
            Apply
          </button>
        </GetForm>
      </div>
      <p className="text-sm text-slate-600" data-testid="range-summary">
        {range.firstDay} to {range.lastDay} ({range.days} {range.days === 1 ? "day" : "days"}, {range.timeZone}),
        compared with the previous period, {previous.firstDay} to {previous.lastDay}.
      </p>
    </div>
  )
}
