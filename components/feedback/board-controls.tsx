import { Button } from "@/components/ui/button"
import { GetForm } from "@/components/ui/get-form"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { STATUS_LABELS } from "@/lib/feedback/format"
import { BOARD_STATUS_FILTERS, type BoardQuery } from "@/lib/feedback/schemas"

/** Sort and status filter of the feature board. */
export function BoardControls({
  action,
  query,
  idPrefix = "board",
}: {
  action: string
  query: Pick<BoardQuery, "sort" | "status">
  idPrefix?: string
}) {
  return (
    <GetForm
      values={query}
      action={action}
      role="search"
      aria-label="Sort and filter feature requests"
      className="flex flex-wrap items-end gap-3"
    >
      <div>
        <Label htmlFor={`${idPrefix}-sort`}>Sort by</Label>
        <Select id={`${idPrefix}-sort`} name="sort" defaultValue={query.sort} className="w-40">
          <option value="top">Most votes</option>
          <option value="new">Newest</option>
        </Select>
      </div>
      <div>
        <Label htmlFor={`${idPrefix}-status`}>Status</Label>
        <Select id={`${idPrefix}-status`} name="status" defaultValue={query.status} className="w-40">
          {BOARD_STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {status === "all" ? "All" : STATUS_LABELS[status]}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </GetForm>
  )
}
