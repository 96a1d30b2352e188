import type { Metadata } from "next"
import { ConsentSettingsButton } from "@/components/analytics/consent-banner"
import { SessionsCard } from "@/components/sessions/sessions-card"
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card"
import { PageHeader } from "@/components/ui/page-header"
import { getProfile } from "@/lib/account/profile"
import { getCurrentSession, requireUser } from "@/lib/auth/session"
import { listSessions } from "@/lib/auth/sessions"
import { formatLongDate } from "@/lib/format/dates"
import { ProfileForm } from "./_components/profile-form"

export const metadata: Metadata = { title: "Profile" }
export const dynamic = "force-dynamic"

export default async function ProfilePage() {
  const user = await requireUser("/account/profile")
  const [profile, sessions] = await Promise.all([
    getProfile(user.id),
    listSessions(user, (await getCurrentSession())?.id),
  ])
  return (
    <main
      id="main-content"
      data-testid="profile-page"
      className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12"
    >
      <PageHeader title="Profile" description={`Member since ${formatLongDate(profile.createdAt)}`} />
      <Card className="mt-8 max-w-xl">
        <CardHeader>
          <CardTitle as="h2">Your details</CardTitle>
          <CardDescription>
            You sign in as <span className="font-medium text-slate-800">{profile.email}</span>. To change it, contact
            support.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm name={profile.name ?? ""} />
        </CardContent>
      </Card>
      <SessionsCard
        className="mt-6"
        sessions={sessions}
        description="Each browser you signed in with stays signed in for 30 days. End any you do not recognise, or all but this one."
      />
      <Card className="mt-6 max-w-xl">
        <CardHeader>
          <CardTitle as="h2">Privacy</CardTitle>
          <CardDescription>
            Whether this browser may keep our analytics cookie. You can change your answer at any time.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ConsentSettingsButton className="cursor-pointer text-sm font-medium text-brand-700 hover:underline" />
        </CardContent>
      </Card>
    </main>
  )
}
