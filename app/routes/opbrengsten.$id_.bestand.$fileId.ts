import type { LoaderFunctionArgs } from "@remix-run/node";
import { canViewResult } from "../domain/permissions";
import { readStoredFile, resultFile } from "../models/result-publish.server";
import { findResult } from "../models/result.server";
import { scopeForResult } from "../models/scopes.server";
import { toActor } from "../models/user.server";
import { getCurrentUser } from "../utils/auth.server";

/** Downloads a result's file under the same visibility rule as the result itself. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const result = findResult(params.id ?? "");
  if (!result || !canViewResult(user ? toActor(user) : null, scopeForResult(result))) {
    return new Response("Niet gevonden", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const file = resultFile(result.id, params.fileId ?? "");
  const content = file ? readStoredFile(file.absolute) : null;
  if (!file || !content) {
    return new Response("Niet gevonden", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(new Uint8Array(content), {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
