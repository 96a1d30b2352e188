import { Button, ButtonLink } from "@/components/ui/button"
import { GetForm } from "@/components/ui/get-form"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

/** The mailbox filtered to one recipient. */
export function RecipientFilter({ to }: { to: string }) {
  return (
    <GetForm
      values={to}
      action="/dev/mailbox"
      role="search"
      aria-label="Filter emails"
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
    >
      <div className="sm:w-80">
        <Label htmlFor="mailbox-to">Recipient</Label>
        <Input
          id="mailbox-to"
          name="to"
          type="email"
          defaultValue={to}
          placeholder="someone@example.com"
          autoComplete="off"
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {to ? (
          <ButtonLink href="/dev/mailbox" variant="ghost">
            Show all
          </ButtonLink>
        ) : null}
      </div>
    </GetForm>
  )
}
