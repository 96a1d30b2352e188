import { CallToAction, EmailLayout, greeting, Paragraph, type AppUrlProp } from "./components/layout"
import { emailDate } from "./components/format"

export type SubscriptionCanceledEmailProps = {
  name: string | null
  planName: string
  /** ISO time the paid period ends: the seat works until then. */
  activeUntil: string
}

export default function SubscriptionCanceledEmail({
  name,
  planName,
  activeUntil,
  appUrl,
}: SubscriptionCanceledEmailProps & AppUrlProp) {
  const until = emailDate(activeUntil)
  return (
    <EmailLayout
      preview={`Your ${planName} seat stays active until ${until}`}
      heading="Your subscription is canceled"
      appUrl={appUrl}
    >
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>
        We have canceled your {planName} subscription as asked. You have paid through the current period, so your seat
        stays active until {until}. You will not be charged again.
      </Paragraph>
      <Paragraph>Changed your mind? You can resume the subscription from your billing page before then.</Paragraph>
      <CallToAction href={`${appUrl}/account/billing`}>Manage billing</CallToAction>
    </EmailLayout>
  )
}

SubscriptionCanceledEmail.PreviewProps = {
  name: "Ada",
  planName: "Pro monthly",
  activeUntil: "2026-04-01T00:00:00.000Z",
  appUrl: "http://localhost:3000",
} satisfies SubscriptionCanceledEmailProps & AppUrlProp
