"use client"

import { useState, type FormEvent } from "react"
import { ActionButton } from "@/components/ui/action-button"
import { Input } from "@/components/ui/input"
import { Label } from "@/components/ui/label"
import { useMutation } from "@/components/ui/use-mutation"
import { CharacterCount, Textarea } from "./textarea"

const TITLE_MAX = 120
const BODY_MAX = 2000

/** Suggest a feature; the board re-renders with the new request (and the author's vote) on it. */
export function FeatureRequestForm() {
  const [title, setTitle] = useState("")
  const [body, setBody] = useState("")
  const [sent, setSent] = useState(false)
  const { pending, error, mutate } = useMutation({
    refresh: true,
    onSuccess: () => {
      setTitle("")
      setBody("")
      setSent(true)
    },
  })

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSent(false)
    void mutate("/api/account/feature-requests", { body: { title, body } })
  }

  const fields = error?.fieldErrors ?? {}
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
        <Textarea
          id="request-body"
          rows={3}
          maxLength={BODY_MAX}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-describedby="request-body-count"
          data-testid="request-body"
        />
        <CharacterCount id="request-body-count" length={body.length} max={BODY_MAX} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <ActionButton type="submit" disabled={pending} data-testid="request-submit">
          {pending ? "Posting…" : "Post request"}
        </ActionButton>
        <p role="status" className={error ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
          {sent ? "Posted, with your vote on it." : error && Object.keys(fields).length === 0 ? error.message : ""}
        </p>
      </div>
    </form>
  )
}
