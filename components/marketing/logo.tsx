import Link from "next/link"

export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md text-base font-semibold tracking-tight text-slate-900">
      <span aria-hidden="true" className="size-7 rounded-lg bg-linear-to-br from-brand-600 to-accent-500 shadow-sm" />
      <span>AI Copilot Vibe</span>
    </Link>
  )
}
