import { expect, test } from "vitest"
import { storableBody, storableJson } from "./storable"

test("NUL characters and lone surrogates become U+FFFD, in values and keys; pairs stay", () => {
  expect(storableJson({ name: "a\u0000b", ["k\u0000"]: ["\uD800x", "x\uDC00", "😀"] })).toEqual({
    name: "a\uFFFDb",
    ["k\uFFFD"]: ["\uFFFDx", "x\uFFFD", "😀"],
  })
})

test("a body with nothing unstorable is kept as received, byte for byte", () => {
  const body = '{"name":"Zoë \\u00e9","emoji":"\\ud83d\\ude00"}'
  expect(storableBody(body)).toEqual({ payload: body, rawBody: null })
})

test("a body with an escaped NUL or a lone surrogate is re-encoded, and the original kept", () => {
  const body = '{"name":"a\\u0000b","note":"\\udc00"}'
  const { payload, rawBody } = storableBody(body)
  expect(rawBody).toBe(body)
  expect(JSON.parse(payload)).toEqual({ name: "a\uFFFDb", note: "\uFFFD" })
  expect(payload).not.toMatch(/\\u0000|\\udc00/i)
})
