/** Structured JSON logs (one line per event), as CloudWatch Logs Insights expects. */
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(minLevel: Level | "silent" = "info", base: Record<string, unknown> = {}): Logger {
  const write = (level: Level, msg: string, fields?: Record<string, unknown>) => {
    if (order[level] < order[minLevel]) return;
    const line = JSON.stringify(redact({ level, time: new Date().toISOString(), msg, ...base, ...fields }));
    if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
  };
}

/**
 * Logs never hold a personal link, a login link or a token (DESIGN §7): values under keys that
 * name a secret are dropped, and link-shaped text is masked inside every string, so an error
 * message or a path that quotes a link is safe too.
 */
const REDACTED = "[redacted]";
/** Keys (lower case, without "-" and "_") whose values are never written, at any depth. */
const SECRET_KEYS = new Set([
  "token",
  "url",
  "replyurl",
  "link",
  "authorization",
  "cookie",
  "setcookie",
  "sid",
  "session",
  "csrf",
  "password",
  "secret",
  "apikey",
]);
/** Also any key that ends like one of these: "loginUrl", "signingSecret", "x-csrf-token". */
const SECRET_KEY_ENDINGS = /(token|url|link|secret|password|cookie|authorization)$/;
const isSecretKey = (key: string) => {
  const k = key.toLowerCase().replace(/[-_]/g, "");
  return SECRET_KEYS.has(k) || SECRET_KEY_ENDINGS.test(k);
};

/** Personal links (/r/<token>, /a/<token>/n), token query parameters, bearer credentials. */
const LINK_PATTERNS: [RegExp, string][] = [
  [/\/(r|a)\/[^/\s"'<>?#]+/g, `/$1/${REDACTED}`],
  [/([?&](?:token|sid|csrf)=)[^&\s"'<>#]+/gi, `$1${REDACTED}`],
  [/\b(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`],
];
const maskString = (s: string) => LINK_PATTERNS.reduce((out, [re, to]) => out.replace(re, to), s);

/** A JSON-safe copy with secrets removed; errors become {name, message, stack}; cycles are cut. */
export function redact(value: unknown, ancestors = new Set<object>()): unknown {
  if (typeof value === "string") return maskString(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error)
    return { name: value.name, message: maskString(value.message), stack: value.stack && maskString(value.stack) };
  if (ancestors.has(value)) return "[circular]";
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => redact(v, ancestors));
    if (typeof (value as { toJSON?: unknown }).toJSON === "function")
      return redact((value as { toJSON(): unknown }).toJSON(), ancestors);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretKey(k) ? REDACTED : redact(v, ancestors)]));
  } finally {
    ancestors.delete(value);
  }
}
