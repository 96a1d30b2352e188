import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components"
import type { ReactNode } from "react"

// The frame every email shares: preview line, card, heading, footer. Inline styles only: mail
// clients ignore stylesheets.

/** Templates that link into the app get its public URL from the send path, not from their caller. */
export type AppUrlProp = { appUrl: string }

export const colors = { brand: "#4f46e5", ink: "#1e1b4b", body: "#374151", muted: "#6b7280", page: "#f6f7fb" } as const

type EmailLayoutProps = {
  /** The line mail clients show next to the subject. */
  preview: string
  heading: string
  children: ReactNode
  /** Links the footer to the app; omitted for mail sent before anyone has an account (sign-in). */
  appUrl?: string
}

export function EmailLayout({ preview, heading, children, appUrl }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.page, fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif" }}>
        <Container
          style={{ backgroundColor: "#ffffff", borderRadius: 12, margin: "40px auto", padding: 32, maxWidth: 480 }}
        >
          <Heading style={{ fontSize: 22, color: colors.ink }}>{heading}</Heading>
          {children}
          <Hr style={{ borderColor: "#e5e7eb", margin: "28px 0 16px" }} />
          <Text style={{ color: colors.muted, fontSize: 12, margin: 0 }}>
            AI Copilot Vibe
            {appUrl ? (
              <>
                {" · "}
                <Link href={`${appUrl}/account`} style={{ color: colors.muted, textDecoration: "underline" }}>
                  Your account
                </Link>
              </>
            ) : null}
          </Text>
        </Container>
      </Body>
    </Html>
  )
}

export function Paragraph({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return (
    <Text
      style={muted ? { color: colors.muted, fontSize: 13 } : { color: colors.body, fontSize: 15, lineHeight: "24px" }}
    >
      {children}
    </Text>
  )
}

export function CallToAction({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ textAlign: "center", margin: "24px 0" }}>
      <Button
        href={href}
        style={{
          backgroundColor: colors.brand,
          color: "#ffffff",
          borderRadius: 8,
          padding: "12px 20px",
          fontWeight: 600,
        }}
      >
        {children}
      </Button>
    </Section>
  )
}

/** "Hi Ada," or "Hi," when we do not know the name. */
export function greeting(name: string | null | undefined): string {
  return name?.trim() ? `Hi ${name.trim()},` : "Hi,"
}
