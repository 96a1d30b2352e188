import Link from "next/link"
import { Logo } from "@/components/marketing/logo"
import { SignOutLink } from "@/components/ui/sign-out-link"

/** Subscriber portal header. */
export function AccountHeader({ email }: { email: string }) {
  return (
    <header className="border-b border-slate-200 bg-surface">
      <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-4 px-4 sm:px-6">
        <Logo />
        <nav aria-label="Account">
          <ul className="flex items-center gap-1 text-sm font-medium sm:gap-3">
            <li className="hidden sm:block">
              <span className="block max-w-56 truncate text-slate-600" title={email}>
                {email}
              </span>
            </li>
            <li>
              <Link href="/pricing" className="rounded-md px-2 py-2 text-slate-700 hover:text-slate-900">
                Pricing
              </Link>
            </li>
            <li>
              <SignOutLink />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  )
}
