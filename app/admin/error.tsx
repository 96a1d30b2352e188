"use client"

import { ErrorState } from "@/components/ui/error-state"

export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorState error={error} retry={retry} title="This dashboard failed to load" homeHref="/admin" />
}
