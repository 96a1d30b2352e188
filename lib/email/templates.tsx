import type { ReactElement } from "react"
import FeatureRequestStatusEmail, {
  featureRequestStatusSubject,
  type FeatureRequestStatusEmailProps,
} from "@/emails/feature-request-status"
import MagicLinkEmail, { type MagicLinkEmailProps } from "@/emails/magic-link"
import OrderReceivedEmail, { type OrderReceivedEmailProps } from "@/emails/order-received"
import PaymentFailedEmail, { type PaymentFailedEmailProps } from "@/emails/payment-failed"
import RefundIssuedEmail, { type RefundIssuedEmailProps } from "@/emails/refund-issued"
import SeatReadyEmail, { type SeatReadyEmailProps } from "@/emails/seat-ready"
import SubscriptionCanceledEmail, { type SubscriptionCanceledEmailProps } from "@/emails/subscription-canceled"
import WelcomeEmail, { type WelcomeEmailProps } from "@/emails/welcome"
import { formatMoney } from "@/lib/format/money"
import type { TemplateName } from "./template-names"

export { TEMPLATE_NAMES, type TemplateName } from "./template-names"

/** What the send path adds to every template's props; callers never pass it. */
export type RenderContext = { appUrl: string }

type TemplateDefinition<P> = {
  subject: (props: P) => string
  render: (props: P, context: RenderContext) => ReactElement
  /** The props the preview script and the render test use. */
  previewProps: P
}

function template<P>(definition: TemplateDefinition<P>): TemplateDefinition<P> {
  return definition
}

// Drops appUrl from a template's PreviewProps: callers' props never carry it.
function withoutAppUrl<P>(previewProps: P & { appUrl: string }): P {
  const props: Partial<P & { appUrl: string }> = { ...previewProps }
  delete props.appUrl
  return props as P
}

// Every template the app sends, with its subject. Add a template here and it can be queued.
export const EMAIL_TEMPLATES = {
  "magic-link": template<MagicLinkEmailProps>({
    subject: () => "Your sign-in link for AI Copilot Vibe",
    render: (props) => <MagicLinkEmail {...props} />,
    previewProps: MagicLinkEmail.PreviewProps,
  }),
  welcome: template<WelcomeEmailProps>({
    subject: () => "Welcome to AI Copilot Vibe",
    render: (props, { appUrl }) => <WelcomeEmail {...props} appUrl={appUrl} />,
    previewProps: withoutAppUrl(WelcomeEmail.PreviewProps),
  }),
  "order-received": template<OrderReceivedEmailProps>({
    subject: (props) => `We received your order for ${props.planName}`,
    render: (props, { appUrl }) => <OrderReceivedEmail {...props} appUrl={appUrl} />,
    previewProps: withoutAppUrl(OrderReceivedEmail.PreviewProps),
  }),
  "seat-ready": template<SeatReadyEmailProps>({
    subject: (props) => `Your ${props.planName} seat is ready`,
    render: (props, { appUrl }) => <SeatReadyEmail {...props} appUrl={appUrl} />,
    previewProps: withoutAppUrl(SeatReadyEmail.PreviewProps),
  }),
  "payment-failed": template<PaymentFailedEmailProps>({
    subject: (props) => `Action needed: your payment of ${formatMoney(props.amountCents, props.currency)} failed`,
    render: (props, { appUrl }) => <PaymentFailedEmail {...props} appUrl={appUrl} />,
    previewProps: withoutAppUrl(PaymentFailedEmail.PreviewProps),
  }),
  "subscription-canceled": template<SubscriptionCanceledEmailProps>({
    subject: (props) => `Your ${props.planName} subscription is canceled`,
    render: (props, { appUrl }) => <SubscriptionCanceledEmail {...props} appUrl={appUrl} />,
    previewProps: withoutAppUrl(SubscriptionCanceledEmail.PreviewProps),
  }),
  "refund-issued": template<RefundIssuedEmailProps>({
    subject: (props) => `Refund issued: ${formatMoney(props.amountCents, props.currency)}`,
    render: (props, { appUrl }) => <RefundIssuedEmail {...props} appUrl={appUrl} />,
    previewProps: withoutAppUrl(RefundIssuedEmail.PreviewProps),
  }),
  "feature-request-status": template<FeatureRequestStatusEmailProps>({
    subject: featureRequestStatusSubject,
    render: (props, { appUrl }) => <FeatureRequestStatusEmail {...props} appUrl={appUrl} />,
    previewProps: withoutAppUrl(FeatureRequestStatusEmail.PreviewProps),
  }),
} as const satisfies Record<TemplateName, unknown>

export type TemplateProps<T extends TemplateName> = (typeof EMAIL_TEMPLATES)[T]["previewProps"]

/**
 * Templates that carry a secret (a sign-in link), and how to take it out. They are sent only by
 * sendRedactedEmail, which keeps the copy without the secret; the outbox refuses them.
 */
const REDACTIONS = {
  "magic-link": (props: MagicLinkEmailProps): MagicLinkEmailProps => ({ ...props, url: null }),
} satisfies { [T in TemplateName]?: (props: TemplateProps<T>) => TemplateProps<T> }

export type RedactedTemplateName = keyof typeof REDACTIONS

export function isRedactedTemplate(name: TemplateName): name is RedactedTemplateName {
  return name in REDACTIONS
}

/** The props of a template with its secret taken out. */
export function redactProps<T extends RedactedTemplateName>(name: T, props: TemplateProps<T>): TemplateProps<T> {
  return REDACTIONS[name](props)
}
