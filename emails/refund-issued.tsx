import { CallToAction, EmailLayout, greeting, Paragraph, type AppUrlProp } from "./components/layout"
import { emailMoney } from "./components/format"

export type RefundIssuedEmailProps = {
  name: string | null
  amountCents: number
  currency: string
  /** The order the refund belongs to, when there is one. */
  orderRef: string | null
}

export default function RefundIssuedEmail({
  name,
  amountCents,
  currency,
  orderRef,
  appUrl,
}: RefundIssuedEmailProps & AppUrlProp) {
  const amount = emailMoney(amountCents, currency)
  return (
    <EmailLayout
      preview={`We refunded ${amount} to your original payment method`}
      heading="Your refund is on its way"
      appUrl={appUrl}
    >
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>
        We have refunded {amount}
        {orderRef ? ` for order ${orderRef}` : ""} to your original payment method. Depending on your bank it can take a
        few business days to show on your statement.
      </Paragraph>
      <CallToAction href={`${appUrl}/account`}>View your account</CallToAction>
    </EmailLayout>
  )
}

RefundIssuedEmail.PreviewProps = {
  name: "Ada",
  amountCents: 1900,
  currency: "usd",
  orderRef: "cmorder0001",
  appUrl: "http://localhost:3000",
} satisfies RefundIssuedEmailProps & AppUrlProp
