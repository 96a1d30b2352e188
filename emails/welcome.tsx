import { CallToAction, EmailLayout, greeting, Paragraph, type AppUrlProp } from "./components/layout"

export type WelcomeEmailProps = { name: string | null }

export default function WelcomeEmail({ name, appUrl }: WelcomeEmailProps & AppUrlProp) {
  return (
    <EmailLayout
      preview="Welcome aboard: here is how your seat gets to you"
      heading="Welcome to AI Copilot Vibe"
      appUrl={appUrl}
    >
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>
        Thanks for joining. Once you pick a plan, our team provisions your AI copilot seat within 24 hours and emails
        you when it is ready. Everything else lives in your account: subscription, orders, billing and support.
      </Paragraph>
      <CallToAction href={`${appUrl}/account`}>Open your account</CallToAction>
      <Paragraph muted>Questions? Open a support ticket from your account and a person will answer.</Paragraph>
    </EmailLayout>
  )
}

WelcomeEmail.PreviewProps = { name: "Ada", appUrl: "http://localhost:3000" } satisfies WelcomeEmailProps & AppUrlProp
