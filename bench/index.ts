/**
 * `npm run bench -- <name>`: benchmarks are scripts that print figures (the last line is JSON).
 *   coldstart  bundle each Lambda as CDK does and time importing it in a fresh Node process
 *   send       2,000 recipients through the local stack at a configured SES rate
 *   replies    500 reply POSTs, 50 at a time, then a read-back; and 20 concurrent changes of one reply
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const benches: Record<string, string> = {
  coldstart: "coldstart.ts",
  send: "send.ts",
  replies: "replies.ts",
};
const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const chosen = names.length ? names : Object.keys(benches);
for (const name of chosen) {
  const file = benches[name];
  if (!file) {
    console.error(`Ukjent benchmark «${name}». Velg en av: ${Object.keys(benches).join(", ")}.`);
    process.exit(2);
  }
  const path = fileURLToPath(new URL(file, import.meta.url));
  const out = spawnSync(process.execPath, ["--import", "tsx", path, ...process.argv.slice(2).filter((a) => a.startsWith("-"))], {
    stdio: "inherit",
  });
  if (out.status !== 0) process.exit(out.status ?? 1);
}
