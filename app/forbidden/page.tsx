import type { Metadata } from "next"
import { ButtonLink } from "@/components/ui/button"

// Where the admin layout sends signed-in users whose role does not fit. It answers 200 on purpose:
// it is reached by redirect, and the page itself is public.
export const metadata: Metadata = { title: "Access denied", robots: { index: false } }

export default function ForbiddenPage() {
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
