import { ButtonLink } from "@/components/ui/button"

export function Hero() {
  return (
    <section aria-labelledby="hero-title" className="relative overflow-hidden">
      {/* Decorative glow; pointer-events-none so it never covers the buttons. */}
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 -top-40 -z-10 mx-auto h-80 max-w-3xl rounded-full bg-linear-to-r from-brand-200 via-violet-200 to-brand-100 opacity-60 blur-3xl"
      />
      <div className="mx-auto max-w-4xl px-4 pt-16 pb-20 text-center sm:px-6 sm:pt-24">
        <p className="inline-flex rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-700 ring-1 ring-brand-200 ring-inset">
          Seats delivered within 24 hours
        </p>
        <h1 id="hero-title" className="mt-6 text-4xl font-bold tracking-tight text-balance text-slate-900 sm:text-6xl">
          Your AI copilot seat, ready by tomorrow
        </h1>
        <p className="mx-auto mt-6 max-w-2xl text-lg text-pretty text-slate-600">
          Pick a plan, pay once a month or once a year, and we set up your AI copilot seat for you, within 24 hours. No
          procurement forms, no waiting lists, cancel anytime.
        </p>
        <div className="mt-10 flex flex-col items-stretch justify-center gap-3 sm:flex-row sm:items-center">
          <ButtonLink href="#plans" size="lg">
            See plans
          </ButtonLink>
          <ButtonLink href="#how-it-works" size="lg" variant="secondary">
            How it works
          </ButtonLink>
        </div>
      </div>
    </section>
  )
}
