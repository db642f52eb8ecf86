import { describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { withServer } from "../support/with-server";

/** From an empty database (no demo): the pruning at start runs, /privacy and the export's refusals work. */
const ctx = withServer({ SEED_DEMO: "false" });

describe("personal data on an empty installation", () => {
  it("serves the privacy statement with the default term and refuses the export to strangers", async () => {
    const anonymous = new Client(ctx.server.url);
    const page = await anonymous.get("/privacy");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Standaard: 24 maanden.");
    expect(html).toContain("/privacy"); // the footer link
    expect((await anonymous.get("/api/v1/me/export")).status).toBe(401);
    expect((await anonymous.request("/api/v1/users/x", { method: "DELETE", headers: { origin: ctx.server.url } })).status).toBe(401);
    expect((await anonymous.get("/account/gegevens")).headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect(ctx.server.logs()).toContain("bewaartermijnen toegepast");
  });
});
