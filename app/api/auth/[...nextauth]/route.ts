import NextAuth from "next-auth"
import { authOptions } from "@/lib/auth/options"
import { failedSignInOf } from "@/lib/auth/sign-in-failure"
import { clientAddress } from "@/lib/http/client-address"
import { recordFailedSignIn } from "@/lib/security/refusals"

// next-auth's own handler (sign-in, callback, sign-out); every other API route uses lib/http's wrapper.
type Context = { params: Promise<{ nextauth: string[] }> }

async function handler(request: Request, context: Context): Promise<Response> {
  const response = (await NextAuth(request as never, context as never, authOptions())) as Response
  // A callback that ends on next-auth's error page is a failed sign-in (an invalid or expired link).
  const failure = failedSignInOf(request.url, response)
  if (failure) {
    await recordFailedSignIn({ ...failure, ip: clientAddress(request) })
  }
  return response
}

export { handler as GET, handler as POST }
