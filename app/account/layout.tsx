import type { Metadata } from "next"
import type { ReactNode } from "react"
import { AccountHeader } from "@/components/account/account-header"
import { AccountTabs } from "@/components/account/account-tabs"
import { PostHogIdentify } from "@/components/analytics/posthog-identify"
import { SkipLink } from "@/components/ui/skip-link"
import { requireUser } from "@/lib/auth/session"

export const metadata: Metadata = { title: "Account", robots: { index: false } }

// Checked here as well as in each page: a layout renders before the page's loading.tsx streams,
// so an anonymous visitor gets a real redirect response rather than a client-side one.
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/account")
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <PostHogIdentify userId={user.id} />
      <AccountHeader email={user.email} />
      <AccountTabs />
      {children}
    </div>
  )
}
