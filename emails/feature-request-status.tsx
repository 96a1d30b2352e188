import type { FeatureRequestStatus } from "@/generated/prisma/enums"
import { STATUS_LABELS } from "@/lib/feedback/format"
import { CallToAction, EmailLayout, greeting, Paragraph, type AppUrlProp } from "./components/layout"

export type FeatureRequestStatusEmailProps = {
  name: string | null
  requestTitle: string
  status: Exclude<FeatureRequestStatus, "OPEN">
  /** The recipient posted the request (else they voted for it). */
  isAuthor: boolean
}

const NEWS: Record<FeatureRequestStatusEmailProps["status"], string> = {
  PLANNED: "is now planned: it is on our roadmap and we will start work on it soon.",
  IN_PROGRESS: "is in progress: our team is working on it right now.",
  SHIPPED: "has shipped! It is available in your account today.",
  DECLINED: "was declined: after looking at it closely, we decided not to build it for now.",
}

export function featureRequestStatusSubject({
  requestTitle,
  status,
}: Pick<FeatureRequestStatusEmailProps, "requestTitle" | "status">): string {
  return `Feature request update: "${requestTitle}" is ${STATUS_LABELS[status].toLowerCase()}`
}

export default function FeatureRequestStatusEmail({
  name,
  requestTitle,
  status,
  isAuthor,
  appUrl,
}: FeatureRequestStatusEmailProps & AppUrlProp) {
  return (
    <EmailLayout
      preview={`"${requestTitle}" is ${STATUS_LABELS[status].toLowerCase()}`}
      heading={`${STATUS_LABELS[status]}: ${requestTitle}`}
      appUrl={appUrl}
    >
      <Paragraph>{greeting(name)}</Paragraph>
      <Paragraph>
        The feature request {isAuthor ? "you posted" : "you voted for"}, &ldquo;{requestTitle}&rdquo;, {NEWS[status]}
      </Paragraph>
      <Paragraph>
        Thank you for telling us what matters to you. Every vote helps us decide what to build next.
      </Paragraph>
      <CallToAction href={`${appUrl}/account/feedback`}>See the feature board</CallToAction>
      <Paragraph muted>
        You get this email because you posted or voted for this request on the AI Copilot Vibe feature board.
      </Paragraph>
    </EmailLayout>
  )
}

FeatureRequestStatusEmail.PreviewProps = {
  name: "Ada",
  requestTitle: "Dark mode for the account portal",
  status: "PLANNED",
  isAuthor: false,
  appUrl: "http://localhost:3000",
} satisfies FeatureRequestStatusEmailProps & AppUrlProp
