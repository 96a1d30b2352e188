import Link from "next/link"
import { ConsentSettingsButton } from "@/components/analytics/consent-banner"

export function SiteFooter() {
  const year = new Date().getFullYear()
  return (
    <footer className="border-t border-slate-200 bg-surface">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>© {year} AI Copilot Vibe. AI copilot seats, delivered within 24 hours.</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <Link href="/pricing" className="hover:text-slate-900">
                Pricing
              </Link>
            </li>
            <li>
              <Link href="/account" className="hover:text-slate-900">
                Account
              </Link>
            </li>
            <li>
              <ConsentSettingsButton />
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
