import type { ComponentProps } from "react"
import { cn } from "@/lib/utils/cn"

/** An action's error, next to the control that failed and announced as it appears; nothing without one. */
export function InlineError({
  message,
  className,
  ...props
}: { message: string | null | undefined } & Omit<ComponentProps<"p">, "children">) {
  if (!message) return null
  return (
    <p role="alert" className={cn("text-sm text-red-700", className)} {...props}>
      {message}
    </p>
  )
}
