import type { NextFunction, Request, Response } from "express";
import { randomBytes } from "node:crypto";
import helmet from "helmet";

/** A fresh CSP nonce per response; Remix puts it on its inline scripts. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

export function securityHeaders({ development }: { development: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "default-src": ["'self'"],
        "script-src": [
          "'self'",
          (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`,
          // Vite's dev client injects inline modules; only in development.
          ...(development ? ["'unsafe-inline'"] : []),
        ],
        // Inline style attributes are needed by the editor's live carets later on.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        // 'self' covers same-origin ws:/wss: for the collaboration socket.
        "connect-src": ["'self'", ...(development ? ["ws:", "wss:"] : [])],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        // The app is also served over plain http on localhost; do not force https.
        "upgrade-insecure-requests": null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Referrer: enough for our own analytics, nothing for other sites.
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF protection for every state-changing request, the way Go's
 * net/http.CrossOriginProtection does it (docs/decisions/0003-csrf.md):
 * refuse when the browser says the request is cross-site (Sec-Fetch-Site), or,
 * for older browsers, when the Origin header names another origin. Requests
 * without either header are not from a browser form and carry no ambient
 * authority risk beyond what SameSite=Lax cookies already block.
 */
export function rejectCrossOrigin(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const fetchSite = req.get("sec-fetch-site");
  if (fetchSite) {
    if (fetchSite === "same-origin" || fetchSite === "none") return next();
    return refuse(req, res);
  }
  const origin = req.get("origin");
  if (!origin || origin === "null") return origin === "null" ? refuse(req, res) : next();
  const expected = `${req.protocol}://${req.get("host")}`;
  if (origin === expected) return next();
  return refuse(req, res);
}

const CROSS_SITE_MESSAGE = "Dit verzoek komt van een andere website en is geweigerd.";

function refuse(req: Request, res: Response) {
  if (req.path.startsWith("/api/")) {
    res.status(403).json({ error: CROSS_SITE_MESSAGE });
  } else {
    res.status(403).type("text/plain; charset=utf-8").send(CROSS_SITE_MESSAGE);
  }
}

/**
 * Refuses bodies over the limit before anyone reads them. Remix parses form
 * bodies itself, so this is where a 5 MB "name" field gets its clear 413.
 */
export function limitBodySize(
  maxBytes: number,
  message = `Het verzoek is te groot (maximaal ${Math.round(maxBytes / 1024)} kB).`,
  { streamingLimit = false }: { streamingLimit?: boolean } = {},
) {
  const answer = (req: Request, res: Response, status: number, text: string) => {
    if (res.headersSent) return;
    res.status(status).set("Connection", "close");
    if (req.path.startsWith("/api/")) res.json({ error: text });
    else res.type("text/plain; charset=utf-8").send(text);
  };
  return (req: Request, res: Response, next: NextFunction) => {
    // A body without Content-Length (chunked) could only be limited while it
    // streams, and Remix reads form bodies whole. Browsers always send the
    // length for forms and fetch bodies, so only routes that count bytes
    // themselves while streaming (`streamingLimit`) take such a body.
    if (req.get("content-length") === undefined && req.get("transfer-encoding") !== undefined && !streamingLimit) {
      // Answered once the body is read (a client still sending would see a reset
      // instead of our answer); a body past the limit is cut off at once.
      const refuse = () => answer(req, res, 411, "Het verzoek mist een lengte (Content-Length) en wordt daarom niet aangenomen.");
      let read = 0;
      req.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > maxBytes && !req.destroyed) {
          refuse();
          req.destroy();
        }
      });
      req.on("end", refuse);
      req.on("error", () => req.destroy());
      return;
    }
    const length = Number(req.get("content-length") ?? 0);
    if (!Number.isFinite(length) || length <= maxBytes) return next();
    const respond = () => answer(req, res, 413, message);
    // Read and discard a moderately large body so the client can read our
    // answer (answering mid-upload makes many clients report a broken pipe);
    // anything absurdly large is cut off at once.
    if (length > 64 * maxBytes) {
      respond();
      req.destroy();
      return;
    }
    req.on("end", respond);
    req.on("error", () => req.destroy());
    req.resume();
  };
}
