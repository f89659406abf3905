/** GET /static/:file: the pages' assets, cached for a year (the name holds the content hash); GET /favicon.svg. */
import { Hono } from "hono";
import { FAVICON_PATH, faviconSvg, staticAsset } from "./assets.js";

/**
 * The pages' stylesheet and scripts (assets.ts). The file name holds a content hash, so
 * a response may be cached for a year; public, as the reply form needs them without a login.
 */
export function staticRoutes() {
  const app = new Hono();
  app.get("/static/:file", (c) => {
    const asset = staticAsset(c.req.param("file"));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { "Content-Type": asset.type, "Cache-Control": "public, max-age=31536000, immutable" });
  });
  // A fixed name (browsers and bookmarks ask for it), so cached for a day only.
  app.get(FAVICON_PATH, (c) =>
    c.body(faviconSvg, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" }),
  );
  return app;
}
