import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, DEMO_PASSWORD } from "../support/http";
import { freePort, INVITATION_LINK, linkPath, RESET_LINK, startSmtp, type TestSmtp } from "../support/mail";
import { startServer, type RunningServer } from "../support/server";

/**
 * Issue 21 end to end with real parts only: the app server on an ephemeral
 * port, a real SMTP server (smtp-server) and a real OpenID provider
 * (oidc-provider) in this process. The browser is played with fetch, following
 * every redirect by hand.
 */
let server: RunningServer;
let db: Database.Database;
let smtp: TestSmtp;
let idp: http.Server;
let issuer: string;
let appOrigin: string;
/** Whom the provider signs in at its next interaction. */
let nextAccount = "";

const CLIENT_ID = "samen-onderzoeken";
const CLIENT_SECRET = "een-lang-geheim-voor-de-test-provider";
/** Another application registered at the same provider: its tokens carry its own audience. */
const OTHER_CLIENT_ID = "een-andere-toepassing";
const OTHER_CLIENT_SECRET = "het-geheim-van-de-andere-toepassing";
const OTHER_REDIRECT_URI = "http://127.0.0.1:9/andere-toepassing/callback";
/** When set, the provider's next token answer is this instead (a provider that answers with another client's tokens). */
let nextTokenAnswer: string | null = null;

async function startIdp(redirectUri: string) {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], response_types: ["code"], grant_types: ["authorization_code"] },
      { client_id: OTHER_CLIENT_ID, client_secret: OTHER_CLIENT_SECRET, redirect_uris: [OTHER_REDIRECT_URI], response_types: ["code"], grant_types: ["authorization_code"] },
    ],
    cookies: { keys: ["test-cookie-key-1"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, name: `SSO ${id.split("@")[0]}` }),
    }),
  });
  const callback = provider.callback();
  // The interaction a real provider shows (login + consent), answered at once for `nextAccount`.
  idp = http.createServer((req, res) => {
    if (nextTokenAnswer && req.method === "POST" && req.url?.startsWith("/token")) {
      const answer = nextTokenAnswer;
      nextTokenAnswer = null;
      req.resume();
      req.on("end", () => res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(answer));
      return;
    }
    if (!req.url?.startsWith("/interaction/")) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: nextAccount, clientId: details.params.client_id as string });
      grant.addOIDCScope("openid email profile");
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: nextAccount }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => idp.listen(port, "127.0.0.1", resolve));
}

beforeAll(async () => {
  const appPort = await freePort();
  appOrigin = `http://127.0.0.1:${appPort}`;
  smtp = await startSmtp();
  await startIdp(`${appOrigin}/login/sso/callback`);
  server = await startServer({
    env: {
      PORT: String(appPort),
      APP_ORIGIN: appOrigin,
      SEED_DEMO: "true",
      SMTP_URL: smtp.url,
      MAIL_FROM: "Samen Onderzoeken <noreply@samen.test>",
      MAIL_POLL_MS: "100",
      MAIL_RETRY_BASE_MS: "50",
      MAIL_DIGEST_CHECK_MS: "200",
      MAIL_DIGEST_HOUR: "0",
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_LABEL: "Inloggen met SURFconext",
      LOGIN_MAX_FAILURES_PER_ACCOUNT: "3",
    },
  });
  db = new Database(server.databasePath);
});

afterAll(async () => {
  if (process.env.MAIL_SSO_LOG) (await import("node:fs")).writeFileSync(process.env.MAIL_SSO_LOG, server?.logs() ?? "");
  db?.close();
  await server?.stop();
  await smtp?.stop().catch(() => undefined);
  await new Promise((resolve) => idp?.close(resolve));
});

async function waitUntil<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const schoolId = (name: string) => (db.prepare("select id from schools where name = ?").get(name) as { id: string }).id;

describe("invitations travel by mail", () => {
  it("queues the invitation in the same request, never shows the link, and the mailed link works", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    const response = await admin.post("/beheer/uitnodigingen", {
      intent: "create",
      name: "Mila Mail",
      email: "Mila.Mail@school.test",
      organisation: `school:${schoolId("Basisschool De Regenboog")}`,
      role: "leraar",
    });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("krijgt de uitnodiging per mail");
    expect(html).not.toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{43}/);

    const mail = await smtp.waitFor("mila.mail@school.test");
    expect(mail.raw).toMatch(/Subject: Uitnodiging voor Samen Onderzoeken/);
    expect(mail.raw).toContain(`${appOrigin}/account`);
    const path = linkPath(mail.raw, INVITATION_LINK);
    expect(server.logs()).not.toContain(path.split("/").pop());

    const person = new Client(server.url);
    expect((await person.get(path)).status).toBe(200);
    const accepted = await person.post(path, { name: "Mila Mail", password: "een-sterk-wachtwoord", passwordConfirm: "een-sterk-wachtwoord" });
    expect([302, 303]).toContain(accepted.status);
    expect((await person.get("/api/v1/me")).status).toBe(200);
  });
});

describe("password recovery", () => {
  it("answers the same page for known and unknown addresses and mails only the account", async () => {
    const known = await new Client(server.url).post("/wachtwoord-vergeten", { email: "student3@demo.nl" });
    const unknown = await new Client(server.url).post("/wachtwoord-vergeten", { email: "niemand@nergens.test" });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const sentence = "Als er een account is met dit adres";
    expect(await known.text()).toContain(sentence);
    expect(await unknown.text()).toContain(sentence);
    await smtp.waitFor("student3@demo.nl", (raw) => raw.includes("/wachtwoord-herstellen/"));
    expect(db.prepare("select count(*) as n from mail_queue where to_address = 'niemand@nergens.test'").get()).toEqual({ n: 0 });
    expect((await new Client(server.url).post("/wachtwoord-vergeten", { email: "geen-adres" })).status).toBe(400);
  });

  it("sets the password once through the mailed link and ends every session", async () => {
    const email = "student@demo.nl";
    const elsewhere = await new Client(server.url);
    await elsewhere.login(email);
    expect((await elsewhere.get("/account")).status).toBe(200);

    await new Client(server.url).post("/wachtwoord-vergeten", { email });
    const mail = await smtp.waitFor(email, (raw) => raw.includes("/wachtwoord-herstellen/"));
    const path = linkPath(mail.raw, RESET_LINK);
    const browser = new Client(server.url);
    const form = await browser.get(path);
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toContain('name="password"');
    expect(page).toContain('name="passwordConfirm"');

    expect((await browser.post(path, { password: "nieuw-wachtwoord-1", passwordConfirm: "iets-anders-12" })).status).toBe(400);
    expect((await browser.post(path, { password: "kort", passwordConfirm: "kort" })).status).toBe(400);
    const done = await browser.post(path, { password: "nieuw-wachtwoord-1", passwordConfirm: "nieuw-wachtwoord-1" });
    expect([302, 303]).toContain(done.status);

    // Every session ended; the old password no longer works, the new one does.
    expect((await elsewhere.get("/account")).status).toBe(302);
    expect((await new Client(server.url).post("/login", { email, password: DEMO_PASSWORD })).status).toBe(401);
    await new Client(server.url).login(email, "nieuw-wachtwoord-1");

    // Single use: the link is gone now, with a Dutch page.
    const again = await browser.get(path);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("Deze link is al gebruikt");
    expect((await browser.get("/wachtwoord-herstellen/" + "x".repeat(43))).status).toBe(404);
  });

  it("refuses an expired link", async () => {
    await new Client(server.url).post("/wachtwoord-vergeten", { email: "begeleider@demo.nl" });
    const mail = await smtp.waitFor("begeleider@demo.nl", (raw) => raw.includes("/wachtwoord-herstellen/"));
    const path = linkPath(mail.raw, RESET_LINK);
    db.prepare("update password_resets set expires_at = '2000-01-01T00:00:00.000Z' where used_at is null").run();
    const expired = await new Client(server.url).post(path, { password: "nieuw-wachtwoord-2", passwordConfirm: "nieuw-wachtwoord-2" });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("verlopen");
  });
});

describe("notifications by mail", () => {
  it("mails at once for `direct` and in the daily digest for `digest` (the default)", async () => {
    const school = new Client(server.url);
    await school.login("schoolleider2@demo.nl");
    expect((await school.post("/account", { intent: "mail", mailPreference: "direct" })).status).toBe(302);
    const question = db
      .prepare("select q.id from questions q join schools s on s.id = q.school_id where q.status = 'ingediend' and s.name = 'Het Rivierencollege' limit 1")
      .get() as { id: string };
    const lead = new Client(server.url);
    await lead.login("programmaleider@demo.nl");
    const sentBack = await lead.post(`/vragen/${question.id}`, { intent: "transition", to: "teruggestuurd", reason: "Maak de vraag concreter, met een groep en een periode." });
    expect(sentBack.status).toBe(302);
    // Direct: one mail per notification, in the same transaction as the transition.
    const direct = await smtp.waitFor("schoolleider2@demo.nl", (raw) => raw.includes(`/vragen/${question.id}`));
    expect(direct.raw).toMatch(/Subject: .*Nieuwe(_| )melding/);

    // Someone on the default `digest` gets it in the daily digest instead (digest hour 0 here).
    const other = db
      .prepare("select q.id, u.email from questions q join schools s on s.id = q.school_id join memberships m on m.school_id = s.id and m.role = 'schoolleider' join users u on u.id = m.user_id where q.status = 'ingediend' and s.name = 'Techniek College Lingedelta' limit 1")
      .get() as { id: string; email: string };
    expect((await lead.post(`/vragen/${other.id}`, { intent: "transition", to: "teruggestuurd", reason: "Welke klas, en in welke periode?" })).status).toBe(302);
    const digest = await smtp.waitFor(other.email, (raw) => raw.includes(`/vragen/${other.id}`));
    expect(digest.raw).toMatch(/Subject: Samen Onderzoeken: \d+ nieuwe melding/);
    expect(db.prepare("select count(*) as n from notifications n join users u on u.id = n.user_id where n.mailed_at is null and u.email = ?").get(other.email)).toEqual({ n: 0 });
  });
});

describe("one throttle for every form that checks a password", () => {
  it("counts guesses at /account, the invitation and the login together", async () => {
    const email = "schoolleider2@demo.nl";
    const owner = new Client(server.url);
    await owner.login(email);
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    await admin.post("/beheer/uitnodigingen", { intent: "create", name: "Tweede Rol", email, organisation: `school:${schoolId("Basisschool De Regenboog")}`, role: "werkplekbegeleider" });
    const invitation = linkPath((await smtp.waitFor(email, (raw) => raw.includes("/uitnodiging/"))).raw, INVITATION_LINK);

    const wrongAccount = await owner.post("/account", { intent: "password", currentPassword: "fout-1", password: "nieuw-wachtwoord-3", passwordConfirm: "nieuw-wachtwoord-3" });
    expect(wrongAccount.status).toBe(401);
    expect((await new Client(server.url).post(invitation, { currentPassword: "fout-2" })).status).toBe(401);
    expect((await new Client(server.url).post("/login", { email, password: "fout-3" })).status).toBe(401);
    // Three failures from this address: now even the right password waits, on every form.
    expect((await new Client(server.url).post("/login", { email, password: DEMO_PASSWORD })).status).toBe(429);
    const throttledAccount = await owner.post("/account", { intent: "password", currentPassword: DEMO_PASSWORD, password: "nieuw-wachtwoord-3", passwordConfirm: "nieuw-wachtwoord-3" });
    expect(throttledAccount.status).toBe(429);
  });
});

describe("/account", () => {
  it("changes name, mail preference and password, and ends other sessions", async () => {
    const email = "student2@demo.nl";
    const me = new Client(server.url);
    await me.login(email);
    const other = new Client(server.url);
    await other.login(email);
    const page = await (await me.get("/account")).text();
    for (const name of ["currentPassword", "password", "passwordConfirm"]) expect(page).toContain(`name="${name}"`);
    expect(page).toContain('href="/account/gegevens"');

    expect((await me.post("/account", { intent: "profile", name: "", locale: "nl" })).status).toBe(400);
    expect((await me.post("/account", { intent: "profile", name: "Sam Student", locale: "en" })).status).toBe(302);
    expect((await me.post("/account", { intent: "mail", mailPreference: "sometimes" })).status).toBe(400);
    expect((await me.post("/account", { intent: "mail", mailPreference: "off" })).status).toBe(302);
    expect(db.prepare("select name, locale, mail_preference from users where email = ?").get(email)).toEqual({ name: "Sam Student", locale: "en", mail_preference: "off" });

    expect((await me.post("/account", { intent: "password", currentPassword: DEMO_PASSWORD, password: "abc", passwordConfirm: "abc" })).status).toBe(400);
    const changed = await me.post("/account", { intent: "password", currentPassword: DEMO_PASSWORD, password: "nieuw-wachtwoord-4", passwordConfirm: "nieuw-wachtwoord-4" });
    expect(changed.status).toBe(302);
    expect((await me.get("/account")).status).toBe(200);
    expect((await other.get("/account")).status).toBe(302);

    const third = new Client(server.url);
    await third.login(email, "nieuw-wachtwoord-4");
    expect((await me.post("/account", { intent: "end-others" })).status).toBe(302);
    expect((await third.get("/account")).status).toBe(302);
    expect((await me.get("/account")).status).toBe(200);
    expect((await me.post("/account", { intent: "end-all" })).status).toBe(302);
    expect((await me.get("/account")).status).toBe(302);
    expect((await new Client(server.url).get("/account")).headers.get("location")).toContain("/login?redirectTo=%2Faccount");
  });
});

describe("SMTP down and deactivated people", () => {
  it("keeps the mail with its error, retries, shows it to admins, and sends nothing to a deactivated person", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    const student = new Client(server.url);
    await student.login("student3@demo.nl");
    await smtp.stop();
    await new Client(server.url).post("/wachtwoord-vergeten", { email: "expert@demo.nl" });
    await new Client(server.url).post("/wachtwoord-vergeten", { email: "programmaleider@demo.nl" });
    const failing = await waitUntil(
      () => db.prepare("select status, attempts, last_error from mail_queue where to_address = 'expert@demo.nl' and attempts >= 2").get() as { status: string; attempts: number; last_error: string } | undefined,
      "a failed attempt",
    );
    expect(failing.status).toMatch(/queued|sending/);
    expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);
    const queuePage = await (await admin.get("/beheer/mail")).text();
    expect(queuePage).toContain("expert@demo.nl");
    expect(queuePage).toMatch(/ECONNREFUSED/);
    expect(queuePage).not.toContain("/wachtwoord-herstellen/");
    expect((await student.get("/beheer/mail")).status).toBe(403);

    // Deactivated while the mail waits: it is not sent. And a deactivated person's new request queues nothing.
    db.prepare("update users set disabled_at = ? where email = 'programmaleider@demo.nl'").run(new Date().toISOString());
    await new Client(server.url).post("/wachtwoord-vergeten", { email: "programmaleider@demo.nl" });
    expect(db.prepare("select count(*) as n from mail_queue where to_address = 'programmaleider@demo.nl'").get()).toEqual({ n: 1 });

    await smtp.restart();
    await smtp.waitFor("expert@demo.nl", (raw) => raw.includes("/wachtwoord-herstellen/"));
    await waitUntil(() => (db.prepare("select status from mail_queue where to_address = 'programmaleider@demo.nl'").get() as { status: string }).status === "cancelled", "the cancelled mail");
    expect(smtp.received.some((m) => m.to.includes("programmaleider@demo.nl") && m.raw.includes("/wachtwoord-herstellen/"))).toBe(false);
    db.prepare("update users set disabled_at = null where email = 'programmaleider@demo.nl'").run();
  });
});

describe("single sign-on (OpenID Connect)", () => {
  /** The browser's walk: the app → the provider (its interaction) → the callback. */
  async function ssoWalk(account: string, tamper?: (callback: URL) => void) {
    nextAccount = account;
    const browser = new Client(server.url);
    const idpBrowser = new Client(issuer);
    const start = await browser.get("/login/sso");
    expect(start.status).toBe(302);
    let location = new URL(start.headers.get("location")!);
    expect(location.origin).toBe(issuer);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("scope")).toBe("openid email profile");
    expect(location.searchParams.get("redirect_uri")).toBe(`${appOrigin}/login/sso/callback`);
    expect(location.searchParams.get("state")).toBeTruthy();
    expect(location.searchParams.get("nonce")).toBeTruthy();
    for (let hop = 0; hop < 10 && location.origin === issuer; hop++) {
      const answer = await idpBrowser.get(location.href);
      expect([302, 303], await answer.clone().text()).toContain(answer.status);
      location = new URL(answer.headers.get("location")!, issuer);
    }
    expect(location.pathname).toBe("/login/sso/callback");
    tamper?.(location);
    const callback = await browser.get(location.pathname + location.search);
    return { browser, callback, location };
  }

  it("links to /login/sso from the login page", async () => {
    const page = await (await new Client(server.url).get("/login")).text();
    expect(page).toContain('href="/login/sso"');
    expect(page).toContain("Inloggen met SURFconext");
    expect(page).toContain('href="/wachtwoord-vergeten"');
  });

  it("signs in the active account with the email claim", async () => {
    const { browser, callback } = await ssoWalk("begeleider@demo.nl");
    expect(callback.status).toBe(303);
    const me = (await (await browser.get("/api/v1/me")).json()) as { email: string };
    expect(me.email).toBe("begeleider@demo.nl");
  });

  it("refuses a wrong state and a replayed callback with a Dutch 400", async () => {
    const forged = await ssoWalk("begeleider@demo.nl", (url) => url.searchParams.set("state", "vervalst"));
    expect(forged.callback.status).toBe(400);
    expect(await forged.callback.text()).toContain("Inloggen mislukt");

    const first = await ssoWalk("begeleider@demo.nl");
    expect(first.callback.status).toBe(303);
    const replay = new Client(server.url);
    replay.setCookie("so_sso", "x");
    expect((await replay.get(first.location.pathname + first.location.search)).status).toBe(400);
  });

  /** The other application's own walk at the provider, with the nonce it is given: its code. */
  async function otherClientCode(account: string, nonce: string) {
    nextAccount = account;
    const verifier = randomBytes(32).toString("base64url");
    const authorize = new URL("/auth", issuer);
    authorize.search = new URLSearchParams({
      client_id: OTHER_CLIENT_ID,
      response_type: "code",
      redirect_uri: OTHER_REDIRECT_URI,
      scope: "openid email profile",
      state: "staat-van-de-andere-toepassing",
      nonce,
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
    }).toString();
    const idpBrowser = new Client(issuer);
    let location = authorize;
    for (let hop = 0; hop < 10 && location.origin === issuer; hop++) {
      const answer = await idpBrowser.get(location.href);
      expect([302, 303], await answer.clone().text()).toContain(answer.status);
      location = new URL(answer.headers.get("location")!, issuer);
    }
    expect(location.href.startsWith(OTHER_REDIRECT_URI)).toBe(true);
    return { code: location.searchParams.get("code")!, verifier };
  }

  /** Our app's start: its state and nonce, as the browser carries them to the provider. */
  async function startAtApp() {
    const browser = new Client(server.url);
    const start = await browser.get("/login/sso");
    const location = new URL(start.headers.get("location")!);
    return { browser, state: location.searchParams.get("state")!, nonce: location.searchParams.get("nonce")! };
  }

  async function expectRefusedWithoutSession(browser: Client, callback: Response) {
    expect(callback.status).toBe(400);
    expect(await callback.text()).toContain("Inloggen mislukt");
    expect(browser.cookie("so_session")).toBeUndefined();
    expect((await browser.get("/api/v1/me")).status).toBe(401);
  }

  it("refuses an ID token issued for another client of the same provider", async () => {
    const sessionsBefore = db.prepare("select count(*) as n from sessions").get();

    // 1. The other application's code, brought to our callback with our own state and nonce:
    // our app redeems it with its own client credentials and PKCE verifier, and the real
    // provider refuses, because the code was issued to another client.
    const first = await startAtApp();
    const stolen = await otherClientCode("begeleider@demo.nl", first.nonce);
    const params = new URLSearchParams({ code: stolen.code, state: first.state, iss: issuer });
    await expectRefusedWithoutSession(first.browser, await first.browser.get(`/login/sso/callback?${params}`));

    // 2. The other application's real ID token itself: signed by this provider, right issuer,
    // right account, even our nonce, but `aud` is the other client. The provider answers our
    // token request with that client's token answer (as a confused or hostile provider might);
    // only the audience check in our app (openid-client) stands between it and a session.
    const second = await startAtApp();
    const other = await otherClientCode("begeleider@demo.nl", second.nonce);
    const tokenAnswer = await fetch(new URL("/token", issuer), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${OTHER_CLIENT_ID}:${OTHER_CLIENT_SECRET}`).toString("base64")}` },
      body: new URLSearchParams({ grant_type: "authorization_code", code: other.code, redirect_uri: OTHER_REDIRECT_URI, code_verifier: other.verifier }),
    });
    expect(tokenAnswer.status).toBe(200);
    const tokens = (await tokenAnswer.json()) as { id_token: string };
    const idTokenClaims = JSON.parse(Buffer.from(tokens.id_token.split(".")[1]!, "base64url").toString()) as { aud: string; nonce: string; sub: string };
    // (The email comes from userinfo, which the other client's access token would answer too.)
    expect(idTokenClaims).toMatchObject({ aud: OTHER_CLIENT_ID, nonce: second.nonce, sub: "begeleider@demo.nl" });
    nextTokenAnswer = JSON.stringify(tokens);
    const callbackParams = new URLSearchParams({ code: "een-code-die-de-provider-niet-meer-bekijkt", state: second.state, iss: issuer });
    await expectRefusedWithoutSession(second.browser, await second.browser.get(`/login/sso/callback?${callbackParams}`));
    // The app did ask the token endpoint (the substitute answer was used), and no session was made.
    expect(nextTokenAnswer).toBeNull();
    expect(db.prepare("select count(*) as n from sessions").get()).toEqual(sessionsBefore);
    // Refused for the reasons named above: the provider's answer to the first (invalid_grant),
    // openid-client's claim check (`aud`; issuer, nonce and signature were right) for the second.
    const refusals = server.logs().split("\n").filter((line) => line.includes("sso: code of ID-token geweigerd"));
    expect(refusals.at(-2)).toContain("server responded with an error");
    expect(refusals.at(-1)).toContain("unexpected JWT claim value");
  });

  it("answers another email with a Dutch 403 and creates no account", async () => {
    const { callback } = await ssoWalk("onbekend@school.test");
    expect(callback.status).toBe(403);
    const text = await callback.text();
    expect(text).toContain("Er is geen account voor onbekend@school.test");
    expect(text).toContain("programmaleider");
    expect(db.prepare("select count(*) as n from users where email = 'onbekend@school.test'").get()).toEqual({ n: 0 });
  });

  it("accepts that email's open invitation", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    await admin.post("/beheer/uitnodigingen", { intent: "create", name: "Sanne SSO", email: "sanne.sso@school.test", organisation: `school:${schoolId("Basisschool De Regenboog")}`, role: "leraar" });
    const { browser, callback } = await ssoWalk("sanne.sso@school.test");
    expect(callback.status).toBe(303);
    const me = (await (await browser.get("/api/v1/me")).json()) as { email: string; roles: string[] };
    expect(me.email).toBe("sanne.sso@school.test");
    expect(me.roles).toContain("leraar");
    expect(db.prepare("select accepted_at is not null as done from invitations where email = 'sanne.sso@school.test'").get()).toEqual({ done: 1 });
  });

  it("keeps passwords away from people of an SSO-only partnership, but SSO still works", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@demo.nl");
    const expert = db.prepare("select id from users where email = 'expert@demo.nl'").get() as { id: string };
    // expert@demo.nl is leraar at school A2, which lies in partnership A only.
    const partnerships = db
      .prepare("select distinct ps.partnership_id as id from memberships m join partnership_schools ps on ps.school_id = m.school_id where m.user_id = ?")
      .all(expert.id) as { id: string }[];
    for (const p of partnerships) expect((await admin.post("/beheer/inloggen", { partnershipId: p.id, ssoOnly: "true" })).status).toBe(302);
    const refused = await new Client(server.url).post("/login", { email: "expert@demo.nl", password: DEMO_PASSWORD });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain("alleen single sign-on");
    expect((await ssoWalk("expert@demo.nl")).callback.status).toBe(303);
    for (const p of partnerships) await admin.post("/beheer/inloggen", { partnershipId: p.id, ssoOnly: "false" });
    await new Client(server.url).login("expert@demo.nl", DEMO_PASSWORD).catch(() => undefined);
  });
});
