import { Faq } from "@/components/marketing/faq"
import { FinalCta } from "@/components/marketing/final-cta"
import { Hero } from "@/components/marketing/hero"
import { HowItWorks } from "@/components/marketing/how-it-works"
import { PlanGrid } from "@/components/marketing/plan-grid"
import { Section } from "@/components/marketing/section"
import { listActivePlans } from "@/lib/billing/queries"

// Plans come from the database, which is not reachable at build time.
export const dynamic = "force-dynamic"

export default async function LandingPage() {
  const plans = await listActivePlans()
  return (
    <>
      <Hero />
      <Section id="how-it-works" eyebrow="How it works" title="From checkout to coding in three steps">
        <HowItWorks />
      </Section>
      <Section
        id="plans"
        eyebrow="Plans"
        title="Simple pricing, fast delivery"
        description="Every plan includes delivery of your seat within 24 hours of payment."
        className="bg-surface"
      >
        <PlanGrid plans={plans} />
      </Section>
      <Section id="faq" eyebrow="FAQ" title="Questions, answered">
        <Faq />
      </Section>
      <FinalCta />
    </>
  )
}
