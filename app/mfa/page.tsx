import type { Metadata } from "next"
import { forbidden, redirect } from "next/navigation"
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card"
import { safeCallbackUrl } from "@/lib/auth/callback-url"
import { isStaff } from "@/lib/auth/roles"
import { getCurrentSession } from "@/lib/auth/session"
import { MfaForm } from "./_components/mfa-form"

export const metadata: Metadata = { title: "Two-factor authentication", robots: { index: false } }

type MfaPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function MfaPage({ searchParams }: MfaPageProps) {
  const params = await searchParams
  const requested = safeCallbackUrl(params.callbackUrl, "")
  const callbackUrl = requested || "/admin"
  const session = await getCurrentSession()
  if (!session) {
    // Come back here after signing in, still carrying where the staff member was going.
    const self = requested ? `/mfa?callbackUrl=${encodeURIComponent(requested)}` : "/mfa"
    redirect(`/signin?callbackUrl=${encodeURIComponent(self)}`)
  }
  if (!isStaff(session.user.role)) forbidden()
  if (session.mfaVerified) redirect(callbackUrl)

  return (
    <main id="main-content" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <Card className="w-full max-w-md">
        <CardHeader>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Two-factor authentication</h1>
          <CardDescription>
            Signed in as <span className="font-medium text-slate-800">{session.user.email}</span>. Staff pages ask for a
            code at each sign-in, and again once a day.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <MfaForm enrolled={session.mfaEnrolled} callbackUrl={callbackUrl} />
        </CardContent>
      </Card>
    </main>
  )
}
