// Money as every page and email prints it. Pure: safe in client components and email templates.

const moneyFormats = new Map<string, Intl.NumberFormat>()

function moneyFormat(currency: string, hideZeroCents: boolean): Intl.NumberFormat {
  const key = `${currency}:${hideZeroCents}`
  let formatter = moneyFormats.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency,
      ...(hideZeroCents ? { minimumFractionDigits: 0 } : {}),
    })
    moneyFormats.set(key, formatter)
  }
  return formatter
}

/**
 * Formats an amount in the currency's smallest unit: 1999 usd → "$19.99". The unit size comes from
 * the currency itself (JPY has none), so amounts are never off by a factor of 100.
 */
export function formatMoney(cents: number, currency: string, options: { hideZeroCents?: boolean } = {}): string {
  const code = currency.toUpperCase()
  const digits = moneyFormat(code, false).resolvedOptions().maximumFractionDigits ?? 2
  const amount = cents / 10 ** digits
  const hideZeroCents = Boolean(options.hideZeroCents) && Number.isInteger(amount)
  return moneyFormat(code, hideZeroCents).format(amount)
}
