import { formatMoney } from "@/lib/format/money"

/** A signed MRR change: "+$19.99", "−$19.99" (a real minus sign), "$0.00". */
export function SignedMoney({ cents, currency }: { cents: number; currency: string }) {
  const sign = cents > 0 ? "+" : cents < 0 ? "−" : ""
  const tone = cents > 0 ? "text-emerald-800" : cents < 0 ? "text-red-700" : "text-slate-700"
  return <span className={`tabular-nums ${tone}`}>{`${sign}${formatMoney(Math.abs(cents), currency)}`}</span>
}
