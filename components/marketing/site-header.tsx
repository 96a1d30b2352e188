import Link from "next/link"
import { ButtonLink } from "@/components/ui/button"
import { Logo } from "./logo"

/** Marketing header; `signedIn` swaps "Sign in" for "Account" so subscribers go straight back in. */
export function SiteHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200/80 bg-surface/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Logo />
        <nav aria-label="Main">
          <ul className="flex items-center gap-1 sm:gap-3">
            <li>
              <Link
                href="/pricing"
                className="rounded-md px-2 py-2 text-sm font-medium text-slate-700 hover:text-slate-900"
              >
                Pricing
              </Link>
            </li>
            <li>
              {signedIn ? (
                <ButtonLink href="/account" size="sm" variant="secondary">
                  Account
                </ButtonLink>
              ) : (
                <ButtonLink href="/signin" size="sm">
                  Sign in
                </ButtonLink>
              )}
            </li>
          </ul>
        </nav>
      </div>
    </header>
  )
}
