/**
 * `npm run admin -- <command>`: secretariat users and API tokens.
 *   user add <email> | user list | user remove <email> | token create <email> | token revoke <token>
 * Against the local stack by default (DYNAMODB_PORT, TABLE_NAME "moter"); with APP_ENV=aws,
 * TABLE_NAME and AWS_REGION set, against the deployed table (AWS credentials from the environment).
 */
import { z } from "zod";
import { addUser, createApiToken, listUsers, removeUser, revokeApiToken } from "../shared/auth/users.js";
import { createDocumentClient } from "../shared/store/dynamo.js";

const usage = `Bruk: npm run admin -- <kommando>
  user add <e-post>       legg til en bruker i sekretariatet
  user list               vis brukerne
  user remove <e-post>    fjern en bruker (innlogginger og tokens slutter å virke)
  token create <e-post>   lag et API-token (vises bare én gang)
  token revoke <token>    trekk tilbake et API-token`;

const Command = z.union([
  z.tuple([z.literal("user"), z.literal("add"), z.email()]),
  z.tuple([z.literal("user"), z.literal("list")]),
  z.tuple([z.literal("user"), z.literal("remove"), z.email()]),
  z.tuple([z.literal("token"), z.literal("create"), z.email()]),
  z.tuple([z.literal("token"), z.literal("revoke"), z.string().min(10)]),
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
const parsed = Command.safeParse(process.argv.slice(2));
if (!parsed.success) {
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
  if (what === "user" && verb === "add") console.log((await addUser(d, arg!)).created ? `La til ${arg}.` : `${arg} fantes fra før.`);
  else if (what === "user" && verb === "list") console.log((await listUsers(d)).join("\n") || "(ingen brukere)");
  else if (what === "user" && verb === "remove") console.log((await removeUser(d, arg!)) ? `Fjernet ${arg}.` : `Fant ingen bruker ${arg}.`);
  else if (what === "token" && verb === "create") {
    const token = await createApiToken(d, arg!, new Date());
    console.log(`API-token for ${arg} (vises bare nå; bruk som «Authorization: Bearer <token>»):\n${token}`);
  } else if (what === "token" && verb === "revoke") console.log((await revokeApiToken(d, arg!)) ? "Tokenet er trukket tilbake." : "Fant ikke tokenet.");
} catch (err) {
  const name = (err as { name?: string }).name;
  if (name === "ResourceNotFoundException") console.error(`Tabellen «${e.TABLE_NAME}» finnes ikke. Kjører den lokale stakken (npm start)?`);
  else if ((err as { code?: string }).code === "ECONNREFUSED" || /ECONNREFUSED|connect/i.test(String((err as Error).message))) console.error("Får ikke kontakt med DynamoDB. Kjører den lokale stakken (npm start)?");
  else console.error(`Feil: ${(err as Error).message}`);
  process.exit(1);
}
