import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("gives working defaults for a fresh machine", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_PATH).toBe("./data/samen-onderzoeken.db");
    expect(env.SEED_DEMO).toBe(true);
    expect(env.DB_CHECKPOINT_MS).toBe(1000);
  });

  it("reads overrides and treats empty values as unset", () => {
    const env = parseEnv({ PORT: "4100", SEED_DEMO: "false", DATABASE_PATH: "", APP_ORIGIN: "" });
    expect(env.PORT).toBe(4100);
    expect(env.SEED_DEMO).toBe(false);
    expect(env.DATABASE_PATH).toBe("./data/samen-onderzoeken.db");
    expect(env.APP_ORIGIN).toBeUndefined();
    expect(parseEnv({ DB_CHECKPOINT_MS: "0" }).DB_CHECKPOINT_MS).toBe(0);
  });

  it("names every invalid variable in Dutch", () => {
    expect(() => parseEnv({ PORT: "abc", SEED_DEMO: "misschien", APP_ORIGIN: "geen-url" })).toThrowError(
      EnvError,
    );
    try {
      parseEnv({ PORT: "abc", SEED_DEMO: "misschien", DB_CHECKPOINT_MS: "-5" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT: moet een getal zijn");
      expect(message).toContain("SEED_DEMO: verwacht true of false");
      expect(message).toContain("DB_CHECKPOINT_MS: moet 0 of hoger zijn");
    }
  });
});

describe("parseEnv: demo data and proxies (issue 18)", () => {
  it("loads the demo only on a local installation unless SEED_DEMO says otherwise", () => {
    expect(parseEnv({}).SEED_DEMO).toBe(true);
    expect(parseEnv({ APP_ORIGIN: "http://localhost:3000" }).SEED_DEMO).toBe(true);
    expect(parseEnv({ APP_ORIGIN: "https://onderzoek.example.nl" }).SEED_DEMO).toBe(false);
    expect(parseEnv({ APP_ORIGIN: "https://onderzoek.example.nl", SEED_DEMO: "true" }).SEED_DEMO).toBe(true);
    expect(parseEnv({ SEED_DEMO: "false" }).SEED_DEMO).toBe(false);
  });

  it("reads TRUST_PROXY as a number of hops and refuses true", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrowError(/TRUST_PROXY: geef het aantal proxies/);
    expect(() => parseEnv({ TRUST_PROXY: "-1" })).toThrowError(/TRUST_PROXY/);
  });
});
