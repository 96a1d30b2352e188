"use client"

import { useReportError } from "@/components/monitoring/use-report-error"
import { ErrorState } from "@/components/ui/error-state"

export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  useReportError(error)
  return <ErrorState error={error} retry={retry} title="This dashboard failed to load" homeHref="/admin" />
}
