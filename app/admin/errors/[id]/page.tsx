import type { Metadata } from "next"
import Link from "next/link"
import { forbidden, notFound } from "next/navigation"
import type { ReactNode } from "react"
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card"
import { EmptyState } from "@/components/ui/empty-state"
import { PageHeader } from "@/components/ui/page-header"
import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table"
import { When } from "@/components/ui/when"
import type { Role } from "@/generated/prisma/enums"
import { ENGINEERING_ROLES } from "@/lib/auth/roles"
import { requireStaffSession } from "@/lib/auth/session"
import { getErrorGroup } from "@/lib/monitoring/errors/queries"
import { ErrorStatusBadges } from "../_components/error-status-badge"
import { StatusButtons } from "../_components/status-buttons"
import { TrendBars } from "../_components/trend-bars"

export const metadata: Metadata = { title: "Error group" }
export const dynamic = "force-dynamic"

type ErrorGroupPageProps = { params: Promise<{ id: string }> }

export default async function ErrorGroupPage({ params }: ErrorGroupPageProps) {
  const { id } = await params
  const session = await requireStaffSession(`/admin/errors/${encodeURIComponent(id)}`)
  if (!(ENGINEERING_ROLES as readonly Role[]).includes(session.user.role)) forbidden()
  const group = await getErrorGroup(id)
  if (!group) notFound()

  const facts: Array<[string, ReactNode]> = [
    ["Occurrences", group.count.toLocaleString("en-US")],
    ["Affected users", group.affectedUsers.toLocaleString("en-US")],
    ["First seen", <When key="f" date={group.firstSeenAt} />],
    ["Last seen", <When key="l" date={group.lastSeenAt} />],
    ["Resolved", <When key="r" date={group.resolvedAt} />],
    ["Regressed", <When key="g" date={group.regressedAt} />],
    ["Source", group.source],
    [
      "Latest route",
      <code key="route" className="font-mono text-xs break-all">
        {group.route ?? "—"}
      </code>,
    ],
    [
      "Latest release",
      <code key="release" className="font-mono text-xs break-all">
        {group.release ?? "—"}
      </code>,
    ],
    [
      "Top frame",
      <code key="frame" className="font-mono text-xs break-all">
        {group.topFrame ?? "—"}
      </code>,
    ],
  ]

  return (
    <div className="flex flex-col gap-6" data-testid="error-group-page">
      <Link href="/admin/errors" className="text-sm font-medium text-brand-700 hover:underline">
        ← Errors
      </Link>
      <PageHeader
        title={group.name}
        description={<span className="break-words">{group.message}</span>}
        actions={
          <>
            <ErrorStatusBadges status={group.status} regressedAt={group.regressedAt} />
            <StatusButtons groupId={group.id} status={group.status} label={group.name} />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-sm text-slate-600">{label}</dt>
                  <dd className="mt-1 text-sm font-medium text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">Trend</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            <TrendBars points={group.hourly} unit="hour" label="Last 24 hours, per hour (UTC)" />
            <TrendBars points={group.daily} unit="day" label="Last 30 days, per day (UTC)" />
          </CardContent>
        </Card>
      </div>
      <section aria-labelledby="stack-heading" className="flex flex-col gap-3">
        <h2 id="stack-heading" className="text-lg font-semibold text-slate-900">
          Latest stack
        </h2>
        {group.sampleStack ? (
          <pre
            className="max-h-96 overflow-auto rounded-xl border border-slate-200 bg-slate-50 p-4 font-mono text-xs text-slate-800"
            tabIndex={0}
          >
            {group.sampleStack}
          </pre>
        ) : (
          <EmptyState as="h3" title="No stack was reported" />
        )}
      </section>
      <section aria-labelledby="recent-heading" className="flex flex-col gap-3">
        <h2 id="recent-heading" className="text-lg font-semibold text-slate-900">
          Latest occurrences
        </h2>
        {group.recent.length > 0 ? (
          <TableContainer label="Latest occurrences">
            <Table>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>When</TableHeaderCell>
                  <TableHeaderCell>User</TableHeaderCell>
                  <TableHeaderCell>Route</TableHeaderCell>
                  <TableHeaderCell>Release</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {group.recent.map((occurrence, index) => (
                  <TableRow key={`${occurrence.at.toISOString()}-${index}`}>
                    <TableCell>
                      <When date={occurrence.at} />
                    </TableCell>
                    <TableCell className="font-mono text-xs">{occurrence.userId ?? "anonymous"}</TableCell>
                    <TableCell className="font-mono text-xs break-all">{occurrence.route ?? "—"}</TableCell>
                    <TableCell className="font-mono text-xs break-all">{occurrence.release ?? "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ) : (
          <EmptyState
            as="h3"
            title="No occurrences kept"
            description="Older occurrences age out; the count above still includes them."
          />
        )}
      </section>
    </div>
  )
}
