import Link from "next/link"
import { cn } from "@/lib/utils/cn"
import { clampPage, pageHref, pageWindow, type SearchParamsInput } from "@/lib/utils/pagination"

type HrefSource =
  | { hrefForPage: (page: number) => string }
  /** The current query is kept; only `param` (default "page") changes. */
  | { basePath: string; searchParams?: SearchParamsInput; param?: string }

type PaginationProps = HrefSource & { page: number; pageCount: number; className?: string }

const itemClasses = "inline-flex h-9 min-w-9 items-center justify-center rounded-md px-3 text-sm font-medium"

/** Plain links, rendered on the server: pages work without client JS and can be bookmarked. */
export function Pagination(props: PaginationProps) {
  const { pageCount, className } = props
  if (pageCount <= 1) return null
  const page = clampPage(props.page, pageCount)
  const href = (n: number) =>
    "hrefForPage" in props ? props.hrefForPage(n) : pageHref(props.basePath, props.searchParams, n, props.param)

  return (
    <nav aria-label="Pagination" className={cn("flex items-center justify-between gap-2", className)}>
      <Step label="Previous" href={page > 1 ? href(page - 1) : undefined} rel="prev" />
      <p className="text-sm text-slate-600 sm:hidden">
        Page {page} of {pageCount}
      </p>
      <ul className="hidden items-center gap-1 sm:flex">
        {pageWindow(page, pageCount).map((n, index) =>
          n === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-2 text-slate-500">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                href={href(n)}
                aria-current={n === page ? "page" : undefined}
                aria-label={`Page ${n}`}
                className={cn(
                  itemClasses,
                  n === page ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      <Step label="Next" href={page < pageCount ? href(page + 1) : undefined} rel="next" />
    </nav>
  )
}

function Step({ label, href, rel }: { label: string; href: string | undefined; rel: "prev" | "next" }) {
  const classes = cn(itemClasses, "border border-slate-300 bg-white text-slate-800")
  if (!href) {
    return (
      <span aria-disabled="true" className={cn(classes, "cursor-not-allowed opacity-50")}>
        {label}
      </span>
    )
  }
  return (
    <Link href={href} rel={rel} className={cn(classes, "hover:bg-slate-50")}>
      {label}
    </Link>
  )
}
