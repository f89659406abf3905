/** The JSON API's replies: the board per kommune, its history and CSV, replies recorded by the secretariat, revoking a link. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { InvalidError } from "../../../shared/errors.js";
import { t } from "../../../shared/i18n/nb.js";
import { nbReplies } from "../../../shared/i18n/nb-replies.js";
import {
  attendanceDownload,
  groupRepliesByOrganisation,
  historyLines,
  listMeetingReplies,
  RecordReplyInput,
  requireInvitation,
  revokeLink,
  submitReply,
} from "../../../shared/invitations/index.js";
import { getMeetingRecord } from "../../../shared/meetings/index.js";
import type { AppEnv } from "../env.js";
import { actor } from "../guard.js";
import { IdParam, jsonOp } from "./openapi.js";

const d = t.apiDocs;
const SeatSubstitute = z.object({
  reply: z.enum(["attending", "absent"]).optional(),
  reason: z.string().optional(),
  name: z.string(),
  email: z.string(),
  invitationId: z.string(),
  held: z.boolean().optional(),
  vara: z.boolean().optional(),
});
const Seat = z.object({
  invitationId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  holdsSeat: z.boolean(),
  status: z.enum(["attending", "absent", "substitute", "vara_called", "no_answer", "bounced", "withdrawn"]),
  label: z.string(),
  reason: z.string().optional(),
  note: z.string().optional(),
  /** Whom the member sent, and the substitute's own reply (their forfall leaves the seat absent). */
  substitute: SeatSubstitute.optional(),
  substituteAbsent: z.boolean().optional(),
  suppressed: z.enum(["bounced", "complained"]).optional(),
  repliedAt: z.string().optional(),
  repliedBy: z.string().optional(),
});
const Board = z.object({
  organisations: z.array(
    z.object({ organisationId: z.string().optional(), organisation: z.string(), answered: z.boolean(), seats: z.array(Seat) }),
  ),
  totals: z.record(z.string(), z.number()),
});
const HistoryLine = z.object({
  invitationId: z.string(),
  seatInvitationId: z.string(),
  name: z.string(),
  substituteFor: z.string().optional(),
  version: z.number(),
  status: z.enum(["attending", "absent", "substitute", "escalated"]),
  reason: z.string().optional(),
  note: z.string().optional(),
  substitute: z.object({ name: z.string(), email: z.string() }).optional(),
  at: z.string(),
  by: z.string(),
  from: z.string(),
});
const InvitationParams = z.object({ id: z.string().min(1).max(64), invitationId: z.string().min(1).max(100) });

/** The reply form's shape of what the secretariat records (phone, email) on a participant's behalf. */
function replyOf(input: z.infer<typeof RecordReplyInput>) {
  if (input.status === "absent") return { status: "absent" as const, reason: input.reason };
  if (input.status === "attending") return { status: "attending" as const };
  if (!input.substitute) throw new InvalidError([{ field: "substitute", message: t.replies.substituteMissing }]);
  const s = input.substitute;
  return {
    status: "substitute" as const,
    substituteName: s.name,
    substituteEmail: s.email.toLowerCase(),
    substituteRole: s.role,
  };
}

export function repliesApi() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    jsonOp({
      method: "get",
      path: "/meetings/{id}/replies",
      operationId: "listReplies",
      summary: d.listReplies,
      params: IdParam,
      response: Board,
    }),
    async (c) => {
      const { invitations, bounced } = await listMeetingReplies(c.get("ctx"), c.req.valid("param").id);
      return c.json(groupRepliesByOrganisation(invitations, bounced), 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "get",
      path: "/meetings/{id}/replies/history",
      operationId: "listReplyHistory",
      summary: nbReplies.apiHistory,
      params: IdParam,
      response: z.object({ items: z.array(HistoryLine) }),
    }),
    async (c) => {
      const { invitations, history, escalations } = await listMeetingReplies(c.get("ctx"), c.req.valid("param").id);
      return c.json({ items: historyLines(history, invitations, escalations) }, 200);
    },
  );
  app.openapi(
    {
      method: "get",
      path: "/meetings/{id}/replies.csv",
      operationId: "downloadAttendance",
      summary: nbReplies.apiCsv,
      request: { params: IdParam },
      responses: { 200: { description: nbReplies.apiCsv, content: { "text/csv": { schema: z.string() } } } },
    },
    async (c) => {
      const csv = await attendanceDownload(c.get("ctx"), c.req.valid("param").id);
      return c.body(csv.body, 200, csv.headers);
    },
  );
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/replies",
      operationId: "recordReply",
      summary: d.recordReply,
      params: IdParam,
      body: RecordReplyInput,
      response: z.object({ invitationId: z.string(), status: z.string(), silent: z.boolean() }),
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const meeting = await getMeetingRecord(ctx, id);
      await requireInvitation(ctx, id, input.invitationId);
      const form = replyOf(input);
      const { invitation, silent } = await submitReply(ctx, meeting, input.invitationId, form, {
        by: actor(c),
        note: input.note || undefined,
        silent: input.silent,
      });
      return c.json({ invitationId: invitation.id, status: invitation.reply?.status ?? form.status, silent }, 200);
    },
  );
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/invitations/{invitationId}/revoke",
      operationId: "revokeLink",
      summary: d.revokeLink,
      params: InvitationParams,
      response: z.object({ invitationId: z.string(), linkVersion: z.number() }),
    }),
    async (c) => {
      const { id, invitationId } = c.req.valid("param");
      return c.json({ invitationId, linkVersion: await revokeLink(c.get("ctx"), id, invitationId) }, 200);
    },
  );
  return app;
}
