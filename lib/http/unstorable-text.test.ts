import { expect, test } from "vitest"
import { refuseUnstorableJson, unstorableStrings } from "./unstorable-text"

test("a NUL character or a lone surrogate is found wherever it sits, by its dotted path", () => {
  const body = JSON.parse(
    '{"name":"a\\u0000b","events":[{"path":"/ok"},{"props":{"note":"\\ud800"}}],"tail":"\\udc00x","pair":"\\ud83d\\ude00"}',
  )
  expect(unstorableStrings(body)).toEqual([
    { path: "name", message: "contains a NUL character (U+0000)" },
    { path: "events.1.props.note", message: "contains a lone UTF-16 surrogate (half of a character)" },
    { path: "tail", message: "contains a lone UTF-16 surrogate (half of a character)" },
  ])
})

test("a key is checked as well as its value", () => {
  expect(unstorableStrings(JSON.parse('{"props":{"k\\u0000":1}}'))).toEqual([
    { path: "props.k\u0000", message: "its name contains a NUL character (U+0000)" },
  ])
})

test("whole characters, emoji included, and other control characters pass", () => {
  expect(unstorableStrings({ name: "Zoë 😀 \t\u0001", list: [1, null, true, "ok"] })).toEqual([])
})

test("a body nested thousands deep is walked without overflowing the stack", () => {
  const deep = `${"[".repeat(20_000)}"\\u0000"${"]".repeat(20_000)}`
  expect(unstorableStrings(JSON.parse(deep))).toHaveLength(1)
})

test("the 422 names every field; text without an escape that could hold one is not walked", () => {
  const text = '{"a":"\\u0000","b":["\\udfff"]}'
  let thrown: unknown
  try {
    refuseUnstorableJson(text, JSON.parse(text))
  } catch (error) {
    thrown = error
  }
  expect(thrown).toMatchObject({ code: "unprocessable_entity", details: [{ path: "a" }, { path: "b.0" }] })
  // The parsed value is not looked at when the text has no \u0000 or \uD800-\uDFFF escape.
  expect(() => refuseUnstorableJson('{"a":"plain"}', { a: "\u0000" })).not.toThrow()
})
