/** The link-signing key: Secrets Manager in AWS, a generated file under the data directory locally. */
export interface SecretsPort {
  linkSigningKey(): Promise<Uint8Array>;
}
