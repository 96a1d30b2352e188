// next-auth sends failures back to /signin?error=<Code>; its codes mean nothing to a visitor.
// RateLimited is ours: the limit on link requests (app/api/auth/[...nextauth]/route.ts).
const messages: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  RateLimited: "Too many sign-in links were asked for. Wait a few minutes, or use a link we already sent.",
  EmailSignin: "We couldn't send the sign-in email. Check the address and try again.",
  OAuthSignin: "We couldn't reach GitHub. Please try again.",
  OAuthCallback: "GitHub sign-in didn't complete. Please try again.",
  OAuthCreateAccount: "We couldn't create your account with GitHub. Try the email link instead.",
  EmailCreateAccount: "We couldn't create your account. Please try again.",
  Callback: "Sign-in didn't complete. Please try again.",
  OAuthAccountNotLinked: "This email already signs in another way. Use the email link to sign in.",
  AccessDenied: "This account isn't allowed to sign in.",
  SessionRequired: "Please sign in to continue.",
  Configuration: "Sign-in is not available right now. Please try again later.",
}

const fallback = "Something went wrong while signing you in. Please try again."

export function signInErrorMessage(code: string | string[] | undefined): string | null {
  const value = Array.isArray(code) ? code[0] : code
  if (!value) return null
  return messages[value] ?? fallback
}
