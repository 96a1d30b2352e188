import type { Metadata } from "next"
import Link from "next/link"
import { ButtonLink } from "@/components/ui/button"
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card"
import { mailboxOpenToEveryone } from "@/lib/config/posture"
import { env } from "@/lib/env"

export const metadata: Metadata = { title: "Check your email", robots: { index: false } }

// Read at request time: whether email is live is a runtime setting, not a build-time one.
export const dynamic = "force-dynamic"

// next-auth lands here (its verifyRequest page) after sending a magic link.
export default function CheckEmailPage() {
  // Only where the mailbox is open to everyone: elsewhere a link to it would give it away.
  const localMode = mailboxOpenToEveryone(env())

  return (
    <main id="main-content" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <Card className="w-full max-w-md">
        <CardHeader>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Check your email</h1>
          <CardDescription>
            We sent you a sign-in link. Open it on this device and press Sign in; it works once and expires in 15
            minutes.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {localMode ? (
            <div
              role="note"
              className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
            >
              <p className="font-medium">No email service is configured: open the mailbox to find your link.</p>
              <p className="mt-2">
                <Link
                  href="/dev/mailbox"
                  className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
                >
                  Open the local mailbox
                </Link>
              </p>
            </div>
          ) : null}
          <p className="text-sm text-slate-600">
            Nothing arrived after a few minutes? Check your spam folder, or ask for a new link.
          </p>
          <ButtonLink href="/signin" variant="secondary" className="self-start">
            Use a different email
          </ButtonLink>
        </CardContent>
      </Card>
    </main>
  )
}
