/** The JSON API's replies: the board per kommune, replies recorded by the secretariat, revoking a link. */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { InvalidError } from "../../../shared/errors.js";
import { t } from "../../../shared/i18n/nb.js";
import {
  groupRepliesByOrganisation,
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
const Seat = z.object({
  invitationId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  status: z.enum(["attending", "absent", "substitute", "no_answer", "bounced", "withdrawn"]),
  label: z.string(),
  reason: z.string().optional(),
  substitute: z
    .object({ name: z.string(), email: z.string(), invitationId: z.string(), held: z.boolean().optional() })
    .optional(),
  repliedAt: z.string().optional(),
  repliedBy: z.string().optional(),
});
const Board = z.object({
  organisations: z.array(
    z.object({ organisationId: z.string().optional(), organisation: z.string(), answered: z.boolean(), seats: z.array(Seat) }),
  ),
  totals: z.record(z.string(), z.number()),
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
      method: "post",
      path: "/meetings/{id}/replies",
      operationId: "recordReply",
      summary: d.recordReply,
      params: IdParam,
      body: RecordReplyInput,
      response: z.object({ invitationId: z.string(), status: z.string() }),
    }),
    async (c) => {
      const ctx = c.get("ctx");
      const { id } = c.req.valid("param");
      const input = c.req.valid("json");
      const meeting = await getMeetingRecord(ctx, id);
      await requireInvitation(ctx, id, input.invitationId);
      const form = replyOf(input);
      const { invitation } = await submitReply(
        ctx,
        meeting,
        input.invitationId,
        form,
        `${actor(c)}${input.note ? ` (${input.note})` : ""}`,
      );
      return c.json({ invitationId: invitation.id, status: invitation.reply?.status ?? form.status }, 200);
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
