import type { ReactNode } from "react"
import { SiteFooter } from "@/components/marketing/site-footer"
import { SiteHeader } from "@/components/marketing/site-header"
import { SkipLink } from "@/components/ui/skip-link"
import { getCurrentUser } from "@/lib/auth/session"

export default async function MarketingLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser()
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <SiteHeader signedIn={user !== null} />
      <main id="main-content" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </div>
  )
}
