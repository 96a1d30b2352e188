"use client"

import { signIn } from "next-auth/react"
import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"

type SignInFormProps = { callbackUrl: string; githubEnabled: boolean }

export function SignInForm({ callbackUrl, githubEnabled }: SignInFormProps) {
  const [email, setEmail] = useState("")
  const [pending, setPending] = useState<"email" | "github" | null>(null)
  const [error, setError] = useState<string | null>(null)

  // next-auth navigates away on success (to the check-email page, GitHub, or back here with
  // ?error=), so only a failed request (offline, server down) returns here.
  async function start(provider: "email" | "github", options: Record<string, string>) {
    setPending(provider)
    setError(null)
    try {
      await signIn(provider, { ...options, callbackUrl })
    } catch {
      setError("We couldn't reach the server. Check your connection and try again.")
      setPending(null)
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void start("email", { email: email.trim() })
  }

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <div>
          <Label htmlFor="signin-email">Email address</Label>
          <Input
            id="signin-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            placeholder="you@example.com"
            data-testid="signin-email"
          />
        </div>
        <ActionButton type="submit" size="lg" disabled={pending !== null} data-testid="signin-submit">
          {pending === "email" ? "Sending your link…" : "Email me a sign-in link"}
        </ActionButton>
      </form>

      <InlineError message={error} />

      {githubEnabled ? (
        <>
          <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-200" />
            or
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <ActionButton
            variant="secondary"
            size="lg"
            onClick={() => void start("github", {})}
            disabled={pending !== null}
          >
            {pending === "github" ? "Opening GitHub…" : "Continue with GitHub"}
          </ActionButton>
        </>
      ) : null}
    </div>
  )
}
