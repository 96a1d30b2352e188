import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card"
import { ConfirmButton } from "@/components/ui/confirm-button"
import type { SessionListItem } from "@/lib/auth/sessions"
import { SessionTable } from "./session-table"

type SessionsCardProps = { sessions: SessionListItem[]; description: string; className?: string }

/** Where the user is signed in, and "sign out everywhere else": the portal's profile and the staff team page. */
export function SessionsCard({ sessions, description, className }: SessionsCardProps) {
  const others = sessions.filter((session) => !session.current).length
  return (
    <Card className={className} data-testid="sessions-card">
      <CardHeader>
        <CardTitle as="h2">Where you&apos;re signed in</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <SessionTable sessions={sessions} />
        {others > 0 ? (
          <ConfirmButton
            path="/api/account/sessions"
            method="DELETE"
            confirmLabel={`Sign out ${others === 1 ? "the other session" : `all ${others} others`}`}
            pendingLabel="Signing out…"
            ariaLabel="Sign out everywhere else"
            testId="sign-out-everywhere"
          >
            Sign out everywhere else
          </ConfirmButton>
        ) : null}
      </CardContent>
    </Card>
  )
}
