"use client"

import { ErrorState } from "@/components/ui/error-state"

export default function MarketingError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorState error={error} retry={retry} title="We couldn't load this page" />
}
