import { ChoiceFilter, FilterForm } from "@/components/ui/filter-form"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { SubscriptionStatus } from "@/generated/prisma/enums"
import type { CustomerQuery } from "../_lib/filter"
import { SUBSCRIPTION_STATUS_BADGES } from "./subscription-status-badge"

const LAYOUT = { form: "sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end", actions: "" }
const STATUS_CHOICES = Object.values(SubscriptionStatus).map((status) => ({
  value: status,
  label: SUBSCRIPTION_STATUS_BADGES[status].label,
}))

export function CustomerFilterForm({ query }: { query: CustomerQuery }) {
  return (
    <FilterForm query={query} action="/admin/customers" label="Search customers" layout={LAYOUT} submitLabel="Search">
      <div>
        <Label htmlFor="customers-q">Email or name contains</Label>
        <Input id="customers-q" name="q" type="search" defaultValue={query.q} autoComplete="off" />
      </div>
      <ChoiceFilter
        id="customers-status"
        name="status"
        label="Subscription"
        value={query.status}
        choices={STATUS_CHOICES}
      >
        <option value="none">No subscription</option>
      </ChoiceFilter>
      {/* An exact-address search arriving from a link stays applied until cleared. */}
      {query.email ? <input type="hidden" name="email" value={query.email} /> : null}
    </FilterForm>
  )
}
