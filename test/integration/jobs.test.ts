import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJob, type JobHandler, runDueJobs, scheduleJob } from "../../shared/jobs/index.js";
import { type ApiClient, useApiApp } from "../support/api.js";
import { startTestApp, type TestApp } from "../support/harness.js";
import { meetingWithMembers, waitForSend } from "../support/scenario.js";

/** The scheduled-jobs tick against DynamoDB Local: claims, downtime, retries. */
describe("scheduled jobs", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it("two overlapping ticks run a due job once", async () => {
    const now = app.ctx.clock.now();
    const job = await scheduleJob(app.ctx, "reminder", new Date(now.getTime() - 1000).toISOString(), { n: 1 }, now);
    let runs = 0;
    const slow: JobHandler = async (_ctx, j) => {
      if (j.id === job.id) runs++;
      await new Promise((r) => setTimeout(r, 100));
    };
    await Promise.all([
      runDueJobs(app.ctx, { reminder: slow }),
      runDueJobs(app.ctx, { reminder: slow }),
      runDueJobs(app.ctx, { reminder: slow }),
    ]);
    expect(runs).toBe(1);
    expect((await getJob(app.ctx, job.id))?.status).toBe("done");
  });

  it("a job missed during downtime runs late, at the next tick", async () => {
    const now = app.ctx.clock.now();
    const job = await scheduleJob(app.ctx, "reminder", new Date(now.getTime() + 60_000).toISOString(), {}, now);
    let ran = false;
    const handler: JobHandler = async (_ctx, j) => {
      if (j.id === job.id) ran = true;
    };
    await runDueJobs(app.ctx, { reminder: handler });
    expect(ran).toBe(false);
    app.clock.advance(6 * 3600_000); // six hours of "downtime"
    try {
      await runDueJobs(app.ctx, { reminder: handler });
    } finally {
      app.clock.set(new Date());
    }
    expect(ran).toBe(true);
  });

  it("a failed job is retried with back-off and its error is visible", async () => {
    const now = app.ctx.clock.now();
    const job = await scheduleJob(app.ctx, "reminder", new Date(now.getTime() - 1000).toISOString(), {}, now);
    let calls = 0;
    const flaky: JobHandler = async (_ctx, j) => {
      if (j.id !== job.id) return;
      calls++;
      if (calls === 1) throw new Error("SES var nede");
    };
    expect((await runDueJobs(app.ctx, { reminder: flaky })).failed).toBe(1);
    const failed = await getJob(app.ctx, job.id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: "SES var nede" });
    await runDueJobs(app.ctx, { reminder: flaky }); // not yet: back-off
    expect(calls).toBe(1);
    app.clock.advance(2 * 60_000);
    try {
      await runDueJobs(app.ctx, { reminder: flaky });
    } finally {
      app.clock.set(new Date());
    }
    expect(calls).toBe(2);
    expect((await getJob(app.ctx, job.id))?.status).toBe("done");
  });

  it("a running job whose tick died is taken over after the lease", async () => {
    const now = app.ctx.clock.now();
    const job = await scheduleJob(app.ctx, "reminder", new Date(now.getTime() - 1000).toISOString(), {}, now);
    let runs = 0;
    const dies: JobHandler = async (_ctx, j) => {
      if (j.id !== job.id) return;
      runs++;
      if (runs === 1) await new Promise(() => undefined); // hangs forever, like a killed Lambda
    };
    void runDueJobs(app.ctx, { reminder: dies });
    await new Promise((r) => setTimeout(r, 300));
    await runDueJobs(app.ctx, { reminder: dies });
    expect(runs).toBe(1); // still claimed
    app.clock.advance(6 * 60_000);
    try {
      await runDueJobs(app.ctx, { reminder: dies });
    } finally {
      app.clock.set(new Date());
    }
    expect(runs).toBe(2);
  });
});

describe("the automatic reminder follows the reply deadline", () => {
  let app!: TestApp;
  let api!: ApiClient;
  useApiApp((a, c) => {
    app = a;
    api = c;
  });

  it("is scheduled when the invitation goes out and moved when the deadline moves", async () => {
    const s = await meetingWithMembers(api, 1, { deadline: "2030-05-25T12:00" });
    await waitForSend(api, (await api.post(`/api/meetings/${s.meeting.id}/sends`, { audience: "all" })).body.sendId);
    // Two days before the deadline (REMINDER_DAYS_BEFORE_DEADLINE defaults to 2).
    expect((await getJob(app.ctx, `reminder-${s.meeting.id}`))?.dueAt).toBe("2030-05-23T10:00:00.000Z");
    expect((await api.patch(`/api/meetings/${s.meeting.id}`, { replyDeadline: "2030-05-28T12:00" })).status).toBe(200);
    expect((await getJob(app.ctx, `reminder-${s.meeting.id}`))?.dueAt).toBe("2030-05-26T10:00:00.000Z");
  });
});
