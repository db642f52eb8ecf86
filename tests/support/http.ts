/**
 * A minimal browser-like HTTP client for integration tests: it keeps cookies
 * between requests and never follows redirects, so tests see every 302/303.
 */
export class Client {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0 && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  get(path: string, headers?: HeadersInit) {
    return this.request(path, { headers });
  }

  /** A form POST as a browser on this origin sends it. */
  post(path: string, fields: Record<string, string>, headers: HeadersInit = {}) {
    return this.request(path, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.baseUrl, ...headers },
    });
  }

  async login(email: string, password = "samen-onderzoeken"): Promise<Response> {
    const response = await this.post("/login", { email, password });
    if (response.status !== 302 && response.status !== 303) {
      throw new Error(`login as ${email} failed with ${response.status}: ${await response.text()}`);
    }
    return response;
  }
}

export const DEMO_PASSWORD = "samen-onderzoeken";
