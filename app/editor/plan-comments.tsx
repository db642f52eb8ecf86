import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "../utils/use-hydrated";
import { formatWhen } from "./format";
import type { SelectionAnchor } from "./live/selection-anchor";

export type ThreadView = {
  id: string;
  sectionId: string;
  quote: string;
  anchor?: string | null;
  suggestion?: string | null;
  suggestionAcceptedAt?: string | null;
  body: string;
  authorName: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  replies: { id: string; authorName: string | null; body: string; createdAt: string }[];
};

type Props = {
  planId: string;
  sectionId: string;
  heading: string;
  threads: ThreadView[];
  canComment: boolean;
  /** Begeleiders may attach a proposed replacement text to a comment. */
  canSuggest?: boolean;
  /** Authors may take a suggestion over into the text. */
  canAccept?: boolean;
  /** Puts a suggestion into the author's own editor; set once the live editor runs. */
  applySuggestion?: SuggestionApplier;
  /** The selected text in this section's editor, when the live editor runs. */
  selection?: () => SelectionAnchor | null;
};

/** Replaces the thread's quoted text with its suggestion in the author's editor; false when that text is gone. */
export type SuggestionApplier = (sectionId: string, thread: ThreadView) => boolean;

/** Feedback threads of one section: begeleiders comment, students answer, both resolve. */
export function SectionComments({ planId, sectionId, heading, threads, canComment, canSuggest, canAccept, applySuggestion, selection }: Props) {
  const { t } = useTranslation();
  const open = threads.filter((th) => !th.resolvedAt);
  const resolved = threads.filter((th) => th.resolvedAt);
  const title = useRef<HTMLHeadingElement>(null);
  const focusTitle = () => title.current?.focus();
  if (!canComment && threads.length === 0) return null;
  return (
    <div className="plan-comments">
      <h3 className="plan-comments__title" ref={title} tabIndex={-1}>
        {t("plan.comments.heading")} {open.length > 0 ? <span className="badge">{t("plan.comments.count", { count: open.length })}</span> : null}
      </h3>
      {threads.length === 0 ? <p className="muted">{t("plan.comments.none")}</p> : null}
      <ul className="plan-comments__list">
        {open.map((th) => (
          <Thread
            key={th.id}
            planId={planId}
            thread={th}
            canComment={canComment}
            onToggle={focusTitle}
            canAccept={canAccept}
            applySuggestion={applySuggestion}
          />
        ))}
      </ul>
      {resolved.length > 0 ? (
        <details>
          <summary>{t("plan.comments.showResolved", { count: resolved.length })}</summary>
          <ul className="plan-comments__list">
            {resolved.map((th) => (
              <Thread key={th.id} planId={planId} thread={th} canComment={canComment} onToggle={focusTitle} />
            ))}
          </ul>
        </details>
      ) : null}
      {canComment ? <NewComment planId={planId} sectionId={sectionId} heading={heading} selection={selection} canSuggest={canSuggest} /> : null}
    </div>
  );
}

type Result = { error?: string; ok?: boolean };

/**
 * One comment form's outcome: the server's error of the latest attempt, or
 * after a success an emptied form with the focus back in its field. With
 * JavaScript the forms post with `via=script`, and the server answers with
 * data instead of a redirect (a redirect would leave the last error standing).
 */
function useFormResult(fetcher: ReturnType<typeof useFetcher<Result>>) {
  const form = useRef<HTMLFormElement>(null);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const wasBusy = useRef(false);
  const hydrated = useHydrated();
  useEffect(() => {
    if (fetcher.state !== "idle") wasBusy.current = true;
    else if (wasBusy.current) {
      wasBusy.current = false;
      if (fetcher.data?.ok) form.current?.reset();
      // The submit button was disabled while posting, which dropped the focus.
      field.current?.focus();
    }
  }, [fetcher.state, fetcher.data]);
  const error = fetcher.state === "idle" ? fetcher.data?.error : undefined;
  const via = hydrated ? <input type="hidden" name="via" value="script" /> : null;
  return { form, field, error, via };
}

function NewComment({ planId, sectionId, heading, selection, canSuggest }: Pick<Props, "planId" | "sectionId" | "heading" | "selection" | "canSuggest">) {
  const { t } = useTranslation();
  const fetcher = useFetcher<Result>();
  const { form, field, error, via } = useFormResult(fetcher);
  const quote = useRef<HTMLInputElement>(null);
  const anchor = useRef<HTMLInputElement>(null);
  const busy = fetcher.state !== "idle";
  const id = `comment-${sectionId}`;
  return (
    <fetcher.Form
      method="post"
      action={`/plannen/${planId}/reacties`}
      ref={form}
      className="plan-comments__new stack"
      onSubmit={() => {
        // Attach the comment to the selected text, if any.
        const picked = selection?.() ?? null;
        if (quote.current) quote.current.value = picked?.quote ?? "";
        if (anchor.current) anchor.current.value = picked?.anchor ?? "";
      }}
    >
      {via}
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="quote" ref={quote} />
      <input type="hidden" name="anchor" ref={anchor} />
      <div className={`field${error ? " field--invalid" : ""}`}>
        <label htmlFor={id}>{t("plan.comments.newLabel", { heading })}</label>
        <p className="field__help" id={`${id}-help`}>
          {t("plan.comments.newHint")}
        </p>
        <textarea
          ref={field}
          id={id}
          name="body"
          rows={2}
          maxLength={4000}
          required
          aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
          aria-invalid={error ? true : undefined}
        />
        {error ? (
          <p className="field__error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {canSuggest ? (
        <div className="field">
          <label htmlFor={`${id}-suggestion`}>{t("plan.comments.suggestionLabel")}</label>
          <p className="field__help" id={`${id}-suggestion-help`}>
            {t("plan.comments.suggestionHint")}
          </p>
          <textarea id={`${id}-suggestion`} name="suggestion" rows={2} maxLength={4000} aria-describedby={`${id}-suggestion-help`} />
        </div>
      ) : null}
      <p>
        <button type="submit" className="button button--small" disabled={busy}>
          {busy ? t("plan.comments.submitting") : t("plan.comments.submit")}
        </button>
      </p>
    </fetcher.Form>
  );
}

function Thread({
  planId,
  thread,
  canComment,
  onToggle,
  canAccept,
  applySuggestion,
}: {
  planId: string;
  thread: ThreadView;
  canComment: boolean;
  onToggle: () => void;
  canAccept?: boolean;
  applySuggestion?: SuggestionApplier;
}) {
  const { t, i18n } = useTranslation();
  const reply = useFetcher<Result>();
  const toggle = useFetcher<Result>();
  const replyResult = useFormResult(reply);
  const toggleResult = useFormResult(toggle);
  const byline = (name: string | null, at: string) =>
    t("plan.comments.byline", { author: name ?? t("plan.comments.unknownAuthor"), date: formatWhen(at, i18n.language) });
  const replyId = `reply-${thread.id}`;
  return (
    <li className={`plan-thread${thread.resolvedAt ? " plan-thread--resolved" : ""}`}>
      <article aria-label={byline(thread.authorName, thread.createdAt)}>
        {thread.quote ? (
          <blockquote className="plan-thread__quote">
            <span className="visually-hidden">{t("plan.comments.quoteLabel")} </span>
            {thread.quote}
          </blockquote>
        ) : null}
        <p className="plan-thread__body">{thread.body}</p>
        {thread.suggestion ? (
          <Suggestion planId={planId} thread={thread} canAccept={!!canAccept} applySuggestion={applySuggestion} onDone={onToggle} />
        ) : null}
        <p className="plan-thread__meta muted">{byline(thread.authorName, thread.createdAt)}</p>
        {thread.replies.map((r) => (
          <div key={r.id} className="plan-thread__reply">
            <p className="plan-thread__body">{r.body}</p>
            <p className="plan-thread__meta muted">{byline(r.authorName, r.createdAt)}</p>
          </div>
        ))}
        {thread.resolvedAt ? (
          <p className="muted">{t("plan.comments.resolvedBy", { name: thread.resolvedByName ?? t("plan.comments.unknownAuthor") })}</p>
        ) : null}
        {canComment ? (
          <div className="plan-thread__actions">
            {!thread.resolvedAt ? (
              <reply.Form method="post" action={`/plannen/${planId}/reacties`} ref={replyResult.form} className="plan-thread__reply-form">
                {replyResult.via}
                <input type="hidden" name="intent" value="reply" />
                <input type="hidden" name="threadId" value={thread.id} />
                <label htmlFor={replyId} className="visually-hidden">
                  {t("plan.comments.replyLabel")}
                </label>
                <input
                  ref={replyResult.field}
                  id={replyId}
                  name="body"
                  type="text"
                  maxLength={4000}
                  required
                  placeholder={t("plan.comments.replyLabel")}
                  aria-invalid={replyResult.error ? true : undefined}
                  aria-describedby={replyResult.error ? `${replyId}-error` : undefined}
                />
                <button type="submit" className="button button--small button--secondary" disabled={reply.state !== "idle"}>
                  {reply.state !== "idle" ? t("plan.comments.submitting") : t("plan.comments.reply")}
                </button>
                {replyResult.error ? (
                  <p className="field__error plan-thread__error" id={`${replyId}-error`} role="alert">
                    {replyResult.error}
                  </p>
                ) : null}
              </reply.Form>
            ) : null}
            {/* The thread moves to the other list and this button goes: the focus goes to the section's comments heading. */}
            <toggle.Form method="post" action={`/plannen/${planId}/reacties`} onSubmit={onToggle}>
              {toggleResult.via}
              <input type="hidden" name="intent" value={thread.resolvedAt ? "reopen" : "resolve"} />
              <input type="hidden" name="threadId" value={thread.id} />
              <button type="submit" className="button-link" disabled={toggle.state !== "idle"}>
                {thread.resolvedAt ? t("plan.comments.reopen") : t("plan.comments.resolve")}
              </button>
              {toggleResult.error ? (
                <p className="field__error" role="alert">
                  {toggleResult.error}
                </p>
              ) : null}
            </toggle.Form>
          </div>
        ) : null}
      </article>
    </li>
  );
}

/**
 * A begeleider's proposed text. The author's click puts it into their own
 * editor (their change, through their connection), then marks it accepted.
 */
function Suggestion({
  planId,
  thread,
  canAccept,
  applySuggestion,
  onDone,
}: {
  planId: string;
  thread: ThreadView;
  canAccept: boolean;
  applySuggestion?: SuggestionApplier;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const accept = useFetcher<Result>();
  const [notFound, setNotFound] = useState(false);
  const busy = accept.state !== "idle";
  const error = notFound ? t("plan.comments.acceptNotFound") : accept.state === "idle" ? accept.data?.error : undefined;
  return (
    <div className="plan-suggestion">
      <p className="plan-suggestion__label">{t("plan.comments.suggestionHeading")}</p>
      <p className="plan-suggestion__text">
        {thread.quote ? (
          <>
            <del>{thread.quote}</del>{" "}
          </>
        ) : null}
        <ins>{thread.suggestion}</ins>
      </p>
      {thread.suggestionAcceptedAt ? (
        <p className="plan-suggestion__accepted">{t("plan.comments.accepted")}</p>
      ) : canAccept && !thread.resolvedAt ? (
        <accept.Form
          method="post"
          action={`/plannen/${planId}/reacties`}
          onSubmit={(event) => {
            // The text first, as the author's own edit; only then the thread.
            if (!applySuggestion || !applySuggestion(thread.sectionId, thread)) {
              event.preventDefault();
              setNotFound(!!applySuggestion);
              return;
            }
            setNotFound(false);
            onDone();
          }}
        >
          <input type="hidden" name="via" value="script" />
          <input type="hidden" name="intent" value="accept" />
          <input type="hidden" name="threadId" value={thread.id} />
          <button type="submit" className="button button--small" disabled={busy || !applySuggestion} aria-describedby={applySuggestion ? undefined : `${thread.id}-accept-hint`}>
            {busy ? t("plan.comments.accepting") : t("plan.comments.accept")}
          </button>
          {applySuggestion ? null : (
            <span className="muted plan-suggestion__hint" id={`${thread.id}-accept-hint`}>
              {" "}
              {t("plan.comments.acceptWhenLive")}
            </span>
          )}
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
        </accept.Form>
      ) : null}
    </div>
  );
}
