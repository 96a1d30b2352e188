import { useSyncExternalStore } from "react"

const subscribe = () => () => {}

/** False on the server and while the page hydrates, true from then on: for what only works in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
