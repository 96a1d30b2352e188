import type { ReactNode } from "react"
import type { Section } from "@/lib/monitoring/operations/overview"

type DashboardSectionProps<T> = {
  id: string
  title: string
  description?: ReactNode
  section: Section<T>
  children: (data: T) => ReactNode
}

/** A titled section of the dashboard; when its data failed to load it says so and the rest still shows. */
export function DashboardSection<T>({ id, title, description, section, children }: DashboardSectionProps<T>) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className="flex scroll-mt-6 flex-col gap-4"
      data-testid={`ops-${id}`}
    >
      <div>
        <h2 id={`${id}-heading`} className="text-xl font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {section.ok ? (
        children(section.data)
      ) : (
        <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          This section could not be loaded ({section.error}). The rest of the dashboard is unaffected; it tries again on
          the next refresh.
        </div>
      )}
    </section>
  )
}

/** A small heading inside a section, above a table or a group of charts. */
export function SubHeading({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <h3 id={id} className="text-base font-semibold text-slate-900">
      {children}
    </h3>
  )
}
