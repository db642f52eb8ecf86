import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SsoProblem } from "../components/account/sso-problem";
import { ssoCallback } from "../utils/sso-routes.server";

export const meta: MetaFunction = () => [{ title: "Inloggen — Samen Onderzoeken" }];

/** /login/sso/callback: signs in (303) or explains in Dutch why not (400/403). */
export const loader = ({ request, context }: LoaderFunctionArgs) => ssoCallback("1", request, context);

export default function SsoCallbackPage() {
  const problem = useLoaderData<typeof loader>();
  return <SsoProblem {...problem} />;
}
