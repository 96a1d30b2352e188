import { formatLongDate, formatLongDateTime } from "@/lib/format/dates"
import { formatMoney } from "@/lib/format/money"

// Email props are serialisable: dates arrive as ISO strings, money as cents plus a currency code.
// Dates read in UTC, so the same email reads the same wherever it is rendered.

/** "March 5, 2026". */
export function emailDate(iso: string): string {
  return formatLongDate(new Date(iso))
}

/** "March 5, 2026 at 2:30 PM UTC". */
export function emailDateTime(iso: string): string {
  return formatLongDateTime(new Date(iso), { showZone: true })
}

export function emailMoney(cents: number, currency: string): string {
  return formatMoney(cents, currency)
}
