import { z } from "zod"
import { eventNameSchema } from "@/lib/analytics/model/event-names"
import { forwardEvents } from "./forward"
import { countryOf } from "./geo"
import { buildRow, type RequestOrigin, visitorsByDay } from "./ingest"
import { type EventProps, propsSchema } from "./schemas"
import { type EventRow, storeEvents } from "./store"
import { cleanPath } from "./url"
import { parseUserAgent } from "./user-agent"
import { userVisitorId } from "./visitor"

export type TrackInput = {
  userId?: string | null
  props?: EventProps
  path?: string
  /**
   * The browser's request this happens in, as `requestOrigin(request)` (lib/http) reads it: the
   * event gets that visitor (cookie id or daily hash), device and country.
   */
  browser?: RequestOrigin
}

/**
 * Records a business event from the server through the same group commit as POST /api/events.
 * Never throws and never needs awaiting: call it as `void track(...)` after the work it reports
 * has committed. The promise (true once stored, false when refused or failed, the reason logged)
 * is for tests. Without a browser the visitor is the user (`u:<userId>`).
 */
export async function track(name: string, input: TrackInput = {}): Promise<boolean> {
  try {
    const event = {
      name: eventNameSchema.parse(name),
      path: input.path,
      props: input.props ? propsSchema.parse(input.props) : undefined,
    }
    const now = new Date()
    const userId = input.userId ?? null
    let row: EventRow
    if (input.browser) {
      const origin = input.browser
      const visitors = await visitorsByDay(origin, [now], now)
      row = buildRow(event, now, {
        origin,
        client: parseUserAgent(origin.userAgent),
        country: await countryOf(origin.cdnCountry, origin.ip),
        userId,
        now,
        visitors,
      })
    } else {
      row = {
        at: now,
        name: event.name,
        visitorId: userVisitorId(userId ?? "server"),
        consented: false,
        sessionId: null,
        userId,
        path: cleanPath(event.path),
        referrer: null,
        utmSource: null,
        utmMedium: null,
        utmCampaign: null,
        utmTerm: null,
        utmContent: null,
        country: null,
        browser: null,
        os: null,
        device: null,
        screen: null,
        props: event.props ?? null,
      }
    }
    await storeEvents([row])
    forwardEvents([row])
    return true
  } catch (error) {
    const reason =
      error instanceof z.ZodError
        ? error.issues.map((issue) => `${issue.path.join(".") || "name"}: ${issue.message}`).join("; ")
        : error instanceof Error
          ? error.message
          : String(error)
    console.error(`[analytics] server event ${name} not recorded: ${reason}`)
    return false
  }
}
