import { expect, test } from "vitest"
import { vitalEvent } from "./web-vitals-reporter"

test("a final metric becomes a web_vital of the page the browser loaded", () => {
  expect(vitalEvent({ name: "LCP", value: 1834.2567, rating: "good" }, "/pricing")).toEqual({
    path: "/pricing",
    props: { metric: "LCP", value: 1834.3, rating: "good" },
  })
  expect(vitalEvent({ name: "CLS", value: 0.123456, rating: "needs-improvement" }, "/")).toEqual({
    path: "/",
    props: { metric: "CLS", value: 0.1235, rating: "needs-improvement" },
  })
})

test("the metric's own navigation URL wins over the loaded page", () => {
  expect(
    vitalEvent(
      { name: "INP", value: 96, rating: "good", navigationURL: "https://copilot.example/checkout?plan=a" },
      "/pricing",
    )?.path,
  ).toBe("/checkout")
})

test("other metrics, staff pages and nonsense values are not reported", () => {
  expect(vitalEvent({ name: "TTFB", value: 80, rating: "good" }, "/")).toBeNull()
  expect(vitalEvent({ name: "LCP", value: 900, rating: "good" }, "/admin/operations")).toBeNull()
  expect(vitalEvent({ name: "LCP", value: Number.NaN, rating: "good" }, "/")).toBeNull()
})
