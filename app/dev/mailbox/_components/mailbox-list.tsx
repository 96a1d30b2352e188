import Link from "next/link"
import { EmailStatusBadge } from "@/components/email/email-badges"
import type { MailboxItem } from "@/lib/email/queries"
import { Timestamp } from "./timestamp"

// One link per message holding all of its columns: a whole row is a big tap target on a phone,
// and a screen reader hears recipient, subject, status and time as one item.
export function MailboxList({ items }: { items: MailboxItem[] }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-surface shadow-sm">
      <div
        aria-hidden="true"
        className="hidden grid-cols-[minmax(0,14rem)_minmax(0,1fr)_6rem_11rem] gap-4 border-b border-slate-200 bg-slate-50 px-4 py-3 text-xs font-semibold tracking-wide text-slate-600 uppercase md:grid"
      >
        <span>To</span>
        <span>Subject</span>
        <span>Status</span>
        <span>Time</span>
      </div>
      <ul className="divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.id}>
            <Link
              href={`/dev/mailbox/${item.id}`}
              data-testid="mailbox-row"
              className="grid gap-1 px-4 py-3 text-sm hover:bg-slate-50 md:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_6rem_11rem] md:items-center md:gap-4"
            >
              <span className="truncate text-slate-700">
                <span className="sr-only">To: </span>
                {item.to}
              </span>
              <span className="truncate font-medium text-slate-900">
                <span className="sr-only">Subject: </span>
                {item.subject}
              </span>
              <span className="flex items-center gap-3 md:contents">
                <span>
                  <EmailStatusBadge status={item.status} />
                </span>
                <Timestamp date={item.createdAt} className="text-xs text-slate-600 tabular-nums md:text-sm" />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
