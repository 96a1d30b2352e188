import { expect, test } from "vitest"
import { readJsonBody } from "./body"

test("a body the client stops sending midway is the client's error (400), not ours", async () => {
  const aborted = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"events":['))
      controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }))
    },
  })
  const request = new Request("http://app.test/api/events", {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": "500" },
    body: aborted,
    duplex: "half",
  } as RequestInit)
  await expect(readJsonBody(request)).rejects.toMatchObject({
    code: "bad_request",
    message: "the request was cut off before its body arrived",
  })
})
