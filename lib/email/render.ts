import { render } from "@react-email/components"
import { plainTextSelectors } from "@react-email/render"
import { compile } from "html-to-text"
import { env } from "@/lib/env"
import { EMAIL_TEMPLATES, type RenderContext, type TemplateName, type TemplateProps } from "./templates"

export type RenderedEmail = { subject: string; html: string; text: string }

/** The app's public URL for links in emails (no trailing slash). */
export function appUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "")
}

/** Renders a template to what is stored and sent: subject, HTML and its plain-text version. */
export async function renderEmail<T extends TemplateName>(
  name: T,
  props: TemplateProps<T>,
  context: RenderContext = { appUrl: appUrl() },
): Promise<RenderedEmail> {
  // The registry is keyed by name; TypeScript cannot correlate name and props through the union.
  const definition = EMAIL_TEMPLATES[name] as unknown as {
    subject: (props: TemplateProps<T>) => string
    render: (props: TemplateProps<T>, context: RenderContext) => Parameters<typeof render>[0]
  }
  const html = await render(definition.render(props, context))
  return { subject: definition.subject(props), html, text: toPlainText(html) }
}

// React Email's own plain-text rules, compiled once: its toPlainText recompiles them on every call,
// which cost more than rendering the HTML.
const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors })
