import { ChoiceFilter, FilterForm } from "@/components/ui/filter-form"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { AUDIT_ACTIONS } from "@/lib/audit/actions"
import type { AuditQuery } from "../_lib/filter"

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

export function AuditFilterForm({ query }: { query: AuditQuery }) {
  const dateValue = (value: string | undefined) => (value && DATE_ONLY.test(value) ? value : undefined)
  return (
    <FilterForm query={query} action="/admin/audit" label="Filter the audit log" layout={4}>
      <ChoiceFilter id="audit-action" name="action" label="Action" value={query.action} choices={AUDIT_ACTIONS} />
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
    </FilterForm>
  )
}
