/**
 * `npm run admin -- <command>`: secretariat users and API tokens.
 *   user add <email> | user list | user remove <email>
 *   token create <email> [--name X] [--scope read|write] [--days N] | token list [email] | token revoke <id>
 * Against the local stack by default (DYNAMODB_PORT, TABLE_NAME "moter"); with APP_ENV=aws,
 * TABLE_NAME and AWS_REGION set, against the deployed table (AWS credentials from the environment).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  addUser,
  issueApiToken,
  listApiTokens,
  listUsers,
  NewApiToken,
  removeUser,
  revokeApiToken,
  revokeApiTokenById,
} from "../shared/auth/index.js";
import { createDocumentClient } from "../shared/store/dynamo.js";
import { formatOsloDateTime } from "../shared/time.js";

const usage = `Bruk: npm run admin -- <kommando>
  user add <e-post>       legg til en bruker i sekretariatet
  user list               vis brukerne
  user remove <e-post>    fjern en bruker (innlogginger og tokens slutter å virke)
  token create <e-post> [--name <navn>] [--scope read|write] [--days <dager>]
                          lag et API-token (vises bare én gang; standard: write, 90 dager)
  token list [e-post]     vis tokens (id, navn, tilgang, utløp, sist brukt), alle eller én brukers
  token revoke <id>       trekk tilbake et API-token (id fra «token list»)`;

const TokenId = z.string().regex(/^[0-9a-z]{26}$/);
const PlainToken = z.string().regex(/^mt_[A-Za-z0-9_-]{20,100}$/);
const Command = z.union([
  z.tuple([z.literal("user"), z.literal("add"), z.email()]),
  z.tuple([z.literal("user"), z.literal("list")]),
  z.tuple([z.literal("user"), z.literal("remove"), z.email()]),
  z.tuple([z.literal("token"), z.literal("create"), z.email()]),
  z.tuple([z.literal("token"), z.literal("list")]),
  z.tuple([z.literal("token"), z.literal("list"), z.email()]),
  // By id; the plaintext is accepted too, for whoever still has it at hand.
  z.tuple([z.literal("token"), z.literal("revoke"), z.union([TokenId, PlainToken])]),
]);

const env = z
  .object({
    APP_ENV: z.enum(["local", "aws"]).default("local"),
    TABLE_NAME: z.string().min(1).default("moter"),
    AWS_REGION: z.string().min(1).default("eu-north-1"),
    DYNAMODB_ENDPOINT: z.url().optional(),
    DYNAMODB_PORT: z.coerce.number().int().positive().default(8000),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`Ugyldig miljø: ${env.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  process.exit(2);
}
const args = (() => {
  try {
    const options = { name: { type: "string" }, scope: { type: "string" }, days: { type: "string" } } as const;
    return parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch {
    return undefined; // an unknown option
  }
})();
const parsed = Command.safeParse(args?.positionals);
const isCreate = parsed.success && parsed.data[0] === "token" && parsed.data[1] === "create";
// The options belong to `token create` only, and are checked here, before the table is touched.
const newToken = isCreate
  ? NewApiToken.safeParse({
      email: parsed.data[2],
      name: args?.values.name ?? "API-token",
      scope: args?.values.scope,
      days: args?.values.days,
    })
  : undefined;
if (!parsed.success || newToken?.success === false || (!isCreate && Object.keys(args?.values ?? {}).length > 0)) {
  console.error(usage);
  process.exit(2);
}

const e = env.data;
const d = {
  db: createDocumentClient({
    region: e.AWS_REGION,
    endpoint: e.APP_ENV === "local" ? (e.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${e.DYNAMODB_PORT}`) : undefined,
  }),
  tableName: e.TABLE_NAME,
};

try {
  const [what, verb, arg] = parsed.data as [string, string, string | undefined];
  if (what === "user" && verb === "add")
    console.log((await addUser(d, arg!)).created ? `La til ${arg}.` : `${arg} fantes fra før.`);
  else if (what === "user" && verb === "list") console.log((await listUsers(d)).join("\n") || "(ingen brukere)");
  else if (what === "user" && verb === "remove")
    console.log((await removeUser(d, arg!)) ? `Fjernet ${arg}.` : `Fant ingen bruker ${arg}.`);
  else if (what === "token" && verb === "create" && newToken?.success) {
    const made = await issueApiToken(d, newToken.data, new Date());
    console.log(
      `API-token «${made.name}» for ${made.email}: id ${made.id}, ${made.scope}, utløper ${formatOsloDateTime(made.validUntil)}.`,
    );
    console.log(`Vises bare nå; bruk som «Authorization: Bearer <token>»:\n${made.token}`);
  } else if (what === "token" && verb === "list") {
    const now = new Date().toISOString();
    const lines = (await listApiTokens(d, arg)).map(
      (k) =>
        `${k.id}  ${k.email}  ${k.scope}  «${k.name}»  ${k.validUntil > now ? "utløper" : "UTLØPT"} ${formatOsloDateTime(k.validUntil)}  sist brukt ${k.lastUsedAt ? formatOsloDateTime(k.lastUsedAt) : "aldri"}`,
    );
    console.log(lines.join("\n") || "(ingen tokens)");
  } else if (what === "token" && verb === "revoke") {
    const done = PlainToken.safeParse(arg).success ? await revokeApiToken(d, arg!) : await revokeApiTokenById(d, arg!);
    console.log(done ? "Tokenet er trukket tilbake." : "Fant ikke tokenet.");
  }
} catch (err) {
  const name = (err as { name?: string }).name;
  if (name === "ResourceNotFoundException")
    console.error(`Tabellen «${e.TABLE_NAME}» finnes ikke. Kjører den lokale stakken (npm start)?`);
  else if ((err as { code?: string }).code === "ECONNREFUSED" || /ECONNREFUSED|connect/i.test(String((err as Error).message)))
    console.error("Får ikke kontakt med DynamoDB. Kjører den lokale stakken (npm start)?");
  else console.error(`Feil: ${(err as Error).message}`);
  process.exit(1);
}
