// The POST-policy check of the local S3's front: SigV4 signature, expiry and every condition, as S3 checks a form post.
import { createHmac, timingSafeEqual } from "node:crypto";

/** Why a form post is refused: the S3 error (status, code, message and any extra elements) to answer with. */
export type Refusal = { status: number; code: string; message: string; extra?: Record<string, string | number> };

type PolicyCheck = { ok: true; range?: [number, number] } | ({ ok: false } & Refusal);

/** What S3 checks of a form post before it takes the file (fields are those before the file, in order). */
export function checkPolicy(
  fields: [string, string][],
  bucket: string,
  credentials: Record<string, string>,
  now: Date,
): PolicyCheck {
  const form = new Map<string, string>();
  for (const [name, value] of fields) form.set(name.toLowerCase(), value);
  const denied = (message: string): PolicyCheck => ({ ok: false, status: 403, code: "AccessDenied", message });
  const policy = form.get("policy");
  if (!policy) return denied("Anonymous access is forbidden for this operation");
  if (form.get("x-amz-algorithm") !== "AWS4-HMAC-SHA256")
    return { ok: false, status: 400, code: "InvalidArgument", message: "Only AWS4-HMAC-SHA256 is supported here" };
  const [accessKeyId, date, region, service] = (form.get("x-amz-credential") ?? "").split("/");
  const secret = accessKeyId ? credentials[accessKeyId] : undefined;
  if (!secret || !date || !region || !service)
    return {
      ok: false,
      status: 403,
      code: "InvalidAccessKeyId",
      message: "The AWS Access Key Id you provided does not exist in our records.",
    };
  const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
  const expected = hmac(signingKey, policy);
  const given = Buffer.from(form.get("x-amz-signature") ?? "", "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      ok: false,
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "The request signature we calculated does not match the signature you provided.",
    };
  }
  let doc: { expiration?: string; conditions?: unknown[] };
  try {
    doc = JSON.parse(Buffer.from(policy, "base64").toString("utf8"));
  } catch {
    return { ok: false, status: 400, code: "InvalidPolicyDocument", message: "Invalid Policy: Invalid JSON." };
  }
  if (!doc.expiration || !(Date.parse(doc.expiration) > now.getTime()))
    return denied("Invalid according to Policy: Policy expired.");
  const fieldValue = (name: string) => (name === "bucket" ? bucket : form.get(name));
  const covered = new Set<string>();
  let range: [number, number] | undefined;
  for (const c of doc.conditions ?? []) {
    const failed = denied(`Invalid according to Policy: Policy Condition failed: ${JSON.stringify(c)}`);
    if (Array.isArray(c)) {
      const [op, a, b] = c as [string, unknown, unknown];
      if (op === "content-length-range") {
        range = [Number(a), Number(b)];
        continue;
      }
      const name = String(a).replace(/^\$/, "").toLowerCase();
      covered.add(name);
      const value = fieldValue(name);
      if (op === "eq" && value !== String(b)) return failed;
      if (op === "starts-with" && !(value ?? "").startsWith(String(b))) return failed;
      if (op !== "eq" && op !== "starts-with")
        return { ok: false, status: 400, code: "InvalidPolicyDocument", message: `Invalid Policy: unknown condition ${op}` };
    } else if (c && typeof c === "object") {
      for (const [k, v] of Object.entries(c)) {
        const name = k.toLowerCase();
        covered.add(name);
        if (fieldValue(name) !== String(v)) return failed;
      }
    }
  }
  const free = (name: string) =>
    name === "policy" || name === "x-amz-signature" || name === "file" || name.startsWith("x-ignore-");
  const extra = [...form.keys()].filter((n) => !free(n) && !covered.has(n));
  if (extra.length) return denied(`Invalid according to Policy: Extra input fields: ${extra.join(", ")}`);
  if (!form.get("key"))
    return { ok: false, status: 400, code: "InvalidArgument", message: "Bucket POST must contain a field named 'key'." };
  return { ok: true, range };
}
