import type { LoaderFunctionArgs } from "@remix-run/node";
import { ssoStart } from "../utils/sso-routes.server";

/** GET /login/sso/2: to the identity provider's login (contract 6.13); anyone may start, the callback decides. */
export const loader = ({ request, context }: LoaderFunctionArgs) => ssoStart("2", request, context);
