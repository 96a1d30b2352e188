import Link from "next/link"
import type { ReactNode } from "react"
import type { Role } from "@/generated/prisma/enums"
import { Badge } from "@/components/ui/badge"
import { SignOutLink } from "@/components/ui/sign-out-link"
import { SkipLink } from "@/components/ui/skip-link"
import { AdminNav } from "./admin-nav"
import { ROLE_BADGES } from "@/components/auth/role-badge"

type AdminShellProps = { user: { email: string; role: Role }; children: ReactNode }

function Brand() {
  return (
    <Link href="/admin" className="flex items-center gap-2 rounded-md text-base font-semibold text-slate-900">
      <span aria-hidden="true" className="size-6 rounded-md bg-linear-to-br from-brand-600 to-accent-500" />
      <span>
        AI Copilot Vibe <span className="font-normal text-slate-600">Staff</span>
      </span>
    </Link>
  )
}

/** Staff chrome: a sidebar from the lg breakpoint up, a top bar with scrollable links below it. */
export function AdminShell({ user, children }: AdminShellProps) {
  return (
    <div className="min-h-dvh lg:flex">
      <SkipLink />
      <header className="hidden border-r border-slate-200 bg-surface lg:sticky lg:top-0 lg:flex lg:h-dvh lg:w-64 lg:shrink-0 lg:flex-col lg:p-4">
        <Brand />
        <div className="mt-8 flex-1">
          <AdminNav orientation="vertical" />
        </div>
        <div className="border-t border-slate-200 pt-4">
          <p className="truncate text-sm text-slate-800" title={user.email}>
            {user.email}
          </p>
          <div className="mt-2 flex items-center justify-between">
            <Badge tone="brand">{ROLE_BADGES[user.role].label}</Badge>
            <SignOutLink />
          </div>
        </div>
      </header>

      <header className="sticky top-0 z-10 border-b border-slate-200 bg-surface/95 px-4 pt-3 backdrop-blur lg:hidden">
        <div className="flex items-center justify-between gap-3">
          <Brand />
          <SignOutLink />
        </div>
        <p className="mt-1 truncate text-xs text-slate-600">
          {user.email} · {ROLE_BADGES[user.role].label}
        </p>
        <div className="mt-2">
          <AdminNav orientation="horizontal" />
        </div>
      </header>

      <main id="main-content" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-10 lg:py-10">
        {children}
      </main>
    </div>
  )
}
