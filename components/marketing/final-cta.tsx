import { ButtonLink } from "@/components/ui/button"

export function FinalCta() {
  return (
    <section aria-labelledby="final-cta-title" className="px-4 pb-20 sm:px-6">
      <div className="mx-auto max-w-5xl rounded-3xl bg-linear-to-br from-brand-700 to-violet-700 px-6 py-14 text-center shadow-lg sm:px-12">
        <h2 id="final-cta-title" className="text-3xl font-bold tracking-tight text-balance text-white sm:text-4xl">
          Start coding with your copilot tomorrow
        </h2>
        <p className="mx-auto mt-4 max-w-xl text-lg text-brand-100">
          Choose a plan today and your seat is delivered within 24 hours.
        </p>
        <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
          <ButtonLink
            href="/pricing"
            size="lg"
            className="bg-white text-brand-700 hover:bg-brand-50 focus-visible:outline-white"
          >
            Compare plans
          </ButtonLink>
          <ButtonLink
            href="/signin"
            size="lg"
            variant="ghost"
            className="text-white hover:bg-white/10 hover:text-white focus-visible:outline-white"
          >
            Sign in
          </ButtonLink>
        </div>
      </div>
    </section>
  )
}
