import type { ComponentProps } from "react"
import { fieldClasses } from "@/components/ui/input"
import { cn } from "@/lib/utils/cn"

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(fieldClasses, "min-h-24 py-2", className)} {...props} />
}

/** "120 / 2000" under a field, announced only when the limit is near. */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const near = length > max * 0.9
  return (
    <p
      id={id}
      className={cn("mt-1 text-xs tabular-nums", near ? "text-amber-800" : "text-slate-500")}
      aria-live={near ? "polite" : "off"}
    >
      {length} / {max} characters
    </p>
  )
}
