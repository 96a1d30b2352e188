const steps = [
  {
    title: "Pick a plan",
    body: "Monthly or annual, for yourself or your team. Every plan includes the same fast delivery.",
  },
  {
    title: "Pay securely",
    body: "Check out in a minute with your card. Your order is created the moment the payment clears.",
  },
  {
    title: "Get your seat within 24h",
    body: "We set up your AI copilot seat and email you. Your credentials wait in your account page.",
  },
] as const

export function HowItWorks() {
  return (
    <ol className="grid gap-6 md:grid-cols-3">
      {steps.map((step, index) => (
        <li key={step.title} className="rounded-2xl border border-slate-200 bg-surface p-6 shadow-sm">
          <span
            aria-hidden="true"
            className="flex size-10 items-center justify-center rounded-full bg-brand-600 text-base font-semibold text-white"
          >
            {index + 1}
          </span>
          <h3 className="mt-4 text-lg font-semibold text-slate-900">
            <span className="sr-only">Step {index + 1}: </span>
            {step.title}
          </h3>
          <p className="mt-2 text-sm text-slate-600">{step.body}</p>
        </li>
      ))}
    </ol>
  )
}
