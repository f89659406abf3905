import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../shared/config.js";

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
  it("parses the environment with defaults", () => {
    const c = loadConfig(local);
    expect(c).toMatchObject({ APP_ENV: "local", SES_MAX_SEND_RATE: 14, SEND_WORKER_CONCURRENCY: 1, REMINDER_DAYS_BEFORE_DEADLINE: 2 });
  });

  it("stops with a message naming a wrong or missing variable", () => {
    expect(() => loadConfig({ ...local, SES_MAX_SEND_RATE: "fort" })).toThrow(/SES_MAX_SEND_RATE har ugyldig verdi "fort"/);
    const { TABLE_NAME, ...rest } = local;
    expect(() => loadConfig(rest)).toThrow(ConfigError);
    expect(() => loadConfig(rest)).toThrow(/TABLE_NAME mangler/);
    expect(() => loadConfig({ APP_ENV: "aws", TABLE_NAME: "t", BASE_URL: "https://x.no", SENDER_EMAIL: "a@x.no" })).toThrow(/QUEUE_URL mangler/);
  });
});
