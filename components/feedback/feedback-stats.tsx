import { StatCard } from "@/components/ui/stat-card"
import { formatPercent, formatSigned } from "@/lib/feedback/format"
import type { FeedbackReport } from "@/lib/feedback/report"

/** NPS and CSAT of a period, each with its change from the period before. */
export function FeedbackStats({ report }: { report: Pick<FeedbackReport, "nps" | "csat"> }) {
  const { nps, csat } = report
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      <StatCard
        label="NPS"
        value={formatSigned(nps.nps)}
        hint={`${comparison(nps.change, nps.previous, formatSigned)} · ${plural(nps.responses, "answer")}, ${plural(nps.dismissals, "dismissal")}`}
        data-testid="stat-nps"
      />
      <StatCard
        label="Promoters / passives / detractors"
        value={nps.responses === 0 ? "—" : `${nps.promoters} / ${nps.passives} / ${nps.detractors}`}
        hint="Scores 9–10, 7–8 and 0–6"
        data-testid="stat-nps-split"
      />
      <StatCard
        label="CSAT"
        value={formatPercent(csat.csat)}
        hint={`${comparison(csat.change, csat.previous, formatPercent)} · ${plural(csat.ratings, "rating")} (4–5 of 5 counts as satisfied)`}
        data-testid="stat-csat"
      />
    </div>
  )
}

/** "+4.5 pts vs +20 in the previous period", or what is missing for a comparison. */
function comparison(change: number | null, previous: number | null, format: (value: number | null) => string): string {
  if (previous === null) return "none in the previous period"
  if (change === null) return `${format(previous)} in the previous period`
  return `${formatSigned(change)} pts vs ${format(previous)} in the previous period`
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`
}
