import { formatInstant, formatValue } from "@/components/charts/format"
import { rowsOf } from "@/components/charts/rows"
import { TimeSeriesChart } from "@/components/charts/time-series-chart"
import { StatCard } from "@/components/ui/stat-card"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import type { SecuritySection as Security } from "@/lib/monitoring/operations/business"
import type { Section } from "@/lib/monitoring/operations/overview"
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from "@/lib/security/events"
import type { SecurityEventItem } from "@/lib/security/queries"
import { DashboardSection, SubHeading } from "./section"

const LABELS: Record<SecurityEventKind, string> = {
  "auth.sign_in_failed": "Failed sign-ins",
  "auth.mfa_failed": "Failed second factors",
  rate_limited: "Rate-limited",
  "admin.refused": "Refused staff access",
  "webhook.bad_signature": "Bad webhook signatures",
}

const label = (kind: string) => LABELS[kind as SecurityEventKind] ?? kind

export function SecuritySection({ section }: { section: Section<Security> }) {
  return (
    <DashboardSection
      id="security"
      title="Security events"
      description="Rate-limited and refused requests count once per caller and route a minute, so a flood is one row a minute, not one per request."
      section={section}
    >
      {(data) => {
        const total = SECURITY_EVENT_KINDS.reduce((sum, kind) => sum + data.counts[kind], 0)
        const chart = rowsOf(
          data.points,
          (p) => p.at,
          SECURITY_EVENT_KINDS.map((kind) => ({
            label: LABELS[kind],
            value: (p: (typeof data.points)[number]) => p.counts[kind],
          })),
        )
        return (
          <>
            <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
              {SECURITY_EVENT_KINDS.map((kind) => (
                <StatCard
                  key={kind}
                  label={LABELS[kind]}
                  value={formatValue(data.counts[kind], "count")}
                  data-testid={`stat-security-${kind}`}
                />
              ))}
            </div>
            <TimeSeriesChart
              title="Security events over time"
              description="Events per interval, by kind"
              unit="count"
              variant="bar"
              {...chart}
              empty={total === 0}
              emptyMessage="No security events in this range."
              data-testid="chart-security"
            />
            {data.recent.length > 0 ? (
              <div className="flex flex-col gap-3">
                <SubHeading>Latest events</SubHeading>
                <RecentTable events={data.recent} />
              </div>
            ) : null}
          </>
        )
      }}
    </DashboardSection>
  )
}

/** The detail's most telling fields (route, path, provider, reason, role), never the address hash. */
function summary(detail: SecurityEventItem["detail"]): string {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return "—"
  const parts = ["method", "route", "path", "provider", "reason", "role"].flatMap((key) =>
    typeof detail[key] === "string" ? [String(detail[key])] : [],
  )
  return parts.join(" · ") || "—"
}

function RecentTable({ events }: { events: SecurityEventItem[] }) {
  return (
    <TableContainer label="Latest security events">
      <Table data-testid="ops-security-table">
        <caption className="sr-only">The newest security events in this range</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>When</TableHeaderCell>
            <TableHeaderCell>Kind</TableHeaderCell>
            <TableHeaderCell>Detail</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((event) => (
            <TableRow key={event.id}>
              <TableCell className="whitespace-nowrap">{formatInstant(event.createdAt)}</TableCell>
              <TableCell>{label(event.kind)}</TableCell>
              <TableCell className="font-mono text-xs break-all">{summary(event.detail)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
