"use client"

import { ActionButton } from "@/components/ui/action-button"
import { InlineError } from "@/components/ui/inline-error"
import { useMutation } from "@/components/ui/use-mutation"

export type Enrolment = { secret: string; otpauthUri: string; qrCodeDataUrl: string }

type EnrolStepProps = {
  enrolment: Enrolment | null
  onEnrolled: (enrolment: Enrolment) => void
  /** The server says the factor is already set up (another tab finished first). */
  onAlreadyEnrolled: () => void
}

export function EnrolStep({ enrolment, onEnrolled, onAlreadyEnrolled }: EnrolStepProps) {
  const { pending, error, mutate } = useMutation<Enrolment>({
    onSuccess: onEnrolled,
    onError: (failure) => {
      if (failure.status !== 409) return false
      onAlreadyEnrolled()
      return true
    },
  })

  return (
    <section aria-labelledby="enrol-heading" className="flex flex-col gap-4">
      <h2 id="enrol-heading" className="text-lg font-semibold text-slate-900">
        Set up two-factor authentication
      </h2>
      {enrolment ? (
        <>
          <p className="text-sm text-slate-600">
            Scan this code with an authenticator app (1Password, Google Authenticator, Authy…), then enter the 6-digit
            code it shows.
          </p>
          {/* A data: URL from our own API; next/image would add nothing for a one-off QR code. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={enrolment.qrCodeDataUrl}
            alt="QR code to add AI Copilot Vibe to your authenticator app"
            width={220}
            height={220}
            className="self-center rounded-lg border border-slate-200 bg-white"
          />
          <div className="text-sm text-slate-700">
            <p>Can&apos;t scan? Enter this key by hand:</p>
            <code
              data-testid="mfa-secret"
              className="mt-1 block rounded-md bg-slate-100 px-3 py-2 font-mono text-sm tracking-wider wrap-anywhere text-slate-900 select-all"
            >
              {enrolment.secret}
            </code>
            <p className="mt-2">
              On this phone?{" "}
              <a href={enrolment.otpauthUri} className="font-medium text-brand-700 underline underline-offset-2">
                Open in your authenticator app
              </a>
            </p>
          </div>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            Staff accounts need a second factor. You will need an authenticator app on your phone or computer.
          </p>
          <ActionButton
            onClick={() => mutate("/api/mfa/enrol")}
            disabled={pending}
            className="self-start"
            data-testid="mfa-enrol"
          >
            {pending ? "Preparing…" : "Set up two-factor authentication"}
          </ActionButton>
        </>
      )}
      <InlineError message={error?.message} />
    </section>
  )
}
