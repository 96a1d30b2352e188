"use client"

import Link from "next/link"
import { usePathname } from "next/navigation"
import { cn } from "@/lib/utils/cn"

const tabs = [
  { href: "/account", label: "Overview" },
  { href: "/account/orders", label: "Orders" },
  { href: "/account/billing", label: "Billing" },
  { href: "/account/feedback", label: "Feedback" },
  { href: "/account/profile", label: "Profile" },
] as const

/** The portal's sections; client-side only to mark the current one. */
export function AccountTabs() {
  const pathname = usePathname() ?? ""
  return (
    <nav aria-label="Account sections" className="border-b border-slate-200 bg-surface">
      <ul className="mx-auto flex max-w-5xl gap-1 overflow-x-auto px-4 sm:px-6">
        {tabs.map((tab) => {
          const current = tab.href === "/account" ? pathname === tab.href : pathname.startsWith(tab.href)
          return (
            <li key={tab.href} className="shrink-0">
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block border-b-2 px-3 py-3 text-sm font-medium",
                  current
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
