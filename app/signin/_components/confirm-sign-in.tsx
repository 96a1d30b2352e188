import { Button, ButtonLink } from "@/components/ui/button"
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card"

type ConfirmSignInProps = { link: { token: string; email: string; callbackUrl: string }; pending: boolean }

/** The confirm step of an email link: one button that POSTs, or why the link no longer works. */
export function ConfirmSignIn({ link, pending }: ConfirmSignInProps) {
  const callback = new URLSearchParams({
    token: link.token,
    email: link.email,
    ...(link.callbackUrl ? { callbackUrl: link.callbackUrl } : {}),
  })
  return (
    <main id="main-content" className="flex min-h-dvh items-center justify-center px-4 py-12">
      <Card className="w-full max-w-md">
        <CardHeader>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">
            {pending ? "Confirm sign-in" : "This link no longer works"}
          </h1>
          <CardDescription>
            {pending ? (
              <>
                Sign in to AI Copilot Vibe as{" "}
                <span className="font-medium wrap-anywhere text-slate-800">{link.email}</span>?
              </>
            ) : (
              "Sign-in links work once and expire after 15 minutes. Ask for a new one."
            )}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {pending ? (
            // A plain form: it works before the page hydrates, and without JavaScript.
            <form method="post" action={`/api/auth/callback/email?${callback}`}>
              <Button type="submit" size="lg" className="w-full" data-testid="confirm-signin">
                Sign in
              </Button>
            </form>
          ) : (
            <ButtonLink href="/signin" variant="secondary" className="self-start" data-testid="confirm-signin-expired">
              Ask for a new link
            </ButtonLink>
          )}
          {pending ? (
            <p className="text-sm text-slate-600">
              If you did not ask to sign in, close this page: nothing happens without the button.
            </p>
          ) : null}
        </CardContent>
      </Card>
    </main>
  )
}
