import type { Metadata } from "next"
import { ButtonLink } from "@/components/ui/button"

// Rendered with status 403 wherever a page calls forbidden(): a signed-in user whose role does not fit.
export const metadata: Metadata = { title: "Access denied", robots: { index: false } }

export default function Forbidden() {
  return (
    <main id="main-content" className="flex min-h-dvh flex-col items-center justify-center px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">You don&apos;t have access to this page</h1>
      <p className="mt-3 max-w-md text-slate-600">
        Your account doesn&apos;t have the role this page needs. If you think it should, ask an admin of your team.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <ButtonLink href="/">Go home</ButtonLink>
        <ButtonLink href="/account" variant="secondary">
          Your account
        </ButtonLink>
      </div>
    </main>
  )
}
