// Shared setup of the attachment tests: the app with an API client, and helpers to ask for upload forms and list what was recorded.
import { type ApiClient, useApiApp } from "../support/api.js";
import type { TestApp } from "../support/harness.js";
import { meetingWithMembers } from "../support/scenario.js";

export const MB = 1024 * 1024;
export const pdf = (text: string) => `%PDF-1.4\n${text}`;

/**
 * useApiApp for a describe block of attachment tests, with its helpers: a fresh meeting, the
 * meeting's recorded attachments, and a request for a presigned upload form.
 */
export function useAttachmentsApp(receive: (app: TestApp, api: ApiClient) => void) {
  let api!: ApiClient;
  useApiApp((a, c) => {
    api = c;
    receive(a, c);
  });

  const meeting = async () => (await meetingWithMembers(api, 1)).meeting as { id: string };
  const attachmentsOf = async (meetingId: string) =>
    (await api.get(`/api/meetings/${meetingId}`)).body.attachments as {
      number: number;
      title: string;
      filename: string;
      size: number;
      exempt: boolean;
    }[];
  const ask = (meetingId: string, filename: string, contentType: string) =>
    api.post(`/api/meetings/${meetingId}/attachments/upload`, { filename, contentType });
  return { meeting, attachmentsOf, ask };
}
