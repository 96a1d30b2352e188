"use client"

import Link from "next/link"
import { usePathname } from "next/navigation"
import { cn } from "@/lib/utils/cn"

const links = [
  { href: "/admin", label: "Home" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/team", label: "Team" },
  { href: "/admin/tokens", label: "API tokens" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/product", label: "Product" },
  { href: "/admin/feedback", label: "Feedback" },
  { href: "/admin/operations", label: "Operations" },
  { href: "/admin/errors", label: "Errors" },
  { href: "/admin/emails", label: "Emails" },
  { href: "/dev/mailbox", label: "Mailbox" },
] as const

function isCurrent(pathname: string, href: string): boolean {
  // Home would otherwise match every /admin page.
  return href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`)
}

/** Client-side only to mark the current page; the links themselves work without JS. */
export function AdminNav({ orientation }: { orientation: "vertical" | "horizontal" }) {
  const pathname = usePathname() ?? ""
  const vertical = orientation === "vertical"
  return (
    <nav aria-label="Admin">
      <ul className={cn(vertical ? "flex flex-col gap-1" : "-mx-1 flex gap-1 overflow-x-auto pb-1")}>
        {links.map((link) => {
          const current = isCurrent(pathname, link.href)
          return (
            <li key={link.href} className="shrink-0">
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                  current ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                {link.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
