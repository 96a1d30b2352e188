import { ChoiceFilter, enumChoices, FilterForm } from "@/components/ui/filter-form"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { WebhookStatus } from "@/generated/prisma/enums"
import type { DeliveryQuery } from "../_lib/filter"

export function DeliveryFilterForm({ query, suggestions }: { query: DeliveryQuery; suggestions: readonly string[] }) {
  return (
    <FilterForm query={query} action="/admin/webhooks" label="Filter webhook deliveries" layout={3}>
      <ChoiceFilter
        id="delivery-status"
        name="status"
        label="Status"
        value={query.status}
        choices={enumChoices(WebhookStatus)}
      />
      <div>
        <Label htmlFor="delivery-type">Event type (a prefix ending in “.” matches a family)</Label>
        <Input
          id="delivery-type"
          name="type"
          type="search"
          list="delivery-types"
          defaultValue={query.type}
          autoComplete="off"
          placeholder="order.paid, subscription."
        />
        <datalist id="delivery-types">
          {suggestions.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </div>
      <div>
        <Label htmlFor="delivery-subscription">Polar subscription id</Label>
        <Input
          id="delivery-subscription"
          name="subscription"
          type="search"
          defaultValue={query.subscription}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
        />
      </div>
    </FilterForm>
  )
}
