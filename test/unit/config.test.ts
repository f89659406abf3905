// The configuration: defaults, and a message naming a wrong or missing variable.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, loadLocalConfig } from "../../shared/config.js";

const local = {
  APP_ENV: "local",
  TABLE_NAME: "t",
  BASE_URL: "http://localhost:3000",
  SENDER_EMAIL: "a@example.org",
  DYNAMODB_ENDPOINT: "http://127.0.0.1:8000",
  SES_ENDPOINT: "http://127.0.0.1:8005",
  DATA_DIR: ".data",
};

describe("configuration", () => {
  it("gives a local run its table, sender and bucket; AWS must name them", () => {
    const { TABLE_NAME, SENDER_EMAIL, ...bare } = local;
    expect(loadLocalConfig(bare)).toMatchObject({
      TABLE_NAME: "moter",
      SENDER_EMAIL: "sekretariat@vestregionen.no",
      BUCKET_NAME: "moter-vedlegg",
    });
    expect(() => loadConfig({ ...bare, APP_ENV: "aws" })).toThrow(/SENDER_EMAIL mangler/);
  });

  it("parses the environment with defaults", () => {
    const c = loadConfig(local);
    expect(c).toMatchObject({
      APP_ENV: "local",
      SES_MAX_SEND_RATE: 14,
      SEND_WORKER_CONCURRENCY: 2,
      REMINDER_DAYS_BEFORE_DEADLINE: 2,
    });
  });

  it("stops with a message naming a wrong or missing variable", () => {
    expect(() => loadConfig({ ...local, SES_MAX_SEND_RATE: "fort" })).toThrow(/SES_MAX_SEND_RATE har ugyldig verdi "fort"/);
    const { BASE_URL, ...rest } = local;
    expect(() => loadConfig(rest)).toThrow(ConfigError);
    expect(() => loadConfig(rest)).toThrow(/BASE_URL mangler/);
    expect(() => loadConfig({ ...local, SEND_WORKER_CONCURRENCY: "1.5" })).toThrow(
      /SEND_WORKER_CONCURRENCY har ugyldig verdi "1.5" \(forventet int\)/,
    );
    expect(() => loadConfig({ APP_ENV: "aws", BASE_URL: "https://x.no", SENDER_EMAIL: "a@x.no" })).toThrow(/TABLE_NAME mangler/);
    expect(() => loadConfig({ APP_ENV: "aws", TABLE_NAME: "t", BASE_URL: "https://x.no", SENDER_EMAIL: "a@x.no" })).toThrow(
      /QUEUE_URL mangler/,
    );
  });
});
