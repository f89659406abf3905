// What the emailed referat says, from the minutes: the lists as written, each case with its sub-items, the chosen attachments.
import type { MinutesEmailModel } from "../../emails/index.js";
import type { Minutes } from "../model.js";
import { attendeeLine } from "./attendance.js";

type MinutesEmailContent = Pick<MinutesEmailModel, "present" | "secretariat" | "absent" | "items" | "attachments" | "correction">;

/**
 * The referat's part of the minutes email model. Attachments: the ones chosen for the referat, or
 * (never chosen) all of the meeting's. A correction after distribution carries its reason.
 */
export function minutesEmailContent(
  minutes: Minutes,
  meetingAttachments: { number: number; title: string }[],
): MinutesEmailContent {
  const chosen = minutes.attachmentNumbers ? new Set(minutes.attachmentNumbers) : undefined;
  const secretariat = minutes.secretariat.map(({ name, organisation }) => ({ name, organisation }));
  return {
    present: minutes.present.map(attendeeLine),
    absent: minutes.absent.map(attendeeLine),
    secretariat,
    // Everything of a case but its id; sub-items always a list (older minutes have none).
    items: minutes.items.map(({ itemId, subItems, ...item }) => ({ ...item, subItems: subItems ?? [] })),
    attachments: meetingAttachments
      .filter((a) => !chosen || chosen.has(a.number))
      .map((a) => ({ number: a.number, title: a.title })),
    ...(minutes.correctsDistributed && minutes.correctionReason ? { correction: minutes.correctionReason } : {}),
  };
}
