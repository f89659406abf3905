import { defineConfig } from "vitest/config";

// Node 20 is what this machine has; the SDK's notice about Node 22 is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run in parallel against one DynamoDB Local (each file has its own table).
    fileParallelism: true,
    maxWorkers: 2,
  },
});
