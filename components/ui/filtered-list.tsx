import type { ReactNode } from "react"
import { ButtonLink } from "@/components/ui/button"
import { EmptyState } from "@/components/ui/empty-state"
import { Pagination } from "@/components/ui/pagination"
import { pageHref, type SearchParamsInput } from "@/lib/utils/pagination"

type ListPage = { items: readonly unknown[]; total: number; page: number; pageCount: number }
type Message = { title: string; description: string }

type FilteredListProps = {
  /** The list page's path, for pagination links. */
  basePath: string
  /** The URL's filters, kept by every pagination link. */
  query: SearchParamsInput
  page: ListPage
  filtered: boolean
  /** What is counted, singular and plural: "1 email", "12 emails". */
  noun: { one: string; many: string }
  /** What follows the count when filters apply; "match these filters" by default. */
  matching?: string
  /** With no filters and nothing at all. */
  empty: Message
  /** With filters that match nothing. */
  noMatch: Message
  /** The table of `page.items`. */
  children: ReactNode
}

/** The count, the table and its pages of an admin list; or the empty state that fits. */
export function FilteredList({
  basePath,
  query,
  page,
  filtered,
  noun,
  matching = "match these filters",
  empty,
  noMatch,
  children,
}: FilteredListProps) {
  const message = filtered ? noMatch : empty
  return (
    <>
      <p className="text-sm text-slate-600" aria-live="polite">
        {page.total === 1 ? `1 ${noun.one}` : `${page.total.toLocaleString("en-US")} ${noun.many}`}
        {filtered ? ` ${matching}` : ""}
      </p>
      {page.items.length > 0 ? (
        <>
          {children}
          <Pagination basePath={basePath} searchParams={query} page={page.page} pageCount={page.pageCount} />
        </>
      ) : page.total > 0 ? (
        // A stale or hand-edited link can point past the last page.
        <EmptyState
          title={`This page is past the last ${noun.one}`}
          action={<ButtonLink href={pageHref(basePath, query, 1)}>Go to the first page</ButtonLink>}
        />
      ) : (
        <EmptyState title={message.title} description={message.description} />
      )}
    </>
  )
}
