import { Button, ButtonLink } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import type { OrderQuery } from "../_lib/filter"

/** A GET form, so a search is a URL; the current tab rides along. */
export function OrderSearchForm({ query }: { query: OrderQuery }) {
  // Keyed by the URL's search: an edited field ignores a new defaultValue, so Clear redraws it.
  return (
    <form key={`${query.view ?? ""}|${query.q ?? ""}`} method="get" action="/admin/orders" role="search" aria-label="Search orders" className="flex flex-wrap items-end gap-2">
      {query.view ? <input type="hidden" name="view" value={query.view} /> : null}
      <div className="min-w-64 flex-1 sm:max-w-sm">
        <Label htmlFor="orders-q">Customer email contains</Label>
        <Input id="orders-q" name="q" type="search" defaultValue={query.q} autoComplete="off" maxLength={200} data-testid="orders-search" />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {query.q ? (
        <ButtonLink href={query.view ? `/admin/orders?view=${query.view}` : "/admin/orders"} variant="ghost">
          Clear
        </ButtonLink>
      ) : null}
    </form>
  )
}
