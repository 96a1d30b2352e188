"use client"

import { useEffect } from "react"
import { Button, ButtonLink } from "./button"

type ErrorStateProps = {
  error: unknown
  retry: () => void
  title?: string
  /** Where "Go home" leads; the nearest safe page for this area. */
  homeHref?: string
}

/**
 * The body of every error.tsx: a calm message, the digest to quote to support, and a retry. Its h1
 * stands in for the failed page's own.
 */
export function ErrorState({ error, retry, title = "Something went wrong", homeHref = "/" }: ErrorStateProps) {
  useEffect(() => {
    console.error(error)
  }, [error])

  // Server errors reach the client with only a digest; the message is generic in production.
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined

  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center px-4 py-16 text-center">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">
        This is on our side, not yours. Please try again; if it keeps happening, contact support.
      </p>
      {digest ? (
        <p className="mt-2 font-mono text-xs text-slate-500">
          Reference: <span className="select-all">{digest}</span>
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <ButtonLink href={homeHref} variant="secondary">
          Go home
        </ButtonLink>
      </div>
    </div>
  )
}
