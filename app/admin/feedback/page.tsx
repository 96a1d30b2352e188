import type { Metadata } from "next"
import { BoardControls } from "@/components/feedback/board-controls"
import { FeedbackStats } from "@/components/feedback/feedback-stats"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { Pagination } from "@/components/ui/pagination"
import { productRange } from "@/lib/analytics/model/range"
import { requireStaffRole } from "@/lib/auth/session"
import { boardSearchParams, parseBoardSearchParams } from "@/lib/feedback/board-query"
import { feedbackReport } from "@/lib/feedback/report"
import { FEEDBACK_STAFF_ROLES } from "@/lib/feedback/roles"
import { staffFeedbackQuerySchema } from "@/lib/feedback/schemas"
import { listFeedbackMessages, listNpsResponses, listStaffBoard } from "@/lib/feedback/staff-queries"
import { pageHref } from "@/lib/utils/pagination"
import { previousPeriod } from "@/lib/utils/time-range"
import { BoardTable } from "./_components/board-table"
import { MessagesTable } from "./_components/messages-table"
import { NpsTable } from "./_components/nps-table"

export const metadata: Metadata = { title: "Feedback" }
export const dynamic = "force-dynamic"

const PAGE_SIZE = 20

type StaffFeedbackPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function StaffFeedbackPage({ searchParams }: StaffFeedbackPageProps) {
  // Support, admins and owners, as the /api/admin feedback routes; engineers get the 403 page.
  await requireStaffRole("/admin/feedback", FEEDBACK_STAFF_ROLES)
  const raw = await searchParams
  const boardQuery = parseBoardSearchParams(raw, PAGE_SIZE)
  const lists = staffFeedbackQuerySchema.safeParse({
    messagesPage: first(raw.messagesPage),
    npsPage: first(raw.npsPage),
    withComment: first(raw.withComment),
    pageSize: PAGE_SIZE,
  })
  const { messagesPage, npsPage, withComment } = lists.success
    ? lists.data
    : staffFeedbackQuerySchema.parse({ pageSize: PAGE_SIZE })
  const range = productRange({ range: "90d" })
  // One query at a time: the embedded database has one connection.
  const report = await feedbackReport(range, previousPeriod(range))
  const board = await listStaffBoard(boardQuery)
  const messages = await listFeedbackMessages({ page: messagesPage, pageSize: PAGE_SIZE })
  const nps = await listNpsResponses({ page: npsPage, pageSize: PAGE_SIZE, withComment })
  const link = (param: string, anchor: string) => (page: number) =>
    `${pageHref("/admin/feedback", raw, page, param)}#${anchor}`

  return (
    <div className="flex flex-col gap-10" data-testid="staff-feedback-page">
      <PageHeader
        title="Feedback"
        description={`The feature-request board, feedback messages and NPS answers. Figures cover the last 90 days (${range.firstDay} to ${range.lastDay}, ${range.timeZone}) against the 90 before.`}
      />
      <FeedbackStats report={report} />

      <section id="board" aria-labelledby="board-heading" className="flex scroll-mt-6 flex-col gap-4">
        <div>
          <h2 id="board-heading" className="text-xl font-semibold text-slate-900">
            Feature requests
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Setting a status emails everyone who voted and the author, once per status.
          </p>
        </div>
        <BoardControls action="/admin/feedback#board" query={boardQuery} idPrefix="staff-board" />
        {board.items.length > 0 ? (
          <>
            <BoardTable items={board.items} />
            <Pagination
              hrefForPage={(page) =>
                `${pageHref("/admin/feedback", { ...rawWithout(raw, ["sort", "status"]), ...boardSearchParams(boardQuery) }, page)}#board`
              }
              page={board.page}
              pageCount={board.pageCount}
            />
          </>
        ) : (
          <EmptyState
            as="h3"
            title={board.total > 0 ? "This page is past the end of the board" : "No feature requests match"}
          />
        )}
      </section>

      <section id="messages" aria-labelledby="messages-heading" className="flex scroll-mt-6 flex-col gap-4">
        <h2 id="messages-heading" className="text-xl font-semibold text-slate-900">
          Feedback messages{" "}
          <span className="text-base font-normal text-slate-600">({messages.total.toLocaleString("en-US")})</span>
        </h2>
        {messages.items.length > 0 ? (
          <>
            <MessagesTable items={messages.items} />
            <Pagination
              hrefForPage={link("messagesPage", "messages")}
              page={messages.page}
              pageCount={messages.pageCount}
            />
          </>
        ) : (
          <EmptyState
            as="h3"
            title="No feedback messages yet"
            description="Messages from the portal's feedback form appear here."
          />
        )}
      </section>

      <section id="nps" aria-labelledby="nps-heading" className="flex scroll-mt-6 flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="nps-heading" className="text-xl font-semibold text-slate-900">
            NPS answers{" "}
            <span className="text-base font-normal text-slate-600">({nps.total.toLocaleString("en-US")})</span>
          </h2>
          <a
            href={`${pageHref("/admin/feedback", { ...rawWithout(raw, ["withComment"]), ...(withComment ? {} : { withComment: "true" }) }, 1, "npsPage")}#nps`}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            {withComment ? "Show all answers" : "Only answers with a comment"}
          </a>
        </div>
        {nps.items.length > 0 ? (
          <>
            <NpsTable items={nps.items} />
            <Pagination hrefForPage={link("npsPage", "nps")} page={nps.page} pageCount={nps.pageCount} />
          </>
        ) : (
          <EmptyState as="h3" title={withComment ? "No NPS answers with a comment" : "No NPS answers yet"} />
        )}
      </section>
    </div>
  )
}

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined
}

function rawWithout(
  raw: Record<string, string | string[] | undefined>,
  keys: string[],
): Record<string, string | string[] | undefined> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !keys.includes(key)))
}
