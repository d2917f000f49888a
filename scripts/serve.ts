// The production server: Next's request handler behind a plain node:http server. `next start`
// keeps an X-Forwarded-For the client sent itself, so the client's address could be forged; here
// the socket's peer address is always appended, and lib/dal/request-context.ts counts trusted
// proxy hops back from that last entry (BULKHEAD_TRUSTED_PROXY_HOPS).
import http from "node:http";
import path from "node:path";
import next from "next";
import { env } from "../lib/env";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);

// Refuse to start with bad configuration (e.g. no AUTH_SECRET in production), before listening.
try {
  env();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const trustsProxies = env().BULKHEAD_TRUSTED_PROXY_HOPS > 0;
const app = next({ dev: false, dir: root, port });
await app.prepare();
const handle = app.getRequestHandler();
// Imported once Next has set up its server environment (the route's modules expect it).
const { directRoute, serveDirect } = await import("./direct-routes");
// Signs audit checkpoints every N events / M minutes, off the append path (docs/decisions/012).
(await import("../lib/dal/audit-checkpoints")).startAuditCheckpointSigner();
// Deletes alerts past BULKHEAD_ALERT_RETENTION_DAYS hourly, when it is set (docs/decisions/026).
(await import("../lib/dal/alert-retention")).startAlertRetention();

const server = http.createServer((req, res) => {
  const peer = req.socket.remoteAddress ?? "unknown";
  const forwarded = trustsProxies ? req.headers["x-forwarded-for"] : undefined;
  req.headers["x-forwarded-for"] = forwarded ? `${String(forwarded)}, ${peer}` : peer;
  const direct = directRoute(req);
  if (direct) void serveDirect(direct, req, res);
  else void handle(req, res);
});

function shutdown() {
  // Stop accepting, let requests in flight finish, and do not wait on idle keep-alive sockets.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 8_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

server.listen(port, () => process.stdout.write(`Serving on port ${port}\n`));
