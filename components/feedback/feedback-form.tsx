"use client"

import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Label } from "@/components/ui/label"
import { useMutation } from "@/components/ui/use-mutation"
import { CSAT_LABELS, CSAT_QUESTION } from "@/lib/feedback/format"
import { ScoreRadioGroup } from "./score-radio-group"
import { CharacterCount, Textarea } from "./textarea"

const MESSAGE_MAX = 2000
const RATINGS = [1, 2, 3, 4, 5] as const

type State = { kind: "idle" | "sent" } | { kind: "error"; message: string; field?: string }

/** The feedback form: an optional CSAT rating and a message, sent with the page it came from. */
export function FeedbackForm({ fromPage }: { fromPage: string | null }) {
  const [rating, setRating] = useState<number | null>(null)
  const [message, setMessage] = useState("")
  const [state, setState] = useState<State>({ kind: "idle" })
  const { pending: sending, mutate } = useMutation()

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!message.trim()) return setState({ kind: "error", message: "Write a few words first.", field: "message" })
    setState({ kind: "idle" })
    const page = fromPage ?? referringPage()
    const result = await mutate("/api/account/feedback", {
      body: { rating: rating ?? undefined, message, page: page ?? undefined },
    })
    if (!result) return
    if (!result.ok)
      return setState({
        kind: "error",
        message: result.error.fieldErrors.message ?? result.error.message,
        field: result.error.fieldErrors.message ? "message" : undefined,
      })
    setRating(null)
    setMessage("")
    setState({ kind: "sent" })
  }

  const messageError = state.kind === "error" && state.field === "message"
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate data-testid="feedback-form">
      <ScoreRadioGroup
        name="csat-rating"
        legend={`${CSAT_QUESTION} (optional)`}
        scores={RATINGS}
        value={rating}
        onChange={setRating}
        labels={CSAT_LABELS}
        hint="1 means very dissatisfied, 5 very satisfied."
        disabled={sending}
      />
      <div>
        <Label htmlFor="feedback-message">Your message</Label>
        <Textarea
          id="feedback-message"
          required
          rows={5}
          maxLength={MESSAGE_MAX}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          aria-invalid={messageError || undefined}
          aria-describedby={messageError ? "feedback-message-error feedback-message-count" : "feedback-message-count"}
          data-testid="feedback-message"
        />
        {messageError ? (
          <p id="feedback-message-error" className="mt-1.5 text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
        <CharacterCount id="feedback-message-count" length={message.length} max={MESSAGE_MAX} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <ActionButton type="submit" disabled={sending} data-testid="feedback-submit">
          {sending ? "Sending…" : "Send feedback"}
        </ActionButton>
        <p role="status" className={state.kind === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
          {state.kind === "sent"
            ? "Thank you, we read every message."
            : state.kind === "error" && !messageError
              ? state.message
              : ""}
        </p>
      </div>
    </form>
  )
}

/** Without ?from=, the page of this site the visitor came from (if any) is where the feedback came from. */
function referringPage(): string | null {
  if (!document.referrer) return null
  const referrer = new URL(document.referrer)
  return referrer.origin === window.location.origin && referrer.pathname !== window.location.pathname
    ? referrer.pathname
    : null
}
