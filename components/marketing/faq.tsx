const questions = [
  {
    q: "What exactly do I get?",
    a: "A working seat on an AI coding copilot, set up and ready to sign in to. The number of seats depends on your plan.",
  },
  {
    q: "How fast is delivery?",
    a: "Within 24 hours of your payment, usually much sooner. Your account page shows your order's progress the whole time.",
  },
  {
    q: "Where do I find my seat's credentials?",
    a: "We email you when your seat is ready, and the credentials are in your account page, stored encrypted.",
  },
  {
    q: "Can I cancel anytime?",
    a: "Yes. Cancel from your account and your seat stays active until the end of the period you paid for.",
  },
  {
    q: "Monthly or annual?",
    a: "Monthly plans renew every month; annual plans are billed once a year. Both renew automatically until you cancel.",
  },
] as const

// Native <details>: keyboard and screen-reader friendly, and no client JavaScript.
export function Faq() {
  return (
    <div className="mx-auto max-w-3xl divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-surface shadow-sm">
      {questions.map(({ q, a }) => (
        <details key={q} className="group p-5 sm:p-6">
          <summary className="flex cursor-pointer list-none items-center justify-between gap-4 rounded-md font-medium text-slate-900 [&::-webkit-details-marker]:hidden">
            <h3 className="text-base">{q}</h3>
            <span aria-hidden="true" className="text-xl text-brand-600 transition-transform group-open:rotate-45">
              +
            </span>
          </summary>
          <p className="mt-3 text-sm text-slate-600">{a}</p>
        </details>
      ))}
    </div>
  )
}
