"use client"

import { useReportError } from "@/components/monitoring/use-report-error"
import { ErrorState } from "@/components/ui/error-state"

// Catches what no nearer error.tsx did. `retry` re-fetches the server segment, which is what a
// failed database read needs; `reset` alone would re-render the same failed payload.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  useReportError(error)
  return (
    <main id="main-content" className="min-h-dvh">
      <ErrorState error={error} retry={retry} />
    </main>
  )
}
