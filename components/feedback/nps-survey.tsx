"use client"

import { useState, type FormEvent } from "react"
import { ScoreRadioGroup } from "@/components/feedback/score-radio-group"
import { CharacterCount, Textarea } from "@/components/feedback/textarea"
import { ActionButton } from "@/components/ui/action-button"
import { Label } from "@/components/ui/label"
import { useMutation } from "@/components/ui/use-mutation"
import { NPS_QUESTION } from "@/lib/feedback/format"

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const
const COMMENT_MAX = 1000

type State = { kind: "open" | "answered" | "dismissed" } | { kind: "error"; message: string }

/** The quarterly NPS question; the page shows it only to a subscriber the server found eligible. */
export function NpsSurvey() {
  const [score, setScore] = useState<number | null>(null)
  const [comment, setComment] = useState("")
  const [state, setState] = useState<State>({ kind: "open" })
  const { pending: sending, mutate } = useMutation()

  async function submit(body: object, done: "answered" | "dismissed") {
    setState({ kind: "open" })
    const result = await mutate("/api/account/nps", { body })
    if (result) setState(result.ok ? { kind: done } : { kind: "error", message: result.error.message })
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (score === null) return setState({ kind: "error", message: "Pick a score from 0 to 10 first." })
    void submit({ score, comment: comment.trim() || undefined }, "answered")
  }

  if (state.kind === "answered" || state.kind === "dismissed") {
    return (
      <p
        role="status"
        className="rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-800"
        data-testid="nps-survey-done"
      >
        {state.kind === "answered"
          ? "Thank you! Your answer helps us decide what to improve."
          : "No problem. We will not ask again for a few months."}
      </p>
    )
  }

  return (
    <section
      aria-labelledby="nps-survey-heading"
      className="rounded-xl border border-brand-200 bg-brand-50/40 p-5 shadow-sm sm:p-6"
      data-testid="nps-survey"
    >
      <h2 id="nps-survey-heading" className="text-lg font-semibold text-slate-900">
        A quick question
      </h2>
      <form onSubmit={onSubmit} className="mt-4 flex flex-col gap-4" noValidate>
        <ScoreRadioGroup
          name="nps-score"
          legend={NPS_QUESTION}
          scores={SCORES}
          value={score}
          onChange={(value) => {
            setScore(value)
            if (state.kind === "error") setState({ kind: "open" })
          }}
          labels={{ 0: "Not at all likely", 10: "Extremely likely" }}
          hint="0 means not at all likely, 10 extremely likely."
          disabled={sending}
        />
        <div>
          <Label htmlFor="nps-comment">What is the main reason for your score? (optional)</Label>
          <Textarea
            id="nps-comment"
            value={comment}
            maxLength={COMMENT_MAX}
            onChange={(event) => setComment(event.target.value)}
            aria-describedby="nps-comment-count"
            rows={3}
            data-testid="nps-comment"
          />
          <CharacterCount id="nps-comment-count" length={comment.length} max={COMMENT_MAX} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <ActionButton type="submit" disabled={sending} data-testid="nps-submit">
            {sending ? "Sending…" : "Send"}
          </ActionButton>
          <ActionButton
            variant="ghost"
            disabled={sending}
            onClick={() => void submit({ dismissed: true }, "dismissed")}
            data-testid="nps-dismiss"
          >
            Not now
          </ActionButton>
          <p role="status" className="text-sm text-red-700">
            {state.kind === "error" ? state.message : ""}
          </p>
        </div>
      </form>
    </section>
  )
}
