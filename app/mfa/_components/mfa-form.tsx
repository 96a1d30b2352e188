"use client"

import { useState } from "react"
import { CodeForm } from "./code-form"
import { EnrolStep, type Enrolment } from "./enrol-step"

type MfaFormProps = { enrolled: boolean; callbackUrl: string }

/** Enrolment first when there is no factor yet; the code form once there is something to verify. */
export function MfaForm({ enrolled, callbackUrl }: MfaFormProps) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null)
  const [alreadyEnrolled, setAlreadyEnrolled] = useState(false)
  const hasFactor = enrolled || alreadyEnrolled

  return (
    <div className="flex flex-col gap-8">
      {hasFactor ? null : (
        <EnrolStep enrolment={enrolment} onEnrolled={setEnrolment} onAlreadyEnrolled={() => setAlreadyEnrolled(true)} />
      )}
      {alreadyEnrolled ? (
        <p role="status" className="text-sm text-slate-700">
          Two-factor authentication is already set up for your account.
        </p>
      ) : null}
      {hasFactor || enrolment ? <CodeForm callbackUrl={callbackUrl} /> : null}
    </div>
  )
}
