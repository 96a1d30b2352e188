import NextAuth from "next-auth"
import { authOptions } from "@/lib/auth/options"

// next-auth's own handler (sign-in, callback, sign-out); every other API route uses lib/http's wrapper.
type Context = { params: Promise<{ nextauth: string[] }> }

async function handler(request: Request, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>
}

export { handler as GET, handler as POST }
