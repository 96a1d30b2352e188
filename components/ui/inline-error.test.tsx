import { renderToStaticMarkup } from "react-dom/server"
import { expect, test } from "vitest"
import { InlineError } from "./inline-error"

test("an error is an alert; no error renders nothing; a smaller size replaces the default one", () => {
  expect(renderToStaticMarkup(<InlineError message={null} />)).toBe("")
  expect(renderToStaticMarkup(<InlineError message="" />)).toBe("")
  expect(renderToStaticMarkup(<InlineError message="Could not save" className="text-xs" data-testid="e" />)).toBe(
    '<p role="alert" class="text-red-700 text-xs" data-testid="e">Could not save</p>',
  )
})
