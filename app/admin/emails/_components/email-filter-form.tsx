import { ChoiceFilter, enumChoices, FilterForm } from "@/components/ui/filter-form"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { EmailStatus } from "@/generated/prisma/enums"
import { TEMPLATE_NAMES } from "@/lib/email/template-names"
import type { EmailQuery } from "../_lib/filter"

export function EmailFilterForm({ query }: { query: EmailQuery }) {
  return (
    <FilterForm query={query} action="/admin/emails" label="Filter emails" layout={3}>
      <ChoiceFilter
        id="email-status"
        name="status"
        label="Status"
        value={query.status}
        choices={enumChoices(EmailStatus)}
      />
      <ChoiceFilter
        id="email-template"
        name="template"
        label="Template"
        value={query.template}
        choices={TEMPLATE_NAMES}
      />
      <div>
        <Label htmlFor="email-to">Recipient contains</Label>
        <Input id="email-to" name="to" type="search" defaultValue={query.to} autoComplete="off" />
      </div>
    </FilterForm>
  )
}
