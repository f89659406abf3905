import { handle } from "hono/aws-lambda";
import { loadConfig } from "../../shared/config.js";
import { createAwsContext } from "../../shared/context.js";
import { createApp } from "./app.js";

// Thin entry point: wire the cloud adapters once per container, then let Hono serve.
const config = loadConfig();
if (config.APP_ENV !== "aws") throw new Error("the api Lambda runs with APP_ENV=aws");
export const handler = handle(createApp(createAwsContext(config, "api")));
