import { and, asc, eq, isNull } from "drizzle-orm";
import { notifyPlanAuthors } from "./plan-notices.server";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { getDb } from "../../db/client";
import { planComments, users } from "../../db/schema";
import { COMMENTS_SIGNAL, PLAN_SIGNALS_MAP, PLAN_SECTION_IDS, type CommentsSignal } from "../domain/plan-template";
import { logger } from "../utils/logger.server";
import { applyPlanChange } from "./plan-live.server";

export type PlanComment = { id: string; authorName: string | null; body: string; createdAt: string };
export type PlanThread = PlanComment & {
  sectionId: string;
  quote: string;
  anchor: string | null;
  /** A proposed replacement for `quote` (begeleider's suggestion), and when an author took it over. */
  suggestion: string | null;
  suggestionAcceptedAt: string | null;
  resolvedAt: string | null;
  resolvedByName: string | null;
  replies: PlanComment[];
};

/** Error messages are i18n keys under plan.comments. */
const anchorSchema = z
  .string()
  .max(2000)
  .refine((s) => {
    try {
      const v = JSON.parse(s) as unknown;
      return typeof v === "object" && v !== null && "from" in v && "to" in v;
    } catch {
      return false;
    }
  });

export const commentSchema = z.discriminatedUnion("intent", [
  z.object({
      intent: z.literal("create"),
      sectionId: z.enum(PLAN_SECTION_IDS as [string, ...string[]], { errorMap: () => ({ message: "plan.comments.badSection" }) }),
      body: z.string().trim().min(1, "plan.comments.bodyRequired").max(4000, "plan.comments.bodyTooLong"),
      quote: z.string().max(1000).default(""),
      anchor: anchorSchema.optional().or(z.literal("").transform(() => undefined)),
      // A suggestion replaces the selected text, so it needs one.
      suggestion: z.string().trim().max(4000, "plan.comments.suggestionTooLong").default(""),
    }),
  z.object({
    intent: z.literal("reply"),
    threadId: z.string().min(1).max(100),
    body: z.string().trim().min(1, "plan.comments.bodyRequired").max(4000, "plan.comments.bodyTooLong"),
  }),
  z.object({ intent: z.enum(["resolve", "reopen", "accept"]), threadId: z.string().min(1).max(100) }),
]).superRefine((v, ctx) => {
  // A suggestion replaces the selected text, so it needs some.
  if (v.intent === "create" && v.suggestion !== "" && v.quote.trim() === "") {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "plan.comments.suggestionNeedsText", path: ["suggestion"] });
  }
});
export type CommentInput = z.infer<typeof commentSchema>;

export function listThreads(planId: string): PlanThread[] {
  const db = getDb();
  const author = alias(users, "author");
  const resolver = alias(users, "resolver");
  const rows = db
    .select({
      id: planComments.id,
      parentId: planComments.parentId,
      sectionId: planComments.sectionId,
      quote: planComments.quote,
      anchor: planComments.anchor,
      suggestion: planComments.suggestion,
      suggestionAcceptedAt: planComments.suggestionAcceptedAt,
      body: planComments.body,
      createdAt: planComments.createdAt,
      resolvedAt: planComments.resolvedAt,
      authorName: author.name,
      resolvedByName: resolver.name,
    })
    .from(planComments)
    .leftJoin(author, eq(author.id, planComments.authorId))
    .leftJoin(resolver, eq(resolver.id, planComments.resolvedById))
    .where(eq(planComments.planId, planId))
    .orderBy(asc(planComments.createdAt))
    .all();
  const threads = rows.filter((r) => !r.parentId).map((r) => ({ ...r, replies: [] as PlanComment[] }));
  for (const r of rows) {
    if (!r.parentId) continue;
    threads
      .find((t) => t.id === r.parentId)
      ?.replies.push({ id: r.id, authorName: r.authorName, body: r.body, createdAt: r.createdAt });
  }
  return threads.map(({ parentId: _p, ...t }) => t);
}

function threadOf(planId: string, threadId: string) {
  return getDb()
    .select({ id: planComments.id, sectionId: planComments.sectionId, suggestion: planComments.suggestion, acceptedAt: planComments.suggestionAcceptedAt })
    .from(planComments)
    .where(and(eq(planComments.planId, planId), eq(planComments.id, threadId), isNull(planComments.parentId)))
    .get();
}

/**
 * Applies one comment action; returns the section it concerns, null for an
 * unknown thread, or "noSuggestion" when accepting a thread without an open
 * suggestion. Accepting marks it taken over and resolves the thread; the
 * text itself was changed by the author's own editor (the suggestion's author
 * has comment access only).
 */
export function applyCommentInput(planId: string, userId: string, input: CommentInput): { sectionId: string } | null | "noSuggestion" {
  const db = getDb();
  if (input.intent === "create") {
    // The comment and the notice to the plan's authors exist together or not at all.
    db.transaction((tx) => {
      tx.insert(planComments)
        .values({
          planId,
          sectionId: input.sectionId,
          body: input.body,
          quote: input.quote.trim(),
          anchor: input.anchor ?? null,
          suggestion: input.suggestion || null,
          authorId: userId,
        })
        .run();
      notifyPlanAuthors(tx, planId, userId, "plan.commented");
    });
    return { sectionId: input.sectionId };
  }
  const thread = threadOf(planId, input.threadId);
  if (!thread) return null;
  if (input.intent === "accept") {
    if (thread.suggestion === null || thread.acceptedAt) return "noSuggestion";
    const now = new Date().toISOString();
    db.update(planComments).set({ suggestionAcceptedAt: now, resolvedAt: now, resolvedById: userId }).where(eq(planComments.id, thread.id)).run();
    return { sectionId: thread.sectionId };
  }
  if (input.intent === "reply") {
    db.transaction((tx) => {
      tx.insert(planComments)
        .values({ planId, parentId: thread.id, sectionId: thread.sectionId, body: input.body, authorId: userId })
        .run();
      notifyPlanAuthors(tx, planId, userId, "plan.commented");
    });
  } else {
    const resolved = input.intent === "resolve";
    db.update(planComments)
      .set({ resolvedAt: resolved ? new Date().toISOString() : null, resolvedById: resolved ? userId : null })
      .where(eq(planComments.id, thread.id))
      .run();
  }
  return { sectionId: thread.sectionId };
}

/**
 * Tells every live client of the plan that its comments changed, through the
 * plan's signals map (persisted and relayed like any update), so they reload
 * the threads. Comments themselves stay in SQLite.
 */
export function announceCommentsChanged(planId: string, signal: Omit<CommentsSignal, "at">): void {
  const value: CommentsSignal = { ...signal, at: new Date().toISOString() };
  try {
    applyPlanChange(planId, null, (doc) => doc.getMap(PLAN_SIGNALS_MAP).set(COMMENTS_SIGNAL, value));
  } catch (error) {
    // The comment is stored; others then see it on their next page load.
    logger.warn({ err: error, planId }, "reactie-signaal niet verstuurd");
  }
}
