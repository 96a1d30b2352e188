import { Button, ButtonLink } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { AUDIT_ACTIONS } from "@/lib/audit/actions"
import type { AuditQuery } from "../_lib/filter"

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** A GET form: filters live in the URL, so a filtered view can be bookmarked or shared. */
export function AuditFilterForm({ query }: { query: AuditQuery }) {
  const dateValue = (value: string | undefined) => (value && DATE_ONLY.test(value) ? value : undefined)
  return (
    <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end">
      <div>
        <Label htmlFor="audit-action">Action</Label>
        <Select id="audit-action" name="action" defaultValue={query.action ?? ""}>
          <option value="">All</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="audit-actor">Actor email contains</Label>
        <Input id="audit-actor" name="actor" type="search" defaultValue={query.actor} autoComplete="off" />
      </div>
      <div>
        <Label htmlFor="audit-from">From</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={dateValue(query.from)} />
      </div>
      <div>
        <Label htmlFor="audit-to">To (inclusive)</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={dateValue(query.to)} />
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit">Filter</Button>
        <ButtonLink href="/admin/audit" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  )
}
