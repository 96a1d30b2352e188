import type { Metadata } from "next"
import { BoardControls } from "@/components/feedback/board-controls"
import { FeatureRequestForm } from "@/components/feedback/feature-request-form"
import { FeatureRequestList } from "@/components/feedback/feature-request-list"
import { FeedbackForm } from "@/components/feedback/feedback-form"
import { ButtonLink } from "@/components/ui/button"
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import { Pagination } from "@/components/ui/pagination"
import { requireUser } from "@/lib/auth/session"
import { boardSearchParams, parseBoardSearchParams } from "@/lib/feedback/board-query"
import { isCustomer, listBoard } from "@/lib/feedback/feature-requests"

export const metadata: Metadata = { title: "Feedback" }
export const dynamic = "force-dynamic"

const PAGE_SIZE = 10

type FeedbackPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function FeedbackPage({ searchParams }: FeedbackPageProps) {
  const user = await requireUser("/account/feedback")
  const raw = await searchParams
  const query = parseBoardSearchParams(raw, PAGE_SIZE)
  const board = await listBoard(user.id, query)
  const customer = await isCustomer(user.id)
  const filtered = query.status !== "all"

  return (
    <main
      id="main-content"
      data-testid="feedback-page"
      className="mx-auto flex w-full max-w-5xl flex-1 flex-col gap-10 px-4 py-8 sm:px-6 sm:py-12"
    >
      <PageHeader
        title="Feedback"
        description="Tell us how we are doing, suggest features and vote for the ones you want most."
      />

      <Card>
        <CardHeader>
          <CardTitle as="h2">Send us feedback</CardTitle>
          <CardDescription>A person on our team reads every message.</CardDescription>
        </CardHeader>
        <CardContent>
          <FeedbackForm fromPage={fromPage(raw.from)} />
        </CardContent>
      </Card>

      <section aria-labelledby="board-heading" className="flex flex-col gap-5">
        <div>
          <h2 id="board-heading" className="text-xl font-semibold text-slate-900">
            Feature requests
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Vote for what you want next. When we plan, start or ship a request, everyone who voted gets an email.
          </p>
        </div>
        {customer ? (
          <details
            className="rounded-xl border border-slate-200 bg-surface p-4 shadow-sm sm:p-5"
            data-testid="suggest-feature"
          >
            <summary className="cursor-pointer text-sm font-semibold text-brand-700">Suggest a feature</summary>
            <div className="mt-4">
              <FeatureRequestForm />
            </div>
          </details>
        ) : (
          <p className="rounded-xl border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
            Subscribers can post and vote on feature requests.
          </p>
        )}
        <BoardControls action="/account/feedback" query={query} />
        <p className="text-sm text-slate-600" aria-live="polite">
          {board.total === 1 ? "1 request" : `${board.total.toLocaleString("en-US")} requests`}
        </p>
        {board.items.length > 0 ? (
          <>
            <FeatureRequestList items={board.items} canVote={customer} />
            <Pagination
              basePath="/account/feedback"
              searchParams={boardSearchParams(query)}
              page={board.page}
              pageCount={board.pageCount}
            />
          </>
        ) : board.total > 0 ? (
          <EmptyState
            as="h3"
            title="This page is past the end of the board"
            action={<ButtonLink href="/account/feedback">Go to the first page</ButtonLink>}
          />
        ) : (
          <EmptyState
            as="h3"
            title={filtered ? "No requests with this status" : "No feature requests yet"}
            description={
              filtered ? "Try another status." : customer ? "Be the first: suggest a feature above." : undefined
            }
          />
        )}
      </section>
    </main>
  )
}

/** ?from=/account/billing: the page the feedback link was on; anything but a local path is ignored. */
function fromPage(value: string | string[] | undefined): string | null {
  const path = Array.isArray(value) ? value[0] : value
  return path && /^\/(?!\/)[^\s]{0,299}$/.test(path) ? path.split(/[?#]/)[0]! : null
}
