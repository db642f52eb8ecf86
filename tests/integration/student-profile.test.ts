import { describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { withServer } from "../support/with-server";

const t = withServer();

const profileOf = (email: string) =>
  t.db.prepare("select p.* from student_profiles p join users u on u.id = p.user_id where u.email = ?").get(email) as Record<string, unknown> | undefined;

describe("the student profile", () => {
  it("lets a student keep a profile that the matching page uses", async () => {
    const client = new Client(t.server.url);
    await client.login("student3@demo.nl");
    expect((await client.get("/profiel")).status).toBe(200);
    const body = new URLSearchParams([
      ["programme", "Leraar Nederlands tweedegraads"],
      ["studyYear", "3"],
      ["themeIds", "lezen-en-taal"],
      ["themeIds", "burgerschap"],
      ["sectors", "vo"],
      ["availability", "voorjaar"],
      ["homeCity", "Lingestad"],
    ]);
    const response = await client.request("/profiel", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: t.server.url },
    });
    expect(response.status).toBe(302);
    const profile = profileOf("student3@demo.nl")!;
    expect(profile.programme).toBe("Leraar Nederlands tweedegraads");
    expect(JSON.parse(profile.theme_ids as string)).toEqual(["lezen-en-taal", "burgerschap"]);
    expect(await (await client.get("/matching")).text()).toContain("Gesorteerd op hoe goed ze bij je profiel passen.");
  });

  it("refuses bad input and stores nothing", async () => {
    const client = new Client(t.server.url);
    await client.login("student2@demo.nl");
    const before = profileOf("student2@demo.nl");
    for (const [fields, message] of [
      [{ programme: "", studyYear: "2", availability: "voorjaar" }, "Vul je opleiding in."],
      [{ programme: "Pabo", studyYear: "2", availability: "altijd" }, "Kies wanneer je beschikbaar bent."],
      [{ programme: "Pabo", studyYear: "12", availability: "voorjaar" }, "studiejaar van 1 tot en met 6"],
      [{ programme: "Pabo", studyYear: "2", availability: "voorjaar", themeIds: "bestaat-niet" }, "bestaat niet"],
      [{ programme: "Pabo", studyYear: "2", availability: "voorjaar", sectors: "hbo" }, "bestaande sector"],
    ] as [Record<string, string>, string][]) {
      const response = await client.post("/profiel", fields);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
    expect(profileOf("student2@demo.nl")).toEqual(before);
  });

  it("is only for students", async () => {
    const client = new Client(t.server.url);
    await client.login("schoolleider@demo.nl");
    expect((await client.get("/profiel")).status).toBe(403);
    expect((await client.post("/profiel", { programme: "x", studyYear: "1" })).status).toBe(403);
  });
});
