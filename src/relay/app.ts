/**
 * The relay as a Hono app: `/{exchange}/…` goes to the Relay (which refuses anything outside the
 * allow-list), everything else to the static files of the add-in when the platform serves them
 * (Node: dist/; an edge platform: its own static assets, before the app is asked).
 */
import { Hono, MiddlewareHandler } from "hono";
import { VENUES } from "../live/exchange-names";
import { Relay } from "./relay";

/** The venue prefixes the relay answers: every exchange of the allow-list. */
const VENUE = `:venue{${VENUES.join("|")}}`;

export function relayApp(relay: Relay, serveStatic?: MiddlewareHandler): Hono {
  const app = new Hono();
  app.all(`/${VENUE}`, (c) => relay.handle(c.req.raw));
  app.all(`/${VENUE}/*`, (c) => relay.handle(c.req.raw));
  if (serveStatic) {
    app.use("*", async (c, next) => {
      await next();
      // The add-in's pages set their own CSP; these hold for every file served.
      c.header("X-Content-Type-Options", "nosniff");
      c.header("Referrer-Policy", "no-referrer");
    });
    app.get("*", serveStatic);
  }
  app.notFound((c) => c.text("Not found", 404));
  app.onError((_e, c) => c.text("The relay failed on this request", 500));
  return app;
}
