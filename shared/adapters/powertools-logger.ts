// The Lambda logger: Powertools' structured JSON behind the Logger port.
import { Logger as Powertools } from "@aws-lambda-powertools/logger";
import type { Context as LambdaContext } from "aws-lambda";
import { type Logger, redact } from "../log.js";

type Level = "debug" | "info" | "warn" | "error" | "silent";

/** Keys Powertools keeps for itself (it drops them from the fields, with a warning): ours are renamed. */
const RESERVED = new Set(["level", "message", "sampling_rate", "service", "timestamp"]);

/**
 * Our Logger port (shared/log.ts) on Powertools for AWS Lambda's Logger, for the Lambdas: one JSON
 * line per event with level, message, timestamp, service, and, once `addContext` has been given
 * the invocation's context, the request id, function name and cold start. The level is LOG_LEVEL
 * (read once, by shared/config.ts); Lambda's advanced logging controls (AWS_LAMBDA_LOG_LEVEL), when
 * set, win, as Powertools decides.
 *
 * Our redaction runs first, on the message and on every field, so nothing Powertools writes holds a
 * personal link, a login link or a token (DESIGN §7). Locally the plain logger in shared/log.ts
 * writes the same fields.
 */
export class PowertoolsLogger implements Logger {
  readonly #opts: { level: Level; fields?: Record<string, unknown>; serviceName?: string };
  #made: Powertools | undefined;
  /** The latest invocation's context, not yet given to Powertools, and whether an earlier one went unlogged. */
  #context: LambdaContext | undefined;
  #contextsSeen = 0;

  constructor(opts: { level: Level; fields?: Record<string, unknown>; serviceName?: string }) {
    this.#opts = opts;
  }

  /** Powertools' logger, made with the first line written (a cold start that logs nothing never pays for it). */
  get #logger(): Powertools {
    this.#made ??= new Powertools({
      serviceName: this.#opts.serviceName ?? "moteinnkalling",
      logLevel: this.#opts.level.toUpperCase() as Uppercase<Level>,
      persistentKeys: safeFields(this.#opts.fields),
    });
    if (this.#context) {
      // Powertools marks the first context it is given as the cold start: if that was an earlier
      // invocation's (which logged nothing), it is given first so the flag goes where it belongs.
      if (this.#contextsSeen > 1) this.#made.addContext(this.#context);
      this.#made.addContext(this.#context);
      this.#context = undefined;
    }
    return this.#made;
  }

  debug(msg: string, fields?: Record<string, unknown>): void {
    this.#logger.debug(redact(msg) as string, safeFields(fields));
  }
  info(msg: string, fields?: Record<string, unknown>): void {
    this.#logger.info(redact(msg) as string, safeFields(fields));
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.#logger.warn(redact(msg) as string, safeFields(fields));
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.#logger.error(redact(msg) as string, safeFields(fields));
  }

  /** The invocation's request id (and function name, cold start) on every line from now on; applied with the next line written. */
  addContext(context: LambdaContext): void {
    this.#contextsSeen++;
    if (this.#made) this.#made.addContext(context);
    else this.#context = context;
  }
}

/** For the handlers: put the invocation's request id on the logs, when the context's logger can carry it (the Powertools one, in AWS). */
export function logInvocation(log: Logger, context: LambdaContext | undefined): void {
  if (context && log instanceof PowertoolsLogger) log.addContext(context);
}

function safeFields(fields: Record<string, unknown> = {}): Record<string, unknown> {
  const clean = redact(fields) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(clean).map(([k, v]) => [RESERVED.has(k) ? `field_${k}` : k, v]));
}
