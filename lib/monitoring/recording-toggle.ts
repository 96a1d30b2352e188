import { env } from "@/lib/env"
import { observeRequests } from "./prometheus"
import { startRequestRecording, stopRequestRecording } from "./requests/recording"

/**
 * REQUEST_METRICS_TOGGLE=1, for bench:monitoring only: each SIGUSR2 switches all request recording
 * (this instance's histograms and Prometheus') off or back on in the running server, so the
 * benchmark compares with and without in one process: two processes differ by more than recording
 * costs. Switching on again times pages too, as instrumentation.ts starts it.
 */
export function toggleRecordingOnSignal(): void {
  if (env().REQUEST_METRICS_TOGGLE !== "1") return
  let on = env().REQUEST_METRICS !== "0"
  process.on("SIGUSR2", () => {
    on = !on
    if (on) startRequestRecording({ pages: true })
    else stopRequestRecording()
    observeRequests(on)
  })
}
