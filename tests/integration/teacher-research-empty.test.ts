import { describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { withServer } from "../support/with-server";

/** Teacher research on an empty installation (no demo): the page and the API refuse strangers and never fail. */
const ctx = withServer({ SEED_DEMO: "false" });

describe("teacher research without demo data", () => {
  it("sends the page to the login and answers the API with a Dutch 401", async () => {
    const anonymous = new Client(ctx.server.url);
    const page = await anonymous.get("/vragen/bestaat-niet/leraren");
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toMatch(/^\/login\?redirectTo=%2Fvragen%2Fbestaat-niet%2Fleraren/);
    const api = await anonymous.request("/api/v1/projects", {
      method: "POST",
      body: JSON.stringify({ questionId: "x", teacherIds: [] }),
      headers: { "content-type": "application/json", origin: ctx.server.url },
    });
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error: string }).error).toBe("Je bent niet ingelogd.");
  });
});
