/** Public input and output of the matching engine (see allocate.ts). */
export type AllocationInput = {
  /** Question ids, best first (rank 1 = ranking[0]). */
  students: { id: string; ranking: string[] }[];
  questions: { id: string; schoolId: string; capacity: number; labId?: string }[];
  /** capacity = supervision places; minimum = solidarity quota. */
  schools: { id: string; capacity: number; minimum?: number }[];
  /** A question with a labId also uses a seat of that lab. */
  labs?: { id: string; capacity: number }[];
};

export type Assignment = { studentId: string; questionId: string; rank: number };

export type AllocationResult = {
  assignments: Assignment[];
  /** Student ids. */
  unassigned: string[];
  /** profile[r-1] = students placed at rank r. */
  profile: number[];
  /** studentId -> Dutch sentence: why this place / none. */
  explanations: Record<string, string>;
};
