import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Invitation links of an import stay readable for an hour so the importer can
 * copy or download them, but never lie on disk in plain text (issue 18, 9b):
 * the stored result keeps each token encrypted (AES-256-GCM) under a random key
 * that lives only in the importer's browser, in an httpOnly cookie scoped to
 * /beheer and valid as long as the stored result. Without that cookie (another
 * browser, a copied data directory, a backup) the links cannot be opened.
 */
export const LINK_KEY_COOKIE = "so_import_sleutel";
const KEY_BYTES = 32;
const LINK_KEY_MAX_AGE_SECONDS = 60 * 60;

export function newLinkKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function readLinkKey(request: Request): Buffer | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const pair of header.split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name !== LINK_KEY_COOKIE) continue;
    const key = Buffer.from(rest.join("="), "base64url");
    return key.length === KEY_BYTES ? key : null;
  }
  return null;
}

export function linkKeyCookie(key: Buffer, secure: boolean): string {
  return [
    `${LINK_KEY_COOKIE}=${key.toString("base64url")}`,
    "Path=/beheer",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${LINK_KEY_MAX_AGE_SECONDS}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function sealToken(token: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The token, or null when this key did not seal it (or the text was changed). */
export function unsealToken(sealed: string | undefined, key: Buffer | null): string | null {
  if (!sealed || !key) return null;
  try {
    const bytes = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
