"use client"

import { useRouter } from "next/navigation"
import { useRef, useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { sendJson } from "./send-json"
import { CharacterCount, Textarea } from "./textarea"

const TITLE_MAX = 120
const BODY_MAX = 2000

type State = { kind: "idle" | "sending" | "sent" } | { kind: "error"; message: string; fields: Record<string, string> }

/** Suggest a feature; the board re-renders with the new request (and the author's vote) on it. */
export function FeatureRequestForm() {
  const router = useRouter()
  const [title, setTitle] = useState("")
  const [body, setBody] = useState("")
  const [state, setState] = useState<State>({ kind: "idle" })
  const inFlight = useRef(false)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (inFlight.current) return
    inFlight.current = true
    setState({ kind: "sending" })
    const result = await sendJson("/api/account/feature-requests", "POST", { title, body })
    inFlight.current = false
    if (!result.ok) return setState({ kind: "error", message: result.error.message, fields: result.error.fieldErrors })
    setTitle("")
    setBody("")
    setState({ kind: "sent" })
    router.refresh()
  }

  const fields = state.kind === "error" ? state.fields : {}
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate data-testid="feature-request-form">
      <div>
        <Label htmlFor="request-title">Title</Label>
        <Input
          id="request-title"
          required
          maxLength={TITLE_MAX}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={fields.title ? true : undefined}
          aria-describedby={fields.title ? "request-title-error" : undefined}
          data-testid="request-title"
        />
        {fields.title ? (
          <p id="request-title-error" className="mt-1.5 text-sm text-red-700">
            {fields.title}
          </p>
        ) : null}
      </div>
      <div>
        <Label htmlFor="request-body">Details (optional)</Label>
        <Textarea id="request-body" rows={3} maxLength={BODY_MAX} value={body} onChange={(event) => setBody(event.target.value)} aria-describedby="request-body-count" data-testid="request-body" />
        <CharacterCount id="request-body-count" length={body.length} max={BODY_MAX} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <ActionButton type="submit" disabled={state.kind === "sending"} data-testid="request-submit">
          {state.kind === "sending" ? "Posting…" : "Post request"}
        </ActionButton>
        <p role="status" className={state.kind === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
          {state.kind === "sent" ? "Posted, with your vote on it." : state.kind === "error" && Object.keys(fields).length === 0 ? state.message : ""}
        </p>
      </div>
    </form>
  )
}
