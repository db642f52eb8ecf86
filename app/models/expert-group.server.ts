import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../db/client";
import {
  expertGroupMeetings,
  expertGroupMembers,
  expertGroupPosts,
  expertGroupResults,
  expertGroups,
  expertGroupTopicPosts,
  expertGroupTopics,
  regions,
  results,
  schools,
  themes,
  users,
} from "../../db/schema";
import { can, canViewResult, knowActor, type Actor, type ExpertGroupScope } from "../domain/permissions";
import { recordAudit } from "./audit.server";
import { scopeForResult } from "./scopes.server";

/** The regions whose groups the actor may see (admins: all): the SQL prefilter for expertgroup:view. */
function regionsOf(actor: Actor): readonly string[] | "all" {
  const known = knowActor(actor);
  return known.isAdmin ? "all" : known.regionIds;
}

function membershipScope(
  group: { regionId: string },
  own: { role: "member" | "moderator"; status: "active" | "requested" } | undefined,
): ExpertGroupScope {
  return { regionId: group.regionId, membership: own ? { role: own.role, status: own.status } : null };
}

export function listGroups(actor: Actor) {
  const regions = regionsOf(actor);
  if (regions !== "all" && regions.length === 0) return [];
  const db = getDb();
  const groups = db
    .select({ group: expertGroups, themeName: themes.nameNl })
    .from(expertGroups)
    .leftJoin(themes, eq(themes.id, expertGroups.themeId))
    .where(regions === "all" ? undefined : inArray(expertGroups.regionId, [...regions]))
    .orderBy(asc(expertGroups.name))
    .all();
  const counts = db
    .select({ groupId: expertGroupMembers.groupId, n: sql<number>`count(*)` })
    .from(expertGroupMembers)
    .where(eq(expertGroupMembers.status, "active"))
    .groupBy(expertGroupMembers.groupId)
    .all();
  const mine = db.select().from(expertGroupMembers).where(eq(expertGroupMembers.userId, actor.userId)).all();
  return groups
    .filter(({ group }) => can(actor, "expertgroup:view", membershipScope(group, mine.find((m) => m.groupId === group.id))))
    .map(({ group, themeName }) => ({
    ...group,
    themeName,
    memberCount: counts.find((c) => c.groupId === group.id)?.n ?? 0,
    myStatus: mine.find((m) => m.groupId === group.id)?.status ?? null,
  }));
}

/** A group as the actor may see it, or null (other region / unknown). */
export function getGroup(actor: Actor, id: string) {
  if (!id || id.length > 100) return null;
  const db = getDb();
  const group = db.select().from(expertGroups).where(eq(expertGroups.id, id)).get();
  if (!group) return null;
  const members = db
    .select({ userId: users.id, name: users.name, role: expertGroupMembers.role, status: expertGroupMembers.status })
    .from(expertGroupMembers)
    .innerJoin(users, eq(users.id, expertGroupMembers.userId))
    .where(eq(expertGroupMembers.groupId, id))
    .orderBy(asc(users.name))
    .all();
  const me = members.find((m) => m.userId === actor.userId);
  const scope = membershipScope(group, me);
  if (!can(actor, "expertgroup:view", scope)) return null;
  const isModerator = can(actor, "expertgroup:moderate", scope) || can(actor, "expertgroup:manage", scope);
  const archived = !!group.archivedAt;
  // Shared results are shown only where the actor may see them anyway.
  const shared = db
    .select({ result: results, schoolName: schools.name })
    .from(expertGroupResults)
    .innerJoin(results, eq(results.id, expertGroupResults.resultId))
    .innerJoin(schools, eq(schools.id, results.schoolId))
    .where(eq(expertGroupResults.groupId, id))
    .all()
    .filter(({ result }) => canViewResult(actor, scopeForResult(result)));
  const posts = shared.length
    ? db
        .select({ id: expertGroupPosts.id, resultId: expertGroupPosts.resultId, body: expertGroupPosts.body, createdAt: expertGroupPosts.createdAt, authorName: users.name })
        .from(expertGroupPosts)
        .leftJoin(users, eq(users.id, expertGroupPosts.authorId))
        .where(and(eq(expertGroupPosts.groupId, id), inArray(expertGroupPosts.resultId, shared.map((s) => s.result.id))))
        .orderBy(asc(expertGroupPosts.createdAt))
        .all()
    : [];
  const meetings = db
    .select()
    .from(expertGroupMeetings)
    .where(and(eq(expertGroupMeetings.groupId, id), gt(expertGroupMeetings.startsAt, new Date().toISOString())))
    .orderBy(asc(expertGroupMeetings.startsAt))
    .all();
  return {
    group,
    members: members.filter((m) => m.status === "active"),
    requests: isModerator ? members.filter((m) => m.status === "requested") : [],
    myStatus: me?.status ?? null,
    isModerator,
    canJoin: !archived && can(actor, "expertgroup:join", scope),
    canPost: !archived && can(actor, "expertgroup:post", scope),
    canMeet: !archived && can(actor, "expertgroup:meet", scope),
    canManage: can(actor, "expertgroup:manage", scope),
    archived,
    topics: topicsOf(id),
    regionPeople: can(actor, "expertgroup:manage", scope) ? peopleOfRegion(group.regionId) : [],
    shared: shared.map(({ result, schoolName }) => ({
      id: result.id,
      title: result.title,
      summary: result.summary,
      schoolName,
      posts: posts.filter((p) => p.resultId === result.id),
    })),
    meetings,
  };
}

/** Joins an open group, or requests to join a moderated one. Idempotent. */
export function joinGroup(groupId: string, userId: string, policy: "open" | "moderated") {
  getDb()
    .insert(expertGroupMembers)
    .values({ groupId, userId, role: "member", status: policy === "open" ? "active" : "requested" })
    .onConflictDoNothing()
    .run();
}

export function leaveGroup(groupId: string, userId: string) {
  getDb()
    .delete(expertGroupMembers)
    .where(and(eq(expertGroupMembers.groupId, groupId), eq(expertGroupMembers.userId, userId)))
    .run();
}

export function approveMember(groupId: string, userId: string): boolean {
  return (
    getDb()
      .update(expertGroupMembers)
      .set({ status: "active" })
      .where(and(eq(expertGroupMembers.groupId, groupId), eq(expertGroupMembers.userId, userId), eq(expertGroupMembers.status, "requested")))
      .run().changes === 1
  );
}

export function addPost(groupId: string, resultId: string, authorId: string, body: string, options: { db?: DbOrTx; at?: Date } = {}) {
  (options.db ?? getDb())
    .insert(expertGroupPosts)
    .values({ groupId, resultId, authorId, body, ...(options.at ? { createdAt: options.at.toISOString() } : {}) })
    .run();
}

export type NewExpertGroup = {
  regionId: string;
  name: string;
  themeId?: string | null;
  description?: string;
  joinPolicy: "open" | "moderated";
};

/** A regional expert group with its moderators (active from the start). Permission is the caller's. */
export function createExpertGroup(input: NewExpertGroup, moderatorIds: readonly string[], db: DbOrTx = getDb()): string {
  const { id } = db
    .insert(expertGroups)
    .values({ regionId: input.regionId, name: input.name, themeId: input.themeId ?? null, description: input.description ?? "", joinPolicy: input.joinPolicy })
    .returning({ id: expertGroups.id })
    .get();
  for (const userId of moderatorIds) addGroupMember(id, userId, "moderator", db);
  return id;
}

/** An active member (or moderator) added by someone who may; joining by oneself is joinGroup. */
export function addGroupMember(groupId: string, userId: string, role: "member" | "moderator" = "member", db: DbOrTx = getDb()): void {
  db.insert(expertGroupMembers)
    .values({ groupId, userId, role, status: "active" })
    .onConflictDoUpdate({ target: [expertGroupMembers.groupId, expertGroupMembers.userId], set: { role, status: "active" } })
    .run();
}

/** A meeting of the group (date and time as an ISO instant, place or link). */
export function planMeeting(groupId: string, input: { title: string; startsAt: string; location: string; agenda?: string }, db: DbOrTx = getDb()): string {
  return db.insert(expertGroupMeetings).values({ groupId, ...input }).returning({ id: expertGroupMeetings.id }).get().id;
}

/** Groups the user is an active member of, for sharing a result into. */
export function activeGroupsOf(userId: string) {
  return getDb()
    .select({ id: expertGroups.id, name: expertGroups.name })
    .from(expertGroupMembers)
    .innerJoin(expertGroups, eq(expertGroups.id, expertGroupMembers.groupId))
    .where(and(eq(expertGroupMembers.userId, userId), eq(expertGroupMembers.status, "active")))
    .orderBy(asc(expertGroups.name))
    .all();
}

/**
 * Shares a result into a group. Groups are regional, so only results visible
 * to the region (or public) may be shared: a group must never widen who sees
 * a result. Idempotent.
 */
export function shareResult(groupId: string, resultId: string, visibility: string, userId: string): "ok" | "notMember" | "tooPrivate" {
  if (visibility !== "region" && visibility !== "public") return "tooPrivate";
  if (!activeGroupsOf(userId).some((g) => g.id === groupId)) return "notMember";
  getDb().insert(expertGroupResults).values({ groupId, resultId, sharedById: userId }).onConflictDoNothing().run();
  return "ok";
}

// ───────────── Administration of groups (issue 19) ─────────────

export type GroupWriteError = { errors: Record<string, string>; status: 400 | 404 | 409 };
export type GroupWriteResult = { id: string; name: string } | GroupWriteError;

export function isGroupWriteError(result: GroupWriteResult): result is GroupWriteError {
  return "errors" in result;
}

const groupFail = (field: string, k: string, status: 400 | 404 | 409 = 400): GroupWriteError => ({ errors: { [field]: `install.groups.errors.${k}` }, status });
const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

/** People with a role in the region (active accounts): who may moderate or be named in a group there. */
export function peopleOfRegion(regionId: string, db: DbOrTx = getDb()) {
  return db
    .all<{ id: string; name: string }>(
      sql`select distinct u.id as id, u.name as name from users u join memberships m on m.user_id = u.id
          left join schools s on s.id = m.school_id left join institutes i on i.id = m.institute_id left join partnerships p on p.id = m.partnership_id
          where u.disabled_at is null and coalesce(s.region_id, i.region_id, p.region_id) = ${regionId} order by u.name`,
    );
}

/**
 * A new group with its moderators, checked and audited in one transaction.
 * Names are unique in the installation; moderators must have a role in the
 * region. The caller asked `expertgroup:create` for the region.
 */
export function addExpertGroup(input: NewExpertGroup, moderatorIds: readonly string[], actorUserId: string): GroupWriteResult {
  return getDb().transaction((tx) => {
    const region = tx.select().from(regions).where(eq(regions.id, input.regionId)).get();
    if (!region || region.archivedAt) return groupFail("regionId", "unknownRegion");
    if (tx.select({ name: expertGroups.name }).from(expertGroups).all().some((g) => sameName(g.name, input.name))) return groupFail("name", "duplicateName", 409);
    if (input.themeId && !tx.select().from(themes).where(eq(themes.id, input.themeId)).get()) return groupFail("themeId", "unknownTheme");
    const allowed = new Set(peopleOfRegion(input.regionId, tx).map((p) => p.id));
    if (moderatorIds.some((id) => !allowed.has(id))) return groupFail("moderatorIds", "moderatorOutside");
    const id = createExpertGroup(input, [...new Set(moderatorIds)], tx);
    // Whoever starts a group in their own region is in it (the year walk saw a programmaleider
    // having to "Lid worden" of his own group before he could plan its first meeting). An admin
    // without a role in the region stays outside.
    if (allowed.has(actorUserId) && !moderatorIds.includes(actorUserId)) addGroupMember(id, actorUserId, "member", tx);
    recordAudit({ event: "expert_group.created", actorUserId, detail: { groupId: id, name: input.name, regionId: input.regionId } }, tx);
    return { id, name: input.name };
  });
}

/** Renames a group or changes its description and join policy. */
export function updateExpertGroup(groupId: string, input: { name: string; description: string; joinPolicy: "open" | "moderated" }, actorUserId: string): GroupWriteResult {
  return getDb().transaction((tx) => {
    const group = tx.select().from(expertGroups).where(eq(expertGroups.id, groupId)).get();
    if (!group) return groupFail("form", "unknownGroup", 404);
    if (tx.select().from(expertGroups).all().some((g) => g.id !== groupId && sameName(g.name, input.name))) return groupFail("name", "duplicateName", 409);
    tx.update(expertGroups).set(input).where(eq(expertGroups.id, groupId)).run();
    recordAudit({ event: "expert_group.updated", actorUserId, detail: { groupId, from: group.name, to: input.name } }, tx);
    return { id: groupId, name: input.name };
  });
}

export function setGroupArchived(groupId: string, archived: boolean, actorUserId: string): GroupWriteResult {
  return getDb().transaction((tx) => {
    const group = tx.select().from(expertGroups).where(eq(expertGroups.id, groupId)).get();
    if (!group) return groupFail("form", "unknownGroup", 404);
    tx.update(expertGroups).set({ archivedAt: archived ? new Date().toISOString() : null }).where(eq(expertGroups.id, groupId)).run();
    recordAudit({ event: "expert_group.updated", actorUserId, detail: { groupId, archived } }, tx);
    return { id: groupId, name: group.name };
  });
}

/** Names an active member (or someone of the region) moderator. */
export function nameModerator(groupId: string, userId: string, actorUserId: string): GroupWriteResult {
  const group = getDb().select().from(expertGroups).where(eq(expertGroups.id, groupId)).get();
  if (!group) return groupFail("form", "unknownGroup", 404);
  if (!peopleOfRegion(group.regionId).some((p) => p.id === userId)) return groupFail("moderatorIds", "moderatorOutside");
  addGroupMember(groupId, userId, "moderator");
  recordAudit({ event: "expert_group.updated", actorUserId, subjectUserId: userId, detail: { groupId, moderator: true } });
  return { id: groupId, name: group.name };
}

/** Declines a request to join (the row goes; the person may ask again later). */
export function declineMember(groupId: string, userId: string): boolean {
  return (
    getDb()
      .delete(expertGroupMembers)
      .where(and(eq(expertGroupMembers.groupId, groupId), eq(expertGroupMembers.userId, userId), eq(expertGroupMembers.status, "requested")))
      .run().changes === 1
  );
}

/** A meeting with its agenda; the caller checked the input (see app/domain/meeting-input.ts). */
export function planGroupMeeting(groupId: string, input: { title: string; startsAt: string; location: string; agenda: string }): string {
  return planMeeting(groupId, input);
}

export function findMeeting(groupId: string, meetingId: string) {
  if (!meetingId || meetingId.length > 100) return undefined;
  return getDb()
    .select()
    .from(expertGroupMeetings)
    .where(and(eq(expertGroupMeetings.id, meetingId), eq(expertGroupMeetings.groupId, groupId)))
    .get();
}

/** A discussion not tied to a shared result: its title and opening message, in one write. */
export function startTopic(groupId: string, authorId: string, title: string, body: string, db?: DbOrTx): string {
  const write = (tx: DbOrTx) => {
    const { id } = tx.insert(expertGroupTopics).values({ groupId, authorId, title }).returning({ id: expertGroupTopics.id }).get();
    tx.insert(expertGroupTopicPosts).values({ topicId: id, authorId, body }).run();
    return id;
  };
  // Inside the caller's transaction (the demo seed), or in its own.
  return db ? write(db) : getDb().transaction(write);
}

export function replyToTopic(topicId: string, authorId: string, body: string): void {
  getDb().insert(expertGroupTopicPosts).values({ topicId, authorId, body }).run();
}

/** The group's discussions with their messages, oldest message first. */
export function topicsOf(groupId: string) {
  const db = getDb();
  const topics = db
    .select({ id: expertGroupTopics.id, title: expertGroupTopics.title, createdAt: expertGroupTopics.createdAt, authorName: users.name })
    .from(expertGroupTopics)
    .leftJoin(users, eq(users.id, expertGroupTopics.authorId))
    .where(eq(expertGroupTopics.groupId, groupId))
    .orderBy(desc(expertGroupTopics.createdAt))
    .all();
  const posts = topics.length
    ? db
        .select({ id: expertGroupTopicPosts.id, topicId: expertGroupTopicPosts.topicId, body: expertGroupTopicPosts.body, createdAt: expertGroupTopicPosts.createdAt, authorName: users.name })
        .from(expertGroupTopicPosts)
        .leftJoin(users, eq(users.id, expertGroupTopicPosts.authorId))
        .where(inArray(expertGroupTopicPosts.topicId, topics.map((t) => t.id)))
        .orderBy(asc(expertGroupTopicPosts.createdAt))
        .all()
    : [];
  return topics.map((t) => ({ ...t, posts: posts.filter((p) => p.topicId === t.id) }));
}
