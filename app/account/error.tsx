"use client"

import { ErrorState } from "@/components/ui/error-state"

export default function AccountError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main-content" className="flex-1">
      <ErrorState error={error} retry={retry} title="We couldn't load your account" />
    </main>
  )
}
