import { expect, type Page, test } from "@playwright/test"
import { passSecondFactor, signInWithMagicLink } from "./helpers"

const ENGINEER = "engineer@demo.test"

/** A search that matches nothing, typed into a list's text filter. */
const NOTHING = "zz-no-such-thing-zz"

type List = { path: string; form: string; field: string; one: string; many: string; matching: string; noMatch: string }

// The lists the demo business always fills (customers are seeded; sign-ins queue emails and write the audit log).
const FILLED: List[] = [
  {
    path: "/admin/customers",
    form: "Search customers",
    field: "Email or name contains",
    one: "customer",
    many: "customers",
    matching: "match this search",
    noMatch: "No customers match this search",
  },
  {
    path: "/admin/emails",
    form: "Filter emails",
    field: "Recipient contains",
    one: "email",
    many: "emails",
    matching: "match these filters",
    noMatch: "No emails match these filters",
  },
  {
    path: "/admin/audit",
    form: "Filter the audit log",
    field: "Actor email contains",
    one: "entry",
    many: "entries",
    matching: "match these filters",
    noMatch: "No entries match these filters",
  },
]

const count = (page: Page, list: List) => page.getByText(new RegExp(`^[\\d,]+ (${list.one}|${list.many})$`))

test("staff filter each admin list down to nothing, clear it, and are led back from a page past the end", async ({
  page,
}) => {
  test.setTimeout(120_000)
  await signInWithMagicLink(page, ENGINEER, "/admin")
  await passSecondFactor(page, ENGINEER)

  for (const list of FILLED) {
    await page.goto(list.path)
    await expect(count(page, list), list.path).toBeVisible()

    const form = page.getByRole("search", { name: list.form })
    await form.getByLabel(list.field).fill(NOTHING)
    await form.getByRole("button", { name: /Filter|Search/ }).click()
    await expect(page.getByRole("heading", { name: list.noMatch })).toBeVisible()
    await expect(page.getByText(`0 ${list.many} ${list.matching}`)).toBeVisible()

    await form.getByRole("link", { name: "Clear" }).click()
    await expect(page).toHaveURL(new RegExp(`${list.path}$`))
    await expect(count(page, list)).toBeVisible()
    await expect(form.getByLabel(list.field), "no field shows a filter that no longer applies").toHaveValue("")

    // A stale link past the last page leads back to the first.
    await page.goto(`${list.path}?page=9999`)
    await expect(page.getByRole("heading", { name: `This page is past the last ${list.one}` })).toBeVisible()
    await page.getByRole("link", { name: "Go to the first page" }).click()
    await expect(page).toHaveURL(new RegExp(`${list.path}$`))
    await expect(count(page, list)).toBeVisible()
  }

  // Webhooks: a type no delivery has. Errors: the order is a filter of the URL too.
  await page.goto("/admin/webhooks")
  const deliveries = page.getByRole("search", { name: "Filter webhook deliveries" })
  await deliveries.getByLabel(/Event type/).fill("no.such.type")
  await deliveries.getByRole("button", { name: "Filter" }).click()
  await expect(page).toHaveURL(/\/admin\/webhooks\?(.*&)?type=no\.such\.type/)
  await expect(page.getByRole("heading", { name: "No deliveries match these filters" })).toBeVisible()

  await page.goto("/admin/errors")
  const errors = page.getByRole("search", { name: "Filter error groups" })
  await errors.getByLabel("Order").selectOption("count")
  await errors.getByLabel("Status").selectOption("RESOLVED")
  await errors.getByRole("button", { name: "Filter" }).click()
  await expect(page).toHaveURL(/\/admin\/errors\?status=RESOLVED&sort=count/)
  await expect(errors.getByLabel("Status")).toHaveValue("RESOLVED")
  await expect(errors.getByLabel("Order")).toHaveValue("count")
  await errors.getByRole("link", { name: "Clear" }).click()
  await expect(page).toHaveURL(/\/admin\/errors$/)
  await expect(errors.getByLabel("Status")).toHaveValue("")
  await expect(errors.getByLabel("Order")).toHaveValue("last_seen")
})
