import { CallToAction, EmailLayout, greeting, Paragraph, type AppUrlProp } from "./components/layout"
import { emailDate, emailMoney } from "./components/format"

export type PaymentFailedEmailProps = {
  name: string | null
  planName: string
  amountCents: number
  currency: string
  /** ISO date of the next automatic retry, when the payment provider will try again. */
  nextRetryAt: string | null
}

export default function PaymentFailedEmail({
  name,
  planName,
  amountCents,
  currency,
  nextRetryAt,
  appUrl,
}: PaymentFailedEmailProps & AppUrlProp) {
  const amount = emailMoney(amountCents, currency)
  return (
    <EmailLayout
      preview={`We could not charge ${amount} for ${planName}: update your billing details`}
      heading="Your payment failed"
      appUrl={appUrl}
    >
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>
        We could not collect your payment of {amount} for {planName}. Please update your payment method to keep your
        seat active.
      </Paragraph>
      <Paragraph>
        {nextRetryAt ? `We will try again on ${emailDate(nextRetryAt)}. ` : ""}Updating your card now fixes it right
        away.
      </Paragraph>
      <CallToAction href={`${appUrl}/account/billing`}>Fix billing</CallToAction>
      <Paragraph muted>Or open {`${appUrl}/account/billing`} in your browser.</Paragraph>
    </EmailLayout>
  )
}

PaymentFailedEmail.PreviewProps = {
  name: "Ada",
  planName: "Pro monthly",
  amountCents: 1900,
  currency: "usd",
  nextRetryAt: "2026-03-08T00:00:00.000Z",
  appUrl: "http://localhost:3000",
} satisfies PaymentFailedEmailProps & AppUrlProp
