import type { ComponentProps } from "react"
import { cn } from "@/lib/utils/cn"

export const fieldClasses =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-sm " +
  "placeholder:text-slate-500 focus-visible:border-brand-600 disabled:cursor-not-allowed disabled:bg-slate-50 " +
  "aria-invalid:border-red-600 sm:text-sm"

// 16px text on phones: smaller inputs make iOS Safari zoom the page on focus.
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(fieldClasses, "h-10", className)} {...props} />
}
