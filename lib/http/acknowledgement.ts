/**
 * A small JSON acknowledgement (a webhook's "received", an ingest's "accepted"). Next gzips every
 * response whose length it does not know, and route handlers cannot tell it: for a body of a few
 * bytes that costs more CPU than the bytes it saves, on the routes that take the most requests.
 * `no-transform` is the one signal Next's compression honours.
 */
export function acknowledge(body: Record<string, unknown>, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store, no-transform" } })
}
