import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card"
import { getCurrentSession } from "@/lib/auth/session"
import { integrations } from "@/lib/env"
import { SignInForm } from "./_components/sign-in-form"
import { safeCallbackUrl } from "@/lib/auth/callback-url"
import { signInErrorMessage } from "./_lib/error-messages"

export const metadata: Metadata = { title: "Sign in", robots: { index: false } }

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams
  const callbackUrl = safeCallbackUrl(params.callbackUrl, "/account")
  if (await getCurrentSession()) redirect(callbackUrl)
  const error = signInErrorMessage(params.error)

  return (
    <main id="main-content" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <Card className="w-full max-w-md">
        <CardHeader>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Sign in to AI Copilot Vibe</h1>
          <CardDescription>No password needed: we email you a link that signs you in.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          {error ? (
            <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} githubEnabled={integrations.github()} />
        </CardContent>
      </Card>
    </main>
  )
}
