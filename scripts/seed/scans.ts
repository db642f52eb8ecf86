import { and, asc, eq, inArray } from "drizzle-orm";
import { ASPECTS, type Phase } from "../../app/domain/culture-scan";
import type { DbOrTx } from "../../db/client";
import { cultureScans, memberships, questions, scanAgreements, scanResponses, schoolShortages } from "../../db/schema";
import { seededRandom } from "./people";
import { CURRENT_SCHOOL_YEAR, PREVIOUS_SCHOOL_YEAR } from "./questions";

type Ctx = {
  schoolIdByKey: (key: string) => string;
  now: number;
};

const DAY = 24 * 3600 * 1000;

/** Open vacancies per school in tenths of an FTE: po 0.5–3.0, some vo and so higher. */
const SHORTAGES: Record<string, number> = {
  A1: 15, A2: 42, A3: 30, A4: 8, A5: 55, A6: 24, A7: 36, A8: 5,
  B1: 61, B2: 12, B3: 27, B4: 48, B5: 33, B6: 20,
};

type ScanSeed = {
  school: string;
  year: string;
  status: "open" | "gesloten";
  /** Starting level per aspect (index as ASPECTS), before individual spread. */
  level: number[];
  /** How many staff members answered (taken in membership order); 2 shows the privacy threshold. */
  respondents: number;
  /** Skip these roles as respondents (so the browser test can answer as them). */
  skipRoles?: string[];
  /** Agreed phase per aspect (index as ASPECTS) and the priorities (aspect index → action). */
  agreed?: number[];
  priorities?: [number, string][];
};

const SCANS: ScanSeed[] = [
  {
    school: "A1", year: PREVIOUS_SCHOOL_YEAR, status: "gesloten", respondents: 6,
    level: [1.6, 2.0, 2.4, 1.4, 1.8, 2.6, 1.2, 1.5],
    agreed: [2, 2, 2, 1, 2, 3, 1, 1],
    priorities: [
      [3, "Elke bouwvergadering begint met een korte analyse van de leesdata en één artikel."],
      [6, "Twee studiemiddagen per jaar vrij roosteren voor de onderzoeksgroep."],
    ],
  },
  {
    school: "A1", year: CURRENT_SCHOOL_YEAR, status: "open", respondents: 3, skipRoles: ["leraar", "schoolleider"],
    level: [2.2, 2.4, 2.8, 2.1, 2.5, 2.9, 1.9, 1.7],
  },
  {
    school: "A2", year: PREVIOUS_SCHOOL_YEAR, status: "gesloten", respondents: 6,
    level: [2.1, 1.8, 1.7, 2.3, 1.5, 1.9, 1.6, 2.2],
    agreed: [2, 2, 2, 2, 1, 2, 2, 2],
    priorities: [
      [4, "Een onderzoeksgroep van docenten en studenten start rond mentoraat en veiligheid."],
      [2, "Sectievergaderingen krijgen een vast agendapunt 'wat zagen we in de les?'."],
      [5, "Lesbezoek bij elkaar: elke docent twee keer per jaar, met een kijkwijzer."],
    ],
  },
  {
    school: "A2", year: CURRENT_SCHOOL_YEAR, status: "open", respondents: 4, skipRoles: ["leraar"],
    level: [2.4, 2.3, 2.5, 2.6, 2.3, 2.4, 2.0, 2.5],
  },
  {
    school: "A3", year: PREVIOUS_SCHOOL_YEAR, status: "gesloten", respondents: 5,
    level: [1.3, 1.5, 1.9, 1.2, 1.1, 2.2, 1.0, 1.3],
    agreed: [1, 2, 2, 1, 1, 2, 1, 1],
    priorities: [[4, "Een werkgroep van drie leraren onderzoekt het rekenaanbod in groep 5-6."]],
  },
  {
    school: "A3", year: CURRENT_SCHOOL_YEAR, status: "gesloten", respondents: 5,
    level: [1.8, 2.0, 2.3, 1.7, 2.0, 2.5, 1.6, 1.5],
    agreed: [2, 2, 2, 2, 2, 3, 2, 1],
    priorities: [
      [7, "De werkgroep presenteert haar opbrengsten op de partnerschapsdag."],
      [3, "Schooldata rekenen worden twee keer per jaar samen geduid."],
    ],
  },
  {
    school: "A5", year: PREVIOUS_SCHOOL_YEAR, status: "gesloten", respondents: 6,
    level: [2.6, 2.8, 2.4, 3.0, 2.7, 2.5, 2.2, 2.9],
    agreed: [3, 3, 2, 3, 3, 2, 2, 3],
    priorities: [[2, "Intervisie per sectie met de methode van de reflectieve dialoog."]],
  },
  {
    school: "B1", year: PREVIOUS_SCHOOL_YEAR, status: "gesloten", respondents: 6,
    level: [2.9, 3.1, 2.6, 3.2, 3.0, 2.7, 2.8, 3.3],
    agreed: [3, 3, 3, 3, 3, 3, 3, 3],
    priorities: [[5, "Nieuwe docenten lopen hun eerste jaar mee in een onderzoeksgroep."]],
  },
  {
    school: "B1", year: CURRENT_SCHOOL_YEAR, status: "gesloten", respondents: 6,
    level: [3.2, 3.3, 2.9, 3.5, 3.2, 3.0, 3.1, 3.6],
    agreed: [3, 3, 3, 4, 3, 3, 3, 4],
    priorities: [[2, "Elk team kiest één vraag van de agenda om met de reflectieve dialoog te verdiepen."]],
  },
  {
    school: "B2", year: PREVIOUS_SCHOOL_YEAR, status: "gesloten", respondents: 4,
    level: [1.5, 1.9, 2.1, 1.6, 1.4, 2.3, 1.3, 1.2],
    agreed: [2, 2, 2, 2, 1, 2, 1, 1],
    priorities: [[6, "Onderzoekstijd opnemen in het taakbeleid van volgend schooljaar."]],
  },
  {
    // Only two respondents: the page shows nothing but the agreed phases.
    school: "B3", year: PREVIOUS_SCHOOL_YEAR, status: "gesloten", respondents: 2,
    level: [1.8, 1.6, 2.0, 1.5, 1.3, 2.1, 1.4, 1.6],
    agreed: [2, 2, 2, 1, 1, 2, 1, 2],
    priorities: [[4, "Samen met de pabo een onderzoeksgroep starten rond jonge kinderen."]],
  },
];

const clampPhase = (n: number): Phase => Math.min(4, Math.max(1, Math.round(n))) as Phase;

/**
 * School shortages for every demo school and two years of culture scans
 * (issue 7), so the scan page and the region dashboard show a trend.
 * Respondents are the staff seeded earlier in the same transaction.
 */
export function seedScans(tx: DbOrTx, ctx: Ctx): void {
  const random = seededRandom(7_2026);
  const updatedAt = new Date(ctx.now).toISOString();
  for (const [key, tenths] of Object.entries(SHORTAGES)) {
    tx.insert(schoolShortages).values({ schoolId: ctx.schoolIdByKey(key), vacancyTenths: tenths, updatedAt }).run();
  }

  for (const seed of SCANS) {
    const schoolId = ctx.schoolIdByKey(seed.school);
    const staff = tx
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.schoolId, schoolId),
          inArray(memberships.role, ["schoolleider", "onderzoekscoordinator", "schoolopleider", "werkplekbegeleider", "leraar"]),
        ),
      )
      .orderBy(asc(memberships.id))
      .all()
      .filter((m) => !seed.skipRoles?.includes(m.role))
      .slice(0, seed.respondents);
    const leader = tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.schoolId, schoolId), eq(memberships.role, "schoolleider")))
      .get();
    const previous = seed.year === PREVIOUS_SCHOOL_YEAR;
    const openedAt = new Date(ctx.now - (previous ? 400 : 40) * DAY);
    const scan = tx
      .insert(cultureScans)
      .values({
        schoolId,
        schoolYear: seed.year,
        status: seed.status,
        openedById: leader?.userId ?? null,
        createdAt: openedAt.toISOString(),
        closedAt: seed.status === "gesloten" ? new Date(openedAt.getTime() + 30 * DAY).toISOString() : null,
      })
      .returning({ id: cultureScans.id })
      .get();

    staff.forEach((person, i) => {
      ASPECTS.forEach((aspect, a) => {
        // Individual spread around the school's level: most within one phase, some further off.
        const noise = (random() - 0.5) * 2.2;
        tx.insert(scanResponses)
          .values({
            scanId: scan.id,
            userId: person.userId,
            aspectId: aspect.id,
            phase: clampPhase(seed.level[a]! + noise),
            answeredAt: new Date(openedAt.getTime() + (i + 1) * DAY).toISOString(),
          })
          .run();
      });
    });

    if (seed.agreed) {
      const linkable = tx
        .select({ id: questions.id })
        .from(questions)
        .where(and(eq(questions.schoolId, schoolId), eq(questions.schoolYear, seed.year)))
        .orderBy(asc(questions.priority))
        .all();
      ASPECTS.forEach((aspect, a) => {
        const priorityIndex = seed.priorities?.findIndex(([index]) => index === a) ?? -1;
        const priority = priorityIndex >= 0 ? seed.priorities![priorityIndex]! : null;
        tx.insert(scanAgreements)
          .values({
            scanId: scan.id,
            aspectId: aspect.id,
            agreedPhase: seed.agreed![a]!,
            priority: !!priority,
            action: priority?.[1] ?? "",
            questionId: priority ? (linkable[priorityIndex]?.id ?? null) : null,
          })
          .run();
      });
    }
  }
}
