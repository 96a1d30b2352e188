import { FEEDBACK_STAFF_ROLES } from "@/lib/feedback/roles"
import { staffFeedbackQuerySchema } from "@/lib/feedback/schemas"
import { listFeedbackMessages, listNpsResponses } from "@/lib/feedback/staff-queries"
import { route } from "@/lib/http/route"

// GET /api/admin/feedback?messagesPage=&npsPage=&withComment=&pageSize= — feedback messages (with CSAT) and NPS answers, newest first
export const GET = route({ roles: FEEDBACK_STAFF_ROLES, query: staffFeedbackQuerySchema }, async ({ query }) => {
  const messages = await listFeedbackMessages({ page: query.messagesPage, pageSize: query.pageSize })
  const nps = await listNpsResponses({ page: query.npsPage, pageSize: query.pageSize, withComment: query.withComment })
  return Response.json({ messages, nps })
})
