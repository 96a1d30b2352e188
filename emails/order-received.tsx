import { CallToAction, EmailLayout, greeting, Paragraph, type AppUrlProp } from "./components/layout"
import { emailDateTime, emailMoney } from "./components/format"

export type OrderReceivedEmailProps = {
  name: string | null
  /** What the subscriber sees as the order's reference (the order id). */
  orderRef: string
  planName: string
  amountCents: number
  currency: string
  /** ISO time by which the seat is delivered (24 hours after payment). */
  dueAt: string
}

export default function OrderReceivedEmail({
  name,
  orderRef,
  planName,
  amountCents,
  currency,
  dueAt,
  appUrl,
}: OrderReceivedEmailProps & AppUrlProp) {
  return (
    <EmailLayout
      preview={`Your ${planName} seat will be ready by ${emailDateTime(dueAt)}`}
      heading="We received your order"
      appUrl={appUrl}
    >
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>
        Thank you for your payment of {emailMoney(amountCents, currency)} for {planName} (order {orderRef}). Our team is
        setting up your seat now; it will be ready by {emailDateTime(dueAt)} at the latest.
      </Paragraph>
      <Paragraph>We will email you as soon as it is ready. You can follow the order in your account.</Paragraph>
      <CallToAction href={`${appUrl}/account`}>View your order</CallToAction>
    </EmailLayout>
  )
}

OrderReceivedEmail.PreviewProps = {
  name: "Ada",
  orderRef: "cmorder0001",
  planName: "Pro monthly",
  amountCents: 1900,
  currency: "usd",
  dueAt: "2026-03-06T14:30:00.000Z",
  appUrl: "http://localhost:3000",
} satisfies OrderReceivedEmailProps & AppUrlProp
