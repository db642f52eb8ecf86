import type { PlanAccess } from "../../app/domain/permissions";
import { accessEpoch } from "../../app/models/access-epoch.server";
import { logger } from "../../app/utils/logger.server";
import { currentAccessForAll } from "./auth";
import { CLOSE } from "./config";
import { metrics } from "./metrics";

const log = logger.child({ module: "collab" });

/** Failed checks in a row before every socket of the room is closed (fail closed, but not on one hiccup). */
const ACCESS_CHECK_FAILURES_BEFORE_CLOSE = 4;

/** What the watch needs of a live socket: its session token, and a place to keep its current access. */
export type WatchedConnection = { token: string; access: PlanAccess };

/**
 * Keeps a room's sockets to what their sessions may still do (record 0006):
 * revoked access, an ended session or a deleted plan closes the socket, a
 * changed role changes its access. Kept apart from the room so relay and
 * persistence do not mix with permission logic. The full check runs only when
 * the access epoch moved, a session reached its expiry or a socket joined
 * since the last one; otherwise it costs one integer read.
 */
export class AccessWatch<C extends WatchedConnection> {
  private timer: NodeJS.Timeout | null = null;
  private checked: { epoch: number; validUntil: number } | null = null;
  private failures = 0;

  constructor(
    private readonly planId: string,
    private readonly connections: () => Iterable<C>,
    private readonly close: (conn: C, code: number, reason: string) => void,
  ) {}

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => this.check(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A socket joined: its session's expiry is not in the last check yet. */
  invalidate(): void {
    this.checked = null;
  }

  check(): void {
    const conns = [...this.connections()];
    let results: ReturnType<typeof currentAccessForAll>;
    let epoch: number;
    try {
      // Read before the check: a change that lands during it moves the epoch past this value.
      epoch = accessEpoch();
      const last = this.checked;
      if (last && last.epoch === epoch && Date.now() < last.validUntil) {
        this.failures = 0; // a successful (cheap) check
        return;
      }
      results = currentAccessForAll(conns.map((c) => c.token), this.planId);
    } catch (error) {
      log.error({ err: error, planId: this.planId }, "toegangscontrole mislukt");
      // Fail closed: access that cannot be checked is not assumed to hold. The
      // clients retry, and the upgrade checks them afresh.
      if (++this.failures >= ACCESS_CHECK_FAILURES_BEFORE_CLOSE) {
        this.failures = 0;
        for (const conn of conns) this.close(conn, CLOSE.accessUnverified, "toegang niet te controleren");
      }
      return;
    }
    this.failures = 0;
    metrics.accessChecks.inc();
    this.checked = { epoch, validUntil: results.validUntil };
    for (const conn of [...this.connections()]) {
      const result = results.byToken.get(conn.token);
      if (!result) continue; // connected after the check started; next tick
      if (!result.signedIn) this.close(conn, CLOSE.unauthenticated, "sessie verlopen");
      else if (!result.access) this.close(conn, CLOSE.forbidden, "geen toegang meer");
      else conn.access = result.access;
    }
  }
}
