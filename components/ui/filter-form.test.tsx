import { renderToStaticMarkup } from "react-dom/server"
import { expect, test } from "vitest"
import { ChoiceFilter, enumChoices, FilterForm } from "./filter-form"

test("a GET search form on its list page, whose Clear link drops every filter; a choice starts at All and keeps the URL's value", () => {
  const html = renderToStaticMarkup(
    <FilterForm query={{ status: "RESOLVED" }} action="/admin/errors" label="Filter error groups" layout={2}>
      <ChoiceFilter
        id="error-status"
        name="status"
        label="Status"
        value="RESOLVED"
        choices={enumChoices({ OPEN: "OPEN", RESOLVED: "RESOLVED" })}
      />
    </FilterForm>,
  )
  const form = html.match(/<form [^>]*>/)![0]
  for (const attribute of [
    'role="search"',
    'aria-label="Filter error groups"',
    'action="/admin/errors"',
    'method="get"',
  ])
    expect(form).toContain(attribute)
  expect(html).toContain(
    '<label class="mb-1.5 block text-sm font-medium text-slate-800" for="error-status">Status</label>',
  )
  expect(html).toContain(
    '<option value="">All</option><option value="OPEN">open</option><option value="RESOLVED" selected="">resolved</option>',
  )
  expect(html).toContain('<button type="submit"')
  expect(html).toMatch(/<a [^>]*href="\/admin\/errors"[^>]*>Clear<\/a>/)
})
