import type { ComponentProps } from "react"
import { cn } from "@/lib/utils/cn"
import { fieldClasses } from "./input"

// A native <select>: it keeps the platform's accessible picker on phones and needs no client JS.
export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(fieldClasses, "h-10 pr-8", className)} {...props} />
}
