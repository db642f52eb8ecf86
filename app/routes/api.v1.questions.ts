import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isQuestionStatus } from "../domain/question-lifecycle";
import { searchQuestions } from "../models/question-search.server";
import { toActor } from "../models/user.server";
import { requireApiUser } from "../utils/guard.server";

/**
 * Contract 6.5: `{ questions: [{ id, title, status, school: {id, name}, themes: [string] }] }`,
 * only what the caller may see; `q` is full-text, `status` filters.
 * Optional: `page` (1-based) and `pageSize` (max 100, default 100).
 * Beyond the contract: `hasNextPage` says whether another page follows, at
 * any depth: page on it. `total` is only counted on request (`total=1`),
 * because counting a broad search costs more than the page: exact up to 1,000
 * matches, above that 1000 with `totalCapped: true`. Without the request it is
 * exact when this is the last page and null otherwise.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireApiUser(request, "questions:browse");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 500);
  const status = url.searchParams.get("status") ?? "";
  if (status && !isQuestionStatus(status)) {
    return json({ error: `Onbekende status "${status.slice(0, 40)}".` }, { status: 400 });
  }
  const page = Number(url.searchParams.get("page") ?? "1");
  const pageSize = Number(url.searchParams.get("pageSize") ?? "100");
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    return json({ error: "page moet 1 of hoger zijn en pageSize tussen 1 en 100." }, { status: 400 });
  }
  const { items, total, totalCapped, hasNextPage } = searchQuestions(toActor(user), {
    q,
    status: status && isQuestionStatus(status) ? status : undefined,
    page,
    pageSize,
    countTotal: url.searchParams.get("total") === "1",
  });
  return json(
    {
      questions: items.map((item) => ({
        id: item.id,
        title: item.title,
        status: item.status,
        school: { id: item.schoolId, name: item.schoolName },
        themes: item.themeName ? [item.themeName] : [],
      })),
      total,
      totalCapped,
      page,
      pageSize,
      hasNextPage,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
