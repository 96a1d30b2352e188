import { CallToAction, EmailLayout, Paragraph } from "./components/layout"

/** `url: null` is the copy we keep (email_messages): the same email with the link taken out. */
export type MagicLinkEmailProps = { url: string | null; host: string }

/** What the kept copy shows where the link was. */
export const LINK_REMOVED = "[sign-in link removed]"

export default function MagicLinkEmail({ url, host }: MagicLinkEmailProps) {
  return (
    <EmailLayout preview={`Your sign-in link for ${host}`} heading="Sign in to AI Copilot Vibe">
      <Paragraph>
        Click the button below, then confirm on the page that opens. The link works once and expires in 15 minutes.
      </Paragraph>
      {url ? <CallToAction href={url}>Sign in</CallToAction> : <Paragraph>{LINK_REMOVED}</Paragraph>}
      {url ? <Paragraph muted>Or paste this link into your browser: {url}</Paragraph> : null}
      <Paragraph muted>If you did not ask to sign in, you can ignore this email.</Paragraph>
    </EmailLayout>
  )
}

MagicLinkEmail.PreviewProps = {
  url: "http://localhost:3000/signin/confirm?token=example&email=ada%40example.com",
  host: "localhost:3000",
} satisfies MagicLinkEmailProps
