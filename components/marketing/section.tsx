import type { ReactNode } from "react"
import { cn } from "@/lib/utils/cn"

type SectionProps = {
  id: string
  title: string
  eyebrow?: string
  description?: ReactNode
  children: ReactNode
  className?: string
}

/** A landing-page section: its h2 names the landmark, and `id` is the in-page anchor. */
export function Section({ id, title, eyebrow, description, children, className }: SectionProps) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={cn("scroll-mt-20 py-16 sm:py-20", className)}>
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="mx-auto max-w-2xl text-center">
          {eyebrow ? <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{eyebrow}</p> : null}
          <h2
            id={`${id}-title`}
            className="mt-2 text-3xl font-bold tracking-tight text-balance text-slate-900 sm:text-4xl"
          >
            {title}
          </h2>
          {description ? <p className="mt-4 text-lg text-pretty text-slate-600">{description}</p> : null}
        </div>
        <div className="mt-12">{children}</div>
      </div>
    </section>
  )
}
