import { Button, ButtonLink } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { WebhookStatus } from "@/generated/prisma/enums"
import type { DeliveryQuery } from "../_lib/filter"

/** A GET form: filters live in the URL, so a filtered view can be bookmarked or shared. */
export function DeliveryFilterForm({ query, suggestions }: { query: DeliveryQuery; suggestions: readonly string[] }) {
  return (
    <form method="get" action="/admin/webhooks" role="search" aria-label="Filter webhook deliveries" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(2,minmax(0,1fr))_auto] lg:items-end">
      <div>
        <Label htmlFor="delivery-status">Status</Label>
        <Select id="delivery-status" name="status" defaultValue={query.status ?? ""}>
          <option value="">All</option>
          {Object.values(WebhookStatus).map((status) => (
            <option key={status} value={status}>
              {status.toLowerCase()}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="delivery-type">Event type (a prefix ending in “.” matches a family)</Label>
        <Input id="delivery-type" name="type" type="search" list="delivery-types" defaultValue={query.type} autoComplete="off" placeholder="order.paid, subscription." />
        <datalist id="delivery-types">
          {suggestions.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit">Filter</Button>
        <ButtonLink href="/admin/webhooks" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  )
}
