import { OpenAPIHono, z } from "@hono/zod-openapi";
import { InvalidError } from "../../../shared/errors.js";
import { groupRepliesByOrganisation, RecordReplyInput } from "../../../shared/invitations/index.js";
import { requireInvitation, submitReply } from "../../../shared/invitations/index.js";
import { listMeetingReplies } from "../../../shared/invitations/index.js";
import { getMeetingRecord } from "../../../shared/store/meetings.js";
import { revokeLink } from "../../../shared/store/invitations.js";
import type { AppEnv } from "../app.js";
import { IdParam, jsonOp } from "./openapi-helpers.js";

const Seat = z.object({
  invitationId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  status: z.enum(["attending", "absent", "substitute", "no_answer", "bounced", "withdrawn"]),
  label: z.string(),
  reason: z.string().optional(),
  substitute: z.object({ name: z.string(), email: z.string(), invitationId: z.string(), held: z.boolean().optional() }).optional(),
  repliedAt: z.string().optional(),
  repliedBy: z.string().optional(),
});
const Board = z.object({
  organisations: z.array(z.object({ organisationId: z.string().optional(), organisation: z.string(), answered: z.boolean(), seats: z.array(Seat) })),
  totals: z.record(z.string(), z.number()),
});

/** Replies per kommune, and replies recorded by the secretariat (phone, email). */
export function repliesApiRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    jsonOp({ method: "get", path: "/meetings/{id}/replies", operationId: "listReplies", summary: "Svar per kommune", params: IdParam, response: Board }),
    async (c) => {
      const { id } = c.req.valid("param" as never) as { id: string };
      const { invitations, bounced } = await listMeetingReplies(c.get("ctx"), id);
      return c.json(groupRepliesByOrganisation(invitations, bounced));
    },
  );
  app.openapi(
    jsonOp({ method: "post", path: "/meetings/{id}/replies", operationId: "recordReply", summary: "Registrer svar på vegne av en deltaker", params: IdParam, body: RecordReplyInput, response: z.object({ invitationId: z.string(), status: z.string() }) }),
    async (c) => {
      const ctx = c.get("ctx");
      const { id } = c.req.valid("param" as never) as { id: string };
      const input = c.req.valid("json" as never) as z.infer<typeof RecordReplyInput>;
      const meeting = await getMeetingRecord(ctx, id);
      await requireInvitation(ctx, id, input.invitationId);
      if (input.status === "substitute" && !input.substitute) {
        throw new InvalidError([{ field: "substitute", message: "Oppgi navn og e-post for stedfortrederen." }]);
      }
      const user = (c.var as { user?: { email: string } }).user;
      const form =
        input.status === "substitute"
          ? { status: "substitute" as const, substituteName: input.substitute!.name, substituteEmail: input.substitute!.email.toLowerCase(), substituteRole: input.substitute!.role }
          : input.status === "absent"
            ? { status: "absent" as const, reason: input.reason }
            : { status: "attending" as const };
      const { invitation } = await submitReply(ctx, meeting, input.invitationId, form, `secretariat:${user?.email ?? "api"}${input.note ? ` (${input.note})` : ""}`);
      return c.json({ invitationId: invitation.id, status: invitation.reply!.status });
    },
  );
  app.openapi(
    jsonOp({
      method: "post",
      path: "/meetings/{id}/invitations/{invitationId}/revoke",
      operationId: "revokeLink",
      summary: "Trekk tilbake en personlig lenke (og vedleggslenkene fra den). En ny utsendelse gir ny lenke.",
      params: z.object({ id: z.string().min(1).max(64), invitationId: z.string().min(1).max(100) }),
      response: z.object({ invitationId: z.string(), linkVersion: z.number() }),
    }),
    async (c) => {
      const { id, invitationId } = c.req.valid("param" as never) as { id: string; invitationId: string };
      return c.json({ invitationId, linkVersion: await revokeLink(c.get("ctx"), id, invitationId) });
    },
  );
  return app;
}
