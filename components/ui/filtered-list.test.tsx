import { renderToStaticMarkup } from "react-dom/server"
import { describe, expect, test } from "vitest"
import { FilteredList } from "./filtered-list"

const props = {
  basePath: "/admin/emails",
  query: { status: "FAILED", page: "7" },
  noun: { one: "email", many: "emails" },
  empty: { title: "No emails yet", description: "They appear when queued." },
  noMatch: { title: "No emails match these filters", description: "Try another status." },
}
const render = (page: { items: unknown[]; total: number; page: number; pageCount: number }, filtered: boolean) =>
  renderToStaticMarkup(
    <FilteredList {...props} page={page} filtered={filtered}>
      <table data-testid="rows" />
    </FilteredList>,
  )

describe("FilteredList", () => {
  test("a page of items: the count with thousands separated, the table and links to the other pages that keep the filters", () => {
    const html = render({ items: [1, 2], total: 1234, page: 2, pageCount: 3 }, true)
    expect(html).toContain("1,234 emails match these filters")
    expect(html).toContain('data-testid="rows"')
    expect(html).toContain('href="/admin/emails?status=FAILED&amp;page=3"')
  })

  test("one item is counted in the singular, and without filters nothing is said of them", () => {
    const html = render({ items: [1], total: 1, page: 1, pageCount: 1 }, false)
    expect(html).toContain(">1 email<")
    expect(html).not.toContain("match")
  })

  test("past the last page: no table, and a link to the first page with the filters kept", () => {
    const html = render({ items: [], total: 12, page: 7, pageCount: 1 }, true)
    expect(html).not.toContain('data-testid="rows"')
    expect(html).toContain("This page is past the last email")
    expect(html).toContain('href="/admin/emails?status=FAILED"')
  })

  test("nothing at all, and nothing matching, each get their own empty state", () => {
    expect(render({ items: [], total: 0, page: 1, pageCount: 0 }, false)).toContain("No emails yet")
    const noMatch = render({ items: [], total: 0, page: 1, pageCount: 0 }, true)
    expect(noMatch).toContain("No emails match these filters")
    expect(noMatch).toContain("Try another status.")
  })
})
