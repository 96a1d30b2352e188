import type { Metadata, Viewport } from "next"
import { type ReactNode, Suspense } from "react"
import { ConsentBanner } from "@/components/analytics/consent-banner"
import { PageViewTracker } from "@/components/analytics/page-view-tracker"
import { WebVitalsReporter } from "@/components/analytics/web-vitals-reporter"
import { TestModeBanner } from "@/components/billing/test-mode-banner"
import { BrowserErrorReporter } from "@/components/monitoring/browser-error-reporter"
import { appRelease } from "@/lib/monitoring/errors/release"
import "./globals.css"

export const metadata: Metadata = {
  title: { default: "AI Copilot Vibe", template: "%s · AI Copilot Vibe" },
  description:
    "Subscribe to an AI copilot seat and have it delivered within 24 hours. Simple monthly or annual plans, cancel anytime.",
  applicationName: "AI Copilot Vibe",
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#4f46e5",
  colorScheme: "light",
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <BrowserErrorReporter release={appRelease()} />
        <TestModeBanner />
        {children}
        <Suspense fallback={null}>
          <PageViewTracker />
        </Suspense>
        <WebVitalsReporter />
        <ConsentBanner />
      </body>
    </html>
  )
}
