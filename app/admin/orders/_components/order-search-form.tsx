import { Button, ButtonLink } from "@/components/ui/button"
import { GetForm } from "@/components/ui/get-form"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import type { OrderQuery } from "../_lib/filter"

/** A search of the orders; the current tab rides along. */
export function OrderSearchForm({ query }: { query: OrderQuery }) {
  return (
    <GetForm
      values={query}
      action="/admin/orders"
      role="search"
      aria-label="Search orders"
      className="flex flex-wrap items-end gap-2"
    >
      {query.view ? <input type="hidden" name="view" value={query.view} /> : null}
      <div className="min-w-64 flex-1 sm:max-w-sm">
        <Label htmlFor="orders-q">Customer email contains</Label>
        <Input
          id="orders-q"
          name="q"
          type="search"
          defaultValue={query.q}
          autoComplete="off"
          maxLength={200}
          data-testid="orders-search"
        />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {query.q ? (
        <ButtonLink href={query.view ? `/admin/orders?view=${query.view}` : "/admin/orders"} variant="ghost">
          Clear
        </ButtonLink>
      ) : null}
    </GetForm>
  )
}
