// The link-signing key: from Secrets Manager in AWS, from a generated file locally.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { SecretsPort } from "../ports/secrets.js";

/** A generated key in a file under the local data directory (created on first use, kept across restarts). */
export class FileSecrets implements SecretsPort {
  private cached: Uint8Array | undefined;
  constructor(private readonly path: string) {}

  async linkSigningKey(): Promise<Uint8Array> {
    if (this.cached) return this.cached;
    try {
      this.cached = Buffer.from((await readFile(this.path, "utf8")).trim(), "base64");
    } catch {
      const key = randomBytes(32);
      await mkdir(dirname(this.path), { recursive: true });
      // "wx": if two processes race, the loser re-reads the winner's key.
      await writeFile(this.path, key.toString("base64"), { flag: "wx", mode: 0o600 }).catch(() => undefined);
      this.cached = Buffer.from((await readFile(this.path, "utf8")).trim(), "base64");
    }
    return this.cached;
  }
}

/** Secrets Manager, read once per Lambda container. */
export class SecretsManagerSecrets implements SecretsPort {
  private cached: Promise<Uint8Array> | undefined;
  constructor(
    private readonly secretArn: string,
    private readonly region: string,
  ) {}

  linkSigningKey(): Promise<Uint8Array> {
    this.cached ??= new SecretsManagerClient({ region: this.region })
      .send(new GetSecretValueCommand({ SecretId: this.secretArn }))
      .then((out) => {
        if (!out.SecretString) throw new Error("link-signing secret is empty");
        return Buffer.from(out.SecretString, "utf8");
      });
    return this.cached;
  }
}
