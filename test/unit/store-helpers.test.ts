// The store's shared helpers: the update expression of a patch, and the optimistic-retry loop.
import { describe, expect, it } from "vitest";
import { patchUpdate, retryOnConflict } from "../../shared/store/db.js";

const conflict = () => Object.assign(new Error("lost"), { name: "ConditionalCheckFailedException" });

describe("patchUpdate", () => {
  it("sets defined fields, removes undefined ones, and merges the condition's own placeholders", () => {
    expect(
      patchUpdate(
        { title: "A", replyDeadline: undefined, version: 2 },
        { expression: "#v0 = :v0", names: { "#v0": "version" }, values: { ":v0": 1 } },
      ),
    ).toEqual({
      UpdateExpression: "SET #u0 = :u0, #u2 = :u2 REMOVE #u1",
      ConditionExpression: "#v0 = :v0",
      ExpressionAttributeNames: { "#v0": "version", "#u0": "title", "#u1": "replyDeadline", "#u2": "version" },
      ExpressionAttributeValues: { ":v0": 1, ":u0": "A", ":u2": 2 },
    });
  });

  it("writes no empty clause and no empty value map", () => {
    expect(patchUpdate({ claimId: undefined })).toEqual({
      UpdateExpression: "REMOVE #u0",
      ExpressionAttributeNames: { "#u0": "claimId" },
    });
  });
});

describe("retryOnConflict", () => {
  it("runs again after a lost race, and gives up after the retries", async () => {
    let runs = 0;
    await expect(
      retryOnConflict(async (attempt) => (++runs < 3 ? Promise.reject(conflict()) : attempt), { retries: 5 }),
    ).resolves.toBe(2);
    runs = 0;
    await expect(
      retryOnConflict(
        async () => {
          runs++;
          throw conflict();
        },
        { retries: 2 },
      ),
    ).rejects.toThrow("lost");
    expect(runs).toBe(3);
  });

  it("does not retry other errors, unless told which", async () => {
    let runs = 0;
    await expect(
      retryOnConflict(
        async () => {
          runs++;
          throw new Error("boom");
        },
        { retries: 5 },
      ),
    ).rejects.toThrow("boom");
    expect(runs).toBe(1);
    runs = 0;
    const stale = new Error("stale");
    await expect(
      retryOnConflict(async () => (++runs < 2 ? Promise.reject(stale) : "ok"), { retries: 5, retryIf: (e) => e === stale }),
    ).resolves.toBe("ok");
  });
});
