import { json } from "@remix-run/node";

/** A JSON API refusal of bad input: 400 with a Dutch `error` (contract 6.14). */
export function badRequest(error: string, status: 400 | 404 | 409 = 400) {
  return json({ error }, { status });
}

/** The request's JSON body, or undefined when it is not JSON (the caller answers 400). */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/** A string field of an unknown body, or "" (for deciding permission before validation). */
export function field(body: unknown, name: string): string {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value.slice(0, 200) : "";
}

/** An array-of-strings field of an unknown body (anything else: []). */
export function listField(body: unknown, name: string): string[] {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").slice(0, 500) : [];
}
