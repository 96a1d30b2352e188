import { Button, ButtonLink } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { SubscriptionStatus } from "@/generated/prisma/enums"
import type { CustomerQuery } from "../_lib/filter"
import { SUBSCRIPTION_STATUS_LABELS } from "./subscription-status-badge"

/** A GET form: the search lives in the URL, so a filtered view can be bookmarked or shared. */
export function CustomerFilterForm({ query }: { query: CustomerQuery }) {
  return (
    <form method="get" action="/admin/customers" role="search" aria-label="Search customers" className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end">
      <div>
        <Label htmlFor="customers-q">Email or name contains</Label>
        <Input id="customers-q" name="q" type="search" defaultValue={query.q} autoComplete="off" />
      </div>
      <div>
        <Label htmlFor="customers-status">Subscription</Label>
        <Select id="customers-status" name="status" defaultValue={query.status ?? ""}>
          <option value="">All</option>
          {Object.values(SubscriptionStatus).map((status) => (
            <option key={status} value={status}>
              {SUBSCRIPTION_STATUS_LABELS[status].label}
            </option>
          ))}
          <option value="none">No subscription</option>
        </Select>
      </div>
      {/* An exact-address search arriving from a link stays applied until cleared. */}
      {query.email ? <input type="hidden" name="email" value={query.email} /> : null}
      <div className="flex gap-2">
        <Button type="submit">Search</Button>
        <ButtonLink href="/admin/customers" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  )
}
