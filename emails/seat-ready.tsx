import { CallToAction, EmailLayout, greeting, Paragraph, type AppUrlProp } from "./components/layout"

// Never add credentials to this email: they are revealed only in the portal, behind sign-in.
export type SeatReadyEmailProps = { name: string | null; orderRef: string; planName: string }

export default function SeatReadyEmail({ name, orderRef, planName, appUrl }: SeatReadyEmailProps & AppUrlProp) {
  return (
    <EmailLayout
      preview={`Your ${planName} seat is ready: sign in to see your login`}
      heading="Your seat is ready"
      appUrl={appUrl}
    >
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>
        Good news: your {planName} seat (order {orderRef}) is set up and ready to use.
      </Paragraph>
      <Paragraph>
        Sign in to your account to reveal your login details. For your security we never send them by email.
      </Paragraph>
      <CallToAction href={`${appUrl}/account`}>Sign in to reveal your seat</CallToAction>
      <Paragraph muted>
        Did not order this seat? Open a support ticket from your account and we will look into it.
      </Paragraph>
    </EmailLayout>
  )
}

SeatReadyEmail.PreviewProps = {
  name: "Ada",
  orderRef: "cmorder0001",
  planName: "Pro monthly",
  appUrl: "http://localhost:3000",
} satisfies SeatReadyEmailProps & AppUrlProp
