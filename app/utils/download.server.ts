import { exportFileName } from "../models/personal-export.server";

/** A personal-data export as a JSON attachment (contract 6.15); never cached. */
export function personalDataResponse(data: unknown): Response {
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName()}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
