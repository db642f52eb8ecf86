/**
 * What the Express server hands to every Remix loader and action
 * (server/index.ts, getLoadContext). Request facts that only Express knows.
 */
export type RequestFacts = {
  /** Per-response nonce for the Content-Security-Policy; scripts must carry it. */
  cspNonce: string;
  /** Client IP address (honours X-Forwarded-For only when TRUST_PROXY is on). */
  clientIp: string;
  /** The request came in over HTTPS (directly or via a trusted proxy). */
  isSecure: boolean;
  /** Public origin, e.g. http://localhost:3000, for links shown to users. */
  origin: string;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestFacts {}
}
