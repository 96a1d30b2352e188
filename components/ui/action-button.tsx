"use client"

import type { ComponentProps } from "react"
import { useHydrated } from "@/lib/utils/use-hydrated"
import { Button } from "./button"

/**
 * A Button whose action is script (an onClick, or the submit of a form handled by script). It is
 * disabled until the page has hydrated: a click before then would do nothing, or submit the form
 * the browser's way, and be lost.
 */
export function ActionButton({ disabled, ...props }: ComponentProps<typeof Button>) {
  const hydrated = useHydrated()
  return <Button disabled={!hydrated || disabled} {...props} />
}
