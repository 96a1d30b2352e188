import { CallToAction, EmailLayout, Paragraph } from "./components/layout"

export type MagicLinkEmailProps = { url: string; host: string }

export default function MagicLinkEmail({ url, host }: MagicLinkEmailProps) {
  return (
    <EmailLayout preview={`Your sign-in link for ${host}`} heading="Sign in to AI Copilot Vibe">
      <Paragraph>Click the button below to sign in. The link works once and expires in 24 hours.</Paragraph>
      <CallToAction href={url}>Sign in</CallToAction>
      <Paragraph muted>Or paste this link into your browser: {url}</Paragraph>
      <Paragraph muted>If you did not ask to sign in, you can ignore this email.</Paragraph>
    </EmailLayout>
  )
}

MagicLinkEmail.PreviewProps = { url: "http://localhost:3000/api/auth/callback/email?token=example", host: "localhost:3000" } satisfies MagicLinkEmailProps
