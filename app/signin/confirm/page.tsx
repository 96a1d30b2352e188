import type { Metadata } from "next"
import { isSignInLinkPending } from "@/lib/auth/magic-link"
import { ConfirmSignIn } from "../_components/confirm-sign-in"

// The token is in this page's address: no referrer carries it to anyone.
export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false }, referrer: "no-referrer" }
export const dynamic = "force-dynamic"

type ConfirmPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.slice(0, 2000) ?? ""

// Where the emailed link lands. Opening it (a GET, which is all a link scanner does) uses nothing
// up; the button POSTs the token to next-auth's callback, which signs in and spends it.
export default async function ConfirmSignInPage({ searchParams }: ConfirmPageProps) {
  const params = await searchParams
  const link = { token: first(params.token), email: first(params.email), callbackUrl: first(params.callbackUrl) }
  const pending = Boolean(link.token && link.email) && (await isSignInLinkPending(link))
  return <ConfirmSignIn link={link} pending={pending} />
}
