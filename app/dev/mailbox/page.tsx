import type { Metadata } from "next"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { listMailbox } from "@/lib/email/queries"
import { MailboxList } from "./_components/mailbox-list"
import { RecipientFilter } from "./_components/recipient-filter"
import { requireMailboxAccess } from "./_lib/access"

// Checked here too: metadata resolves before the page, and a refused visitor must not see the title.
export async function generateMetadata(): Promise<Metadata> {
  await requireMailboxAccess("/dev/mailbox")
  return { title: "Mailbox", robots: { index: false } }
}
export const dynamic = "force-dynamic"

const PAGE_SIZE = 50

type MailboxPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function MailboxPage({ searchParams }: MailboxPageProps) {
  await requireMailboxAccess("/dev/mailbox")
  const { to: rawTo } = await searchParams
  const to = (Array.isArray(rawTo) ? rawTo[0] : rawTo)?.trim().slice(0, 320) ?? ""
  const items = await listMailbox({ to: to || undefined, take: PAGE_SIZE })

  return (
    <main id="main-content" className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-8 sm:px-6 lg:py-12">
      <PageHeader
        title="Mailbox"
        description={`Every email the app sent or held in its outbox, newest first (latest ${PAGE_SIZE}). A sign-in email shows its link only in a demo without an email service, until the link expires; it is stored with the link removed.`}
      />
      <RecipientFilter to={to} />
      {items.length > 0 ? (
        <MailboxList items={items} />
      ) : (
        <EmptyState
          title={to ? `No emails to ${to}` : "No emails yet"}
          description="Emails appear here as soon as the app sends them, for example a sign-in link."
        />
      )}
    </main>
  )
}
