import { buttonClasses } from "@/components/ui/button"
import { Select } from "@/components/ui/select"
import { DEFAULT_FUNNEL_NAME } from "@/lib/analytics/funnels/report"
import type { SavedFunnel } from "@/lib/analytics/funnels/saved-funnels"
import { type ProductPageQuery, productHref } from "../_lib/query"

type SavedFunnelPickerProps = { query: ProductPageQuery; saved: SavedFunnel[]; total: number; current: string | null }

/** A GET form: choosing a funnel is a URL like any other, and works without the page's script. */
export function SavedFunnelPicker({ query, saved, total, current }: SavedFunnelPickerProps) {
  // Range, cohorts and breakdown stay; the steps and window come from the funnel chosen.
  const kept = [
    ...new URL(productHref(query, { funnel: { breakdown: query.funnel.breakdown } }), "http://local").searchParams,
  ]
  return (
    <form
      action="/admin/product#funnels"
      method="get"
      className="flex flex-wrap items-end gap-2"
      data-testid="saved-funnel-picker"
    >
      {kept.map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <div>
        <label htmlFor="saved-funnel" className="mb-1 block text-xs font-medium text-slate-700">
          Funnel
        </label>
        <Select
          id="saved-funnel"
          name="funnelId"
          defaultValue={current ?? ""}
          className="h-9 w-80 max-w-full"
          data-testid="saved-funnel-select"
        >
          <option value="">{DEFAULT_FUNNEL_NAME} (default)</option>
          {saved.map((funnel) => (
            <option key={funnel.id} value={funnel.id}>
              {funnel.name}
            </option>
          ))}
        </Select>
      </div>
      <button
        type="submit"
        className={buttonClasses({ variant: "secondary", size: "sm", className: "h-9" })}
        data-testid="saved-funnel-open"
      >
        Open
      </button>
      {total > saved.length ? (
        <p className="w-full text-xs text-slate-600">
          The first {saved.length} of {total} saved funnels, by name.
        </p>
      ) : null}
    </form>
  )
}
