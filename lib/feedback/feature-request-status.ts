import "server-only"
import type { FeatureRequestStatus } from "@/generated/prisma/enums"
import { recordAudit } from "@/lib/audit/log"
import { db } from "@/lib/db"
import { queueEmail } from "@/lib/email/send"
import { AppError } from "@/lib/errors"
import type { FeatureRequestStatusInput } from "./schemas"

export type StatusChange = {
  id: string
  status: FeatureRequestStatus
  previousStatus: FeatureRequestStatus
  changed: boolean
  /** Everyone told about this status: the voters and the author. */
  recipients: number
  /** Emails queued by this call; a recipient already told about this status is not emailed again. */
  emailed: number
}

type Actor = { id: string; email: string }

/** The idempotency key of one status email: one per (request, status, recipient), for ever. */
export function statusEmailKey(requestId: string, status: FeatureRequestStatus, userId: string): string {
  return `feature-request-status/${requestId}/${status}/${userId}`
}

/**
 * Staff set a request's status. In one transaction: the status, an email to every voter and the
 * author (queued in the outbox; keyed per request, status and person, so setting a status again,
 * even after moving away and back, never sends twice), and the audit entry. Setting the status it
 * already has changes nothing and sends nothing. Call deliverSoon() after it returns.
 */
export async function setFeatureRequestStatus({
  requestId,
  status,
  actor,
}: {
  requestId: string
  status: FeatureRequestStatusInput["status"]
  actor: Actor
}): Promise<StatusChange> {
  return db.$transaction(
    async (tx) => {
      // Locked, so two staff changing the same request one after the other see each other's status.
      const [request] = await tx.$queryRaw<
        { id: string; title: string; status: FeatureRequestStatus; author_id: string }[]
      >`
        SELECT id, title, status::text AS status, author_id FROM feature_requests WHERE id = ${requestId} FOR UPDATE`
      if (!request) throw new AppError("not_found", "no such feature request")
      const unchanged = {
        id: requestId,
        status,
        previousStatus: request.status,
        changed: false,
        recipients: 0,
        emailed: 0,
      }
      if (request.status === status) return unchanged
      await tx.featureRequest.update({ where: { id: requestId }, data: { status, statusChangedAt: new Date() } })
      const recipients = await tx.user.findMany({
        where: { OR: [{ id: request.author_id }, { featureVotes: { some: { requestId } } }] },
        orderBy: { id: "asc" },
        select: { id: true, email: true, name: true },
      })
      let emailed = 0
      for (const user of recipients) {
        const queued = await queueEmail(tx, {
          to: user.email,
          template: "feature-request-status",
          props: { name: user.name, requestTitle: request.title, status, isAuthor: user.id === request.author_id },
          idempotencyKey: statusEmailKey(requestId, status, user.id),
        })
        if (queued.created) emailed += 1
      }
      await recordAudit(
        {
          actor,
          action: "feature_request.status_changed",
          targetType: "feature_request",
          targetId: requestId,
          metadata: { from: request.status, to: status, recipients: recipients.length, emailed },
        },
        tx,
      )
      return { ...unchanged, changed: true, recipients: recipients.length, emailed }
    },
    // Each email is rendered inside the transaction (~4 ms): allow a popular request's few hundred voters.
    { maxWait: 10_000, timeout: 60_000 },
  )
}
