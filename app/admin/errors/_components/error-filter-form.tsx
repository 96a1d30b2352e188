import { Button, ButtonLink } from "@/components/ui/button"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { ErrorGroupStatus } from "@/generated/prisma/enums"
import type { ErrorGroupQuery } from "../_lib/filter"

/** A GET form: filters live in the URL, so a filtered view can be bookmarked or shared. */
export function ErrorFilterForm({ query }: { query: ErrorGroupQuery }) {
  return (
    <form method="get" action="/admin/errors" role="search" aria-label="Filter error groups" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(2,minmax(0,1fr))_auto] lg:items-end">
      <div>
        <Label htmlFor="error-status">Status</Label>
        <Select id="error-status" name="status" defaultValue={query.status ?? ""}>
          <option value="">All</option>
          {Object.values(ErrorGroupStatus).map((status) => (
            <option key={status} value={status}>
              {status.toLowerCase()}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="error-sort">Order</Label>
        <Select id="error-sort" name="sort" defaultValue={query.sort ?? "last_seen"}>
          <option value="last_seen">Last seen first</option>
          <option value="count">Most frequent first</option>
        </Select>
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit">Filter</Button>
        <ButtonLink href="/admin/errors" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  )
}
