import type { Request, Response } from "express";
import { can } from "../../app/domain/permissions";
import { toActor } from "../../app/models/user.server";
import { userFromCookie } from "./auth";
import { registry } from "./metrics";

/** GET /metrics: Prometheus text for admins; 401 without a session, 403 otherwise. */
export async function metricsHandler(req: Request, res: Response) {
  const session = await userFromCookie(req.headers.cookie);
  if (!session) {
    res.status(401).json({ error: "Log eerst in." });
    return;
  }
  if (!can(toActor(session.user), "metrics:view")) {
    res.status(403).json({ error: "Je hebt geen toegang tot deze pagina." });
    return;
  }
  res.set("Content-Type", registry.contentType).set("Cache-Control", "no-store");
  res.send(await registry.metrics());
}
