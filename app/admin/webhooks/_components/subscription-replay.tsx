import { ReplaySubscriptionButton } from "./replay-subscription-button"

/** Above a list filtered to one subscription that has failed deliveries: what replaying them all does, and the button. */
export function SubscriptionReplay({ subscriptionId, failed }: { subscriptionId: string; failed: number }) {
  return (
    <section
      aria-labelledby="subscription-replay-title"
      className="flex flex-col gap-3 rounded-xl border border-red-200 bg-red-50 p-4 sm:p-5"
      data-testid="subscription-replay"
    >
      <h2 id="subscription-replay-title" className="text-base font-semibold text-slate-900">
        {failed === 1 ? "1 failed delivery" : `${failed} failed deliveries`} of subscription{" "}
        <code className="font-mono text-sm break-all">{subscriptionId}</code>
      </h2>
      <p className="text-sm text-slate-700">
        Replaying runs them from their stored payloads in Polar’s order: the oldest state first, by Polar’s own instant
        for what each one carries, not by when it reached us. One that succeeds becomes processed; one that fails again
        stays failed with its new error. Nothing is applied twice: a processed delivery is final, so replaying again
        changes nothing.
      </p>
      <ReplaySubscriptionButton subscriptionId={subscriptionId} failed={failed} />
    </section>
  )
}
