// The participant Lambda's routes, as API Gateway route keys: CDK routes these to `reply`, and the local server does the same.
export const replyRoutes = [
  { method: "GET", path: "/r/{token}" },
  { method: "POST", path: "/r/{token}" },
  { method: "GET", path: "/a/{token}/{n}" },
  // The archive's pages are the api's; its attachment links are checked and served here, like /a/.
  { method: "GET", path: "/arkiv/mote/{meetingId}/vedlegg/{n}" },
] as const;

/** Whether API Gateway sends this request to the reply Lambda (a `{x}` is one segment, `{proxy+}` one or more). */
export function servedByReply(method: string, path: string): boolean {
  return replyRoutes.some((r) => r.method === method && routePattern(r.path).test(path));
}

const routePattern = (routePath: string) =>
  new RegExp(`^${routePath.replace(/\{proxy\+\}/g, ".+").replace(/\{[^}]+\}/g, "[^/]+")}$`);
