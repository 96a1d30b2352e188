import { ChoiceFilter, enumChoices, FilterForm } from "@/components/ui/filter-form"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { ErrorGroupStatus } from "@/generated/prisma/enums"
import type { ErrorGroupQuery } from "../_lib/filter"

export function ErrorFilterForm({ query }: { query: ErrorGroupQuery }) {
  return (
    <FilterForm query={query} action="/admin/errors" label="Filter error groups" layout={2}>
      <ChoiceFilter
        id="error-status"
        name="status"
        label="Status"
        value={query.status}
        choices={enumChoices(ErrorGroupStatus)}
      />
      <div>
        <Label htmlFor="error-sort">Order</Label>
        <Select id="error-sort" name="sort" defaultValue={query.sort ?? "last_seen"}>
          <option value="last_seen">Last seen first</option>
          <option value="count">Most frequent first</option>
        </Select>
      </div>
    </FilterForm>
  )
}
