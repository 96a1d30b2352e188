"use client"

import { useEffect } from "react"
import { type Metric, onCLS, onINP, onLCP } from "web-vitals"
import { track } from "@/lib/analytics/client/tracker"

// Core Web Vitals of real visits (LCP, INP, CLS), sent as `web_vital` events through the first-party
// tracker under its consent rules: a vital carries no personal data, only the page and a number.
// They go outside sessions: a measurement sent as the page is left must neither lengthen a visit
// nor turn a one-page visit into a non-bounce.
// Each metric is reported once per page load, when final (the page hidden or left), for the page
// the browser loaded: App Router navigations after it do not restart the measurement.

// Staff tools are not product traffic (as for page views).
const UNTRACKED = /^\/(admin|dev)(\/|$)/

export type VitalEvent = {
  path: string
  props: { metric: "LCP" | "INP" | "CLS"; value: number; rating: Metric["rating"] }
}

/** The event for one final metric; null for a metric we do not report or a staff page. */
export function vitalEvent(
  metric: Pick<Metric, "name" | "value" | "rating" | "navigationURL">,
  loadedPath: string,
): VitalEvent | null {
  if (metric.name !== "LCP" && metric.name !== "INP" && metric.name !== "CLS") return null
  const path = metric.navigationURL ? new URL(metric.navigationURL, "http://localhost").pathname : loadedPath
  if (UNTRACKED.test(path) || !Number.isFinite(metric.value) || metric.value < 0) return null
  // Milliseconds to 0.1 ms, layout shift to 4 decimals: enough for any percentile shown.
  const value = metric.name === "CLS" ? Math.round(metric.value * 10_000) / 10_000 : Math.round(metric.value * 10) / 10
  return { path, props: { metric: metric.name, value, rating: metric.rating } }
}

let started = false

/** Mounted once in the root layout; renders nothing. */
export function WebVitalsReporter() {
  useEffect(() => {
    // Strict mode runs effects twice: one set of observers per page load.
    if (started) return
    started = true
    const loadedPath = window.location.pathname
    const report = (metric: Metric) => {
      const event = vitalEvent(metric, loadedPath)
      if (event) track("web_vital", event.props, { path: event.path, sessionless: true })
    }
    onLCP(report)
    onINP(report)
    onCLS(report)
  }, [])
  return null
}
