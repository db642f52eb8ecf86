import { coverFields, markdownToBlocks } from "../domain/plan-cover";
import type { Block } from "../domain/plan-document";
import { consentFormMarkdown } from "../domain/plan-ethics";
import { tFor } from "../utils/i18n.server";
import { coverDate, planCover } from "./plan-cover.server";
import type { DocxCover } from "./plan-docx.server";
import { consentPolicyOf, persistedEthics, schoolNameOf } from "./plan-ethics.server";
import type { PlanRow } from "./plan.server";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The cover of the Word and PDF exports, in Dutch like the section headings (contract 6.6). */
export function exportCover(plan: PlanRow): DocxCover {
  const t = tFor("nl");
  return { kind: t("plan.cover.kind"), fields: coverFields(planCover(plan), t, (iso) => coverDate(iso, "nl")) };
}

/** The consent form from the checklist answers: one text (consentFormMarkdown) for Markdown, Word and PDF. */
export function consentForm(plan: PlanRow): { markdown: string; title: string; blocks: Block[] } {
  const markdown = consentFormMarkdown({
    planTitle: plan.title,
    schoolName: schoolNameOf(plan),
    answers: persistedEthics(plan.id),
    policy: consentPolicyOf(plan),
  });
  return { markdown, ...markdownToBlocks(markdown) };
}

/** A download: private, never cached, with an ASCII fallback name and the real one (RFC 6266). */
export function fileResponse(body: Buffer | string, contentType: string, fallbackName: string, name = fallbackName): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fallbackName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** A file name from the plan's title (letters, digits, spaces, dashes), or the fallback. */
export function planFileName(plan: PlanRow, fallback: string, ext: string): string {
  return `${plan.title.replace(/[^\p{L}\p{N} _-]/gu, "").trim().slice(0, 120) || fallback}.${ext}`;
}
