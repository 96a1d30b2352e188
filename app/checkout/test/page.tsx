import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { ButtonLink } from "@/components/ui/button"
import { Card, CardContent, CardHeader } from "@/components/ui/card"
import { requireUser } from "@/lib/auth/session"
import { findTestCheckout } from "@/lib/billing/checkout"
import { formatPlanPrice } from "@/lib/billing/format"
import { TestCheckoutButtons } from "./_components/test-checkout-buttons"

export const metadata: Metadata = { title: "Test checkout", robots: { index: false } }
export const dynamic = "force-dynamic"

type TestCheckoutPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// Test mode only (no POLAR_ACCESS_TOKEN): stands in for Polar's hosted checkout.
export default async function TestCheckoutPage({ searchParams }: TestCheckoutPageProps) {
  const params = await searchParams
  const token = typeof params.token === "string" ? params.token : ""
  const user = await requireUser(`/checkout/test?token=${encodeURIComponent(token)}`)
  const found = token ? await findTestCheckout(token, user.id) : null
  if (!found) notFound()
  const declined = params.declined === "1"

  return (
    <main
      id="main-content"
      data-testid="test-checkout"
      className="mx-auto flex min-h-dvh w-full max-w-lg flex-col justify-center gap-6 px-4 py-10"
    >
      <p
        role="note"
        data-testid="test-mode-banner"
        className="rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 px-4 py-3 text-center text-sm font-bold tracking-wide text-amber-900 uppercase"
      >
        Test mode — no real payment
      </p>
      {"error" in found ? (
        <Card>
          <CardHeader>
            <h1 className="text-lg font-semibold text-slate-900">
              This test checkout has {found.error === "expired" ? "expired" : "a broken link"}
            </h1>
          </CardHeader>
          <CardContent>
            <ButtonLink href="/pricing">Back to the plans</ButtonLink>
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardHeader>
            <h1 className="text-lg font-semibold text-slate-900">Checkout</h1>
            <p className="text-sm text-slate-600">
              Paying as <span className="font-medium break-all text-slate-900">{user.email}</span>
            </p>
          </CardHeader>
          <CardContent className="flex flex-col gap-5">
            <dl className="flex items-baseline justify-between gap-4 rounded-lg bg-slate-50 p-4">
              <dt className="font-medium text-slate-900" data-testid="test-checkout-plan">
                {found.plan.name}
              </dt>
              <dd className="text-lg font-semibold text-slate-900 tabular-nums">{formatPlanPrice(found.plan)}</dd>
            </dl>
            {declined ? (
              <p
                role="alert"
                data-testid="card-declined"
                className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
              >
                Your card was declined. Nothing was charged. Try again, or choose another way to pay.
              </p>
            ) : null}
            <p className="text-sm text-slate-600">
              No card is needed: <strong>Pay</strong> acts out a successful payment, <strong>Card declined</strong> a
              failed one. Either way the app receives the same signed webhooks Polar would send.
            </p>
            <TestCheckoutButtons token={token} />
          </CardContent>
        </Card>
      )}
    </main>
  )
}
