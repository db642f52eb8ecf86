/**
 * Contract 6.11: whether an empty database gets the demo region. An explicit
 * SEED_DEMO decides; without it only a local installation (no APP_ORIGIN, or
 * one on localhost / 127.0.0.1 / ::1) gets demo accounts with their public
 * password — a server with a real address starts empty. Pure.
 */
export function shouldLoadDemo(seedDemo: boolean | undefined, appOrigin: string | undefined): boolean {
  if (seedDemo !== undefined) return seedDemo;
  if (appOrigin === undefined) return true;
  let hostname: string;
  try {
    hostname = new URL(appOrigin).hostname;
  } catch {
    return false;
  }
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/** Demo accounts are recognisable by their address: `…@demo.nl` and `…@<school>.demo.nl`. */
export function isDemoEmail(email: string): boolean {
  return /(@|\.)demo\.nl$/i.test(email);
}
