import { Body, Button, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components"

export type MagicLinkEmailProps = { url: string; host: string }

export default function MagicLinkEmail({ url, host }: MagicLinkEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>Your sign-in link for {host}</Preview>
      <Body style={{ backgroundColor: "#f6f7fb", fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 12, margin: "40px auto", padding: 32, maxWidth: 480 }}>
          <Heading style={{ fontSize: 22, color: "#1e1b4b" }}>Sign in to AI Copilot Vibe</Heading>
          <Text style={{ color: "#374151" }}>Click the button below to sign in. The link works once and expires in 24 hours.</Text>
          <Section style={{ textAlign: "center", margin: "24px 0" }}>
            <Button href={url} style={{ backgroundColor: "#4f46e5", color: "#ffffff", borderRadius: 8, padding: "12px 20px", fontWeight: 600 }}>
              Sign in
            </Button>
          </Section>
          <Text style={{ color: "#6b7280", fontSize: 13 }}>Or paste this link into your browser: {url}</Text>
          <Text style={{ color: "#6b7280", fontSize: 13 }}>If you did not ask to sign in, you can ignore this email.</Text>
        </Container>
      </Body>
    </Html>
  )
}

MagicLinkEmail.PreviewProps = { url: "http://localhost:3000/api/auth/callback/email?token=example", host: "localhost:3000" } satisfies MagicLinkEmailProps
