import { Button, ButtonLink } from "@/components/ui/button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { Select } from "@/components/ui/select"
import { EmailStatus } from "@/generated/prisma/enums"
import { TEMPLATE_NAMES } from "@/lib/email/template-names"
import type { EmailQuery } from "../_lib/filter"

/** A GET form: filters live in the URL, so a filtered view can be bookmarked or shared. */
export function EmailFilterForm({ query }: { query: EmailQuery }) {
  return (
    <form method="get" action="/admin/emails" role="search" aria-label="Filter emails" className="grid gap-4 sm:grid-cols-3 lg:grid-cols-[repeat(3,minmax(0,1fr))_auto] lg:items-end">
      <div>
        <Label htmlFor="email-status">Status</Label>
        <Select id="email-status" name="status" defaultValue={query.status ?? ""}>
          <option value="">All</option>
          {Object.values(EmailStatus).map((status) => (
            <option key={status} value={status}>
              {status.toLowerCase()}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="email-template">Template</Label>
        <Select id="email-template" name="template" defaultValue={query.template ?? ""}>
          <option value="">All</option>
          {TEMPLATE_NAMES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="email-to">Recipient contains</Label>
        <Input id="email-to" name="to" type="search" defaultValue={query.to} autoComplete="off" />
      </div>
      <div className="flex gap-2 sm:col-span-3 lg:col-span-1">
        <Button type="submit">Filter</Button>
        <ButtonLink href="/admin/emails" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  )
}
