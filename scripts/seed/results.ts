import type { DbOrTx } from "../../db/client";
import { actions, expertGroupResults, resultConsents, results } from "../../db/schema";
import { addGroupMember, addPost, createExpertGroup, planMeeting, startTopic } from "../../app/models/expert-group.server";

const present = (...ids: (string | undefined)[]) => ids.filter((id): id is string => !!id);

type Ctx = {
  regionId: string;
  schoolIdByKey: (key: string) => string;
  userIdByEmail: (email: string) => string | undefined;
  /** The first person with this role at this school/institute key. */
  personAt: (key: string, role: string) => string | undefined;
  now: number;
};

const DAY = 24 * 3600 * 1000;

type ResultSeed = {
  key: string;
  school: string;
  title: string;
  type: (typeof results.$inferInsert)["type"];
  visibility: NonNullable<(typeof results.$inferInsert)["visibility"]>;
  summary: string;
  conclusions: string;
  recommendations: string[];
  themes: string[];
  /** [recommendation index, status, days from now for the due date, reason] */
  actions: [number, "gepland" | "bezig" | "gedaan" | "losgelaten", number, string?][];
};

/**
 * Published results at every visibility level (contract 6.5), among them a
 * school-only result of school A1, each with implementation actions.
 */
const RESULTS: ResultSeed[] = [
  {
    key: "a1-school",
    school: "A1",
    title: "Rijke teksten bij wereldoriëntatie: evaluatie van het eerste jaar",
    type: "onderzoeksrapport",
    visibility: "school",
    summary:
      "We zijn gestopt met de methode voor begrijpend lezen en lezen nu rijke teksten bij wereldoriëntatie. Leerlingen lezen meer en praten beter over teksten; de toetsresultaten bleven gelijk.",
    conclusions: "De aanpak werkt als leraren vooraf de tekst samen voorbereiden. Zwakke lezers hebben extra voorleesmomenten nodig.",
    recommendations: [
      "Plan per thema één voorbereidingsoverleg per bouw.",
      "Voeg twee voorleesmomenten per week toe voor zwakke lezers.",
      "Evalueer na een jaar opnieuw met de leerlingvragenlijst.",
    ],
    themes: ["lezen-en-taal"],
    actions: [
      [0, "gedaan", -30],
      [1, "bezig", 20],
      [2, "gepland", 200],
    ],
  },
  {
    key: "a2-partnership",
    school: "A2",
    title: "Een veilig klimaat voor lhbtiq+-leerlingen: aanbevelingen voor mentoren",
    type: "advies",
    visibility: "partnership",
    summary:
      "Lhbtiq+-leerlingen voelen zich vooral onveilig in de gangen en bij gym. Mentoren die het onderwerp zelf aankaarten maken het verschil.",
    conclusions: "Zichtbaarheid van de GSA en duidelijke afspraken over taalgebruik helpen het meest.",
    recommendations: [
      "Bespreek in elke mentorles in september de omgangsafspraken.",
      "Geef de GSA een vaste plek en tijd in het rooster.",
      "Train gymdocenten in het omgaan met kleedkamersituaties.",
    ],
    themes: ["welbevinden-gedrag", "burgerschap"],
    actions: [
      [0, "gedaan", -60],
      [1, "gedaan", -40],
      [2, "gedaan", -10],
    ],
  },
  {
    key: "a5-region",
    school: "A5",
    title: "LOB in havo 4: van losse opdrachten naar loopbaangesprekken",
    type: "samenvatting",
    visibility: "region",
    summary:
      "Leerlingen vinden gesprekken met hun mentor en met mensen uit de praktijk het waardevolst. Losse opdrachten zonder nabespreking leveren weinig op.",
    conclusions: "Drie loopbaangesprekken per jaar, voorbereid met een korte reflectie, werken beter dan het huidige portfolio.",
    recommendations: [
      "Vervang het LOB-portfolio door drie loopbaangesprekken per jaar.",
      "Organiseer een praktijkdag met ouders en bedrijven.",
      "Laat leerlingen hun keuze presenteren aan de mentorgroep.",
      "Maak een jaarplanning LOB voor havo 4 en 5.",
    ],
    themes: ["loopbaanorientatie"],
    actions: [
      [0, "gedaan", -20],
      [1, "gepland", -5],
      [2, "losgelaten", 30, "Past niet in het rooster van havo 4; we nemen het mee in havo 5."],
      [3, "gedaan", -2],
    ],
  },
  {
    key: "b3-public",
    school: "B3",
    title: "Voorleesontbijt met ouders: opkomst en effect op leesplezier",
    type: "poster",
    visibility: "public",
    summary:
      "Een maandelijks voorleesontbijt trok na drie keer de helft van de ouders. Kinderen van wie de ouders kwamen, lazen thuis vaker.",
    conclusions: "Laagdrempelig, vroeg op de dag en met een concrete voorleestip voor thuis: dat brengt ouders naar school.",
    recommendations: ["Houd het voorleesontbijt elke maand.", "Geef ouders een boekentas mee om thuis voor te lezen."],
    themes: ["ouderbetrokkenheid", "lezen-en-taal"],
    actions: [
      [0, "gedaan", -90],
      [1, "bezig", 14],
    ],
  },
  {
    key: "b5-public",
    school: "B5",
    title: "Simulaties met cliënten met dementie in de zorgopleiding",
    type: "lesmateriaal",
    visibility: "public",
    summary:
      "Vier simulatielessen met een acteur bereiden studenten beter voor op contact met cliënten met dementie, volgens studenten én stagebedrijven.",
    conclusions: "Oefenen met feedback van een ervaringsdeskundige maakt studenten rustiger en zekerder in het contact.",
    recommendations: ["Neem de simulatielessen op in het eerste leerjaar.", "Nodig stagebegeleiders uit bij de nabespreking."],
    themes: ["praktijkleren"],
    actions: [
      [0, "gedaan", -15],
      [1, "gepland", 40],
    ],
  },
];

export function seedResults(tx: DbOrTx, ctx: Ctx): Map<string, string> {
  const ids = new Map<string, string>();
  for (const seed of RESULTS) {
    const schoolId = ctx.schoolIdByKey(seed.school);
    const leader = ctx.personAt(seed.school, "schoolleider");
    const row = tx
      .insert(results)
      .values({
        schoolId,
        title: seed.title,
        type: seed.type,
        visibility: seed.visibility,
        summary: seed.summary,
        conclusions: seed.conclusions,
        recommendations: JSON.stringify(seed.recommendations),
        themeIds: JSON.stringify(seed.themes),
        authorId: leader ?? null,
        publishedAt: new Date(ctx.now - 100 * DAY).toISOString(),
      })
      .returning({ id: results.id })
      .get();
    ids.set(seed.key, row.id);
    if (seed.visibility !== "school" && leader) {
      tx.insert(resultConsents)
        .values({ resultId: row.id, userId: leader, role: "schoolleider", visibility: seed.visibility, at: new Date(ctx.now - 101 * DAY).toISOString() })
        .run();
    }
    const owner = ctx.personAt(seed.school, "onderzoekscoordinator") ?? ctx.personAt(seed.school, "schoolopleider") ?? leader;
    for (const [index, status, dueInDays, reason] of seed.actions) {
      tx.insert(actions)
        .values({
          resultId: row.id,
          schoolId,
          title: seed.recommendations[index]!,
          ownerId: owner ?? null,
          dueDate: new Date(ctx.now + dueInDays * DAY).toISOString().slice(0, 10),
          status,
          reason: reason ?? "",
          updatedAt: new Date(ctx.now - 5 * DAY).toISOString(),
        })
        .run();
    }
  }

  // Two regional expert groups; expert@demo.nl is a member of the ICT group.
  const ict = createExpertGroup(
    {
      regionId: ctx.regionId,
      name: "Expertgroep ICT en digitale geletterdheid",
      themeId: "ict-digitale-geletterdheid",
      description: "Leraren, opleiders en studenten uit de regio delen wat werkt met digitale geletterdheid en AI in de klas.",
      joinPolicy: "open",
    },
    present(ctx.userIdByEmail("expert@demo.nl")),
    tx,
  );
  const reading = createExpertGroup(
    {
      regionId: ctx.regionId,
      name: "Expertgroep Lezen en taal",
      themeId: "lezen-en-taal",
      description: "Voor iedereen die werkt aan leesmotivatie, begrijpend lezen en ouderbetrokkenheid bij lezen.",
      joinPolicy: "moderated",
    },
    present(ctx.personAt("B3", "onderzoekscoordinator")),
    tx,
  );

  const member = (groupId: string, userId: string | undefined) => {
    if (userId) addGroupMember(groupId, userId, "member", tx);
  };
  member(ict, ctx.personAt("A8", "leraar"));
  member(ict, ctx.personAt("B1", "leraar"));
  member(ict, ctx.userIdByEmail("student3@demo.nl"));
  member(reading, ctx.userIdByEmail("schoolleider@demo.nl"));
  member(reading, ctx.userIdByEmail("begeleider@demo.nl"));
  member(reading, ctx.userIdByEmail("student@demo.nl"));

  // Shared results and their discussion are history: written as they happened.
  tx.insert(expertGroupResults).values({ groupId: reading, resultId: ids.get("b3-public")!, sharedById: ctx.personAt("B3", "onderzoekscoordinator") ?? null }).run();
  tx.insert(expertGroupResults).values({ groupId: ict, resultId: ids.get("a5-region")!, sharedById: ctx.userIdByEmail("expert@demo.nl") ?? null }).run();
  const schoolleider = ctx.userIdByEmail("schoolleider@demo.nl");
  if (schoolleider) {
    addPost(reading, ids.get("b3-public")!, schoolleider, "Mooi resultaat! Hoe hebben jullie de ouders uitgenodigd: via de app of persoonlijk bij het hek?", {
      db: tx,
      at: new Date(ctx.now - 3 * DAY),
    });
  }
  const coordinator = ctx.personAt("B3", "onderzoekscoordinator");
  if (coordinator) {
    addPost(reading, ids.get("b3-public")!, coordinator, "Vooral persoonlijk, en de kinderen maakten zelf een uitnodiging. Dat werkte het best.", {
      db: tx,
      at: new Date(ctx.now - 2 * DAY),
    });
  }
  planMeeting(
    reading,
    {
      title: "Netwerkbijeenkomst leesmotivatie",
      startsAt: new Date(ctx.now + 21 * DAY).toISOString(),
      location: "Hogeschool Rivierland, Lingestad",
      agenda: "1. Opening\n2. Drie scholen vertellen over hun leesaanpak\n3. Wat nemen we mee naar de eigen school?",
    },
    tx,
  );
  const expert = ctx.userIdByEmail("expert@demo.nl");
  if (expert) startTopic(reading, expert, "Wie heeft ervaring met een leesclub voor ouders?", "Wij willen ouders meer betrekken bij het lezen thuis. Wie heeft tips?", tx);
  planMeeting(ict, { title: "AI in de klas: ervaringen delen", startsAt: new Date(ctx.now + 35 * DAY).toISOString(), location: "Online" }, tx);
  return ids;
}
