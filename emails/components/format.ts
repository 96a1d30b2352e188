import { formatMoney } from "@/lib/billing/format"

// Email props are serialisable: dates arrive as ISO strings, money as cents plus a currency code.

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" })
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })

/** "March 5, 2026": in UTC, so the same email reads the same wherever it is rendered. */
export function emailDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}

/** "March 5, 2026 at 2:30 PM UTC". */
export function emailDateTime(iso: string): string {
  return `${dateTimeFormat.format(new Date(iso))} UTC`
}

export function emailMoney(cents: number, currency: string): string {
  return formatMoney(cents, currency)
}
