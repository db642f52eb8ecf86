/** The statuses of a matching round (mirrors ROUND_STATUSES in db/schema.ts). */
type RoundStatus = "open" | "berekend" | "gepubliceerd" | "gesloten";

/**
 * What the programmaleider sees before publishing a matching round (issue 20):
 * places against students per school and lab, how many are placed and at
 * which rank, and who is not placed and why — in the programme's words,
 * not the letter to the student. Pure: the model gathers the rows.
 */

/** A round is locked once published: no recalculation, no settings change, no hand adjustment. */
export function isRoundLocked(status: RoundStatus): boolean {
  return status === "gepubliceerd" || status === "gesloten";
}

/** Why a student was left without a place, as the programme leader reasons about it. */
export type UnplacedReason = "noChoices" | "noSupervision" | "full";

export type SummaryInput = {
  schools: { id: string; name: string; capacity: number; minimum: number; shortageTenths: number | null }[];
  labs: { id: string; name: string; seats: number }[];
  questions: { id: string; schoolId: string; capacity: number; labId: string | null }[];
  /** Every student in the round with their ranking (question ids, best first) and result. */
  students: { id: string; ranking: string[]; questionId: string | null; rank: number | null }[];
  maxRank: number;
};

export type RoundSummary = {
  students: number;
  placed: number;
  unplaced: number;
  /** byRank[r-1] = placed at rank r. */
  byRank: number[];
  schools: { id: string; name: string; capacity: number; minimum: number; shortageTenths: number | null; wanted: number; placed: number; minimumMet: boolean }[];
  labs: { id: string; name: string; seats: number; placed: number }[];
  unplacedBy: Record<UnplacedReason, number>;
};

export function unplacedReason(ranking: readonly string[], questions: ReadonlyMap<string, { schoolId: string; capacity: number }>, schoolCapacity: ReadonlyMap<string, number>): UnplacedReason {
  const usable = ranking.filter((id) => questions.has(id));
  if (usable.length === 0) return "noChoices";
  const anySupervised = usable.some((id) => {
    const q = questions.get(id)!;
    return q.capacity > 0 && (schoolCapacity.get(q.schoolId) ?? 0) > 0;
  });
  return anySupervised ? "full" : "noSupervision";
}

export function summariseRound(input: SummaryInput): RoundSummary {
  const questionById = new Map(input.questions.map((q) => [q.id, q]));
  const schoolCapacity = new Map(input.schools.map((s) => [s.id, s.capacity]));
  const byRank = new Array<number>(input.maxRank).fill(0);
  const placedAtSchool = new Map<string, number>();
  const placedInLab = new Map<string, number>();
  const wantedAtSchool = new Map<string, number>();
  const unplacedBy: Record<UnplacedReason, number> = { noChoices: 0, noSupervision: 0, full: 0 };
  let placed = 0;
  for (const s of input.students) {
    // Demand: a school counts every student who ranked one of its questions at all.
    for (const schoolId of new Set(s.ranking.flatMap((id) => (questionById.has(id) ? [questionById.get(id)!.schoolId] : [])))) {
      wantedAtSchool.set(schoolId, (wantedAtSchool.get(schoolId) ?? 0) + 1);
    }
    const q = s.questionId ? questionById.get(s.questionId) : undefined;
    if (s.questionId) {
      placed++;
      if (s.rank && s.rank <= byRank.length) byRank[s.rank - 1]!++;
      if (q) {
        placedAtSchool.set(q.schoolId, (placedAtSchool.get(q.schoolId) ?? 0) + 1);
        if (q.labId) placedInLab.set(q.labId, (placedInLab.get(q.labId) ?? 0) + 1);
      }
    } else {
      unplacedBy[unplacedReason(s.ranking, questionById, schoolCapacity)]++;
    }
  }
  return {
    students: input.students.length,
    placed,
    unplaced: input.students.length - placed,
    byRank,
    schools: input.schools.map((s) => {
      const n = placedAtSchool.get(s.id) ?? 0;
      return { ...s, wanted: wantedAtSchool.get(s.id) ?? 0, placed: n, minimumMet: n >= Math.min(s.minimum, s.capacity) };
    }),
    labs: input.labs.map((l) => ({ ...l, placed: placedInLab.get(l.id) ?? 0 })),
    unplacedBy,
  };
}

/**
 * How many students a question can take in a round: the places the school
 * offers, but never more than its own supervision (begeleidingscapaciteit)
 * can carry — unless supervision comes from the lab or the institute.
 */
export function questionCapacity(q: { capacity: number; supervisionCapacity: number; supervisionExternal: boolean }): number {
  return q.supervisionExternal ? q.capacity : Math.min(q.capacity, q.supervisionCapacity);
}
