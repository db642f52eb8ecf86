import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { LOOP_MONITOR_MS } from "./config";

/** Prometheus metrics of the collaboration server, served at /metrics (admins). */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: LOOP_MONITOR_MS });

export const metrics = {
  docsLoaded: new Gauge({ name: "collab_docs_loaded", help: "Plan documents in memory", registers: [registry] }),
  connections: new Gauge({ name: "collab_connections", help: "Open collaboration sockets", registers: [registry] }),
  updatesIn: new Counter({ name: "collab_updates_in_total", help: "Document updates received and applied", registers: [registry] }),
  updatesDropped: new Counter({
    name: "collab_updates_dropped_total",
    help: "Document updates dropped (read/comment access)",
    registers: [registry],
  }),
  messagesOut: new Counter({ name: "collab_messages_out_total", help: "Messages sent to clients", registers: [registry] }),
  closes: new Counter({ name: "collab_closes_total", help: "Sockets closed by the server, by reason", labelNames: ["reason"], registers: [registry] }),
  persistSeconds: new Histogram({
    name: "collab_persist_seconds",
    help: "Time to append one update to SQLite",
    buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
    registers: [registry],
  }),
  accessChecks: new Counter({
    name: "collab_access_checks_total",
    help: "Full access re-checks of a room's sockets (the others found the access epoch unchanged)",
    registers: [registry],
  }),
  compactions: new Counter({ name: "collab_compactions_total", help: "Log compactions into a snapshot", registers: [registry] }),
};
