import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { EmailStatusBadge } from "@/components/email/email-badges"
import { getMailboxMessage } from "@/lib/email/queries"
import { MessageBody } from "../_components/message-body"
import { Timestamp } from "../_components/timestamp"
import { requireMailboxAccess } from "../_lib/access"

export const dynamic = "force-dynamic"

type MessagePageProps = { params: Promise<{ id: string }> }

// Checked here too: metadata resolves before the page, and a refused visitor must not see the title.
export async function generateMetadata({ params }: MessagePageProps): Promise<Metadata> {
  const { id } = await params
  await requireMailboxAccess(`/dev/mailbox/${encodeURIComponent(id)}`)
  return { title: "Email", robots: { index: false } }
}

export default async function MailboxMessagePage({ params }: MessagePageProps) {
  const { id } = await params
  await requireMailboxAccess(`/dev/mailbox/${encodeURIComponent(id)}`)
  const message = await getMailboxMessage(id)
  if (!message) notFound()

  return (
    <main id="main-content" className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-8 sm:px-6 lg:py-12">
      <Link href="/dev/mailbox" className="self-start text-sm font-medium text-brand-700 hover:text-brand-800">
        <span aria-hidden="true">← </span>Back to the mailbox
      </Link>
      <h1 className="text-2xl font-bold tracking-tight wrap-anywhere text-slate-900 sm:text-3xl">{message.subject}</h1>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 rounded-xl border border-slate-200 bg-surface p-4 text-sm shadow-sm">
        <dt className="font-medium text-slate-600">To</dt>
        <dd className="wrap-anywhere text-slate-900">{message.to}</dd>
        <dt className="font-medium text-slate-600">Subject</dt>
        <dd className="wrap-anywhere text-slate-900">{message.subject}</dd>
        <dt className="font-medium text-slate-600">Status</dt>
        <dd>
          <EmailStatusBadge status={message.status} />
        </dd>
        <dt className="font-medium text-slate-600">Created</dt>
        <dd className="text-slate-900">
          <Timestamp date={message.createdAt} />
        </dd>
      </dl>

      <section aria-labelledby="text-heading" className="flex flex-col gap-2">
        <h2 id="text-heading" className="text-lg font-semibold text-slate-900">
          Plain text
        </h2>
        <MessageBody text={message.text} />
      </section>

      <section aria-labelledby="html-heading" className="flex flex-col gap-2">
        <h2 id="html-heading" className="text-lg font-semibold text-slate-900">
          HTML
        </h2>
        {/* sandbox="" runs no scripts, submits no forms and gives the email an opaque origin. */}
        <iframe
          title={`HTML version of "${message.subject}"`}
          sandbox=""
          srcDoc={message.html}
          className="h-[36rem] w-full rounded-xl border border-slate-200 bg-white shadow-sm"
        />
      </section>
    </main>
  )
}
