import type { BrowserOptions } from "@sentry/nextjs"

// What Sentry may collect, for the server and the browser alike. Requests here carry session
// cookies, bearer tokens and, on the fulfilment route, seat credentials: none of it leaves.
// Errors only: request timing has its own pipeline (lib/monitoring), so no traces.
export const sentryCommonOptions = {
  tracesSampleRate: 0,
  dataCollection: {
    userInfo: false,
    cookies: false,
    httpHeaders: {
      request: { deny: ["authorization", "cookie", "x-forwarded-for", "x-real-ip"] },
      response: { deny: ["set-cookie"] },
    },
    httpBodies: [],
    urlQueryParams: false,
    databaseQueryData: false,
    queues: false,
    stackFrameVariables: false,
    genAI: { inputs: false, outputs: false },
    graphQL: { document: false, variables: false },
  },
} satisfies BrowserOptions
