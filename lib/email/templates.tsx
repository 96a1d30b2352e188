import type { ReactElement } from "react"
import MagicLinkEmail, { type MagicLinkEmailProps } from "@/emails/magic-link"

// Every template the app sends, with its subject. Later issues add theirs here.
export const EMAIL_TEMPLATES = {
  "magic-link": {
    subject: () => "Your sign-in link for AI Copilot Vibe",
    render: (props: MagicLinkEmailProps): ReactElement => <MagicLinkEmail {...props} />,
  },
} as const

export type TemplateName = keyof typeof EMAIL_TEMPLATES
export type TemplateProps<T extends TemplateName> = Parameters<(typeof EMAIL_TEMPLATES)[T]["render"]>[0]
