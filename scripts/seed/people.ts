import type { Role } from "../../app/domain/roles";

/** The password of every demo account (contract 6.2). */
export const DEMO_PASSWORD = "samen-onderzoeken";

export type PersonSeed = {
  email: string;
  name: string;
  memberships: { role: Role; org?: string }[]; // org: a school/institute key or "partnership:A"
};

/** The named demo accounts of contract 6.2. */
export const DEMO_ACCOUNTS: PersonSeed[] = [
  { email: "admin@demo.nl", name: "Fatima El Idrissi", memberships: [{ role: "admin" }] },
  { email: "programmaleider@demo.nl", name: "Marieke van Dijk", memberships: [{ role: "programmaleider", org: "partnership:A" }] },
  { email: "schoolleider@demo.nl", name: "Jeroen Bakker", memberships: [{ role: "schoolleider", org: "A1" }] },
  { email: "schoolleider2@demo.nl", name: "Samira Bouzid", memberships: [{ role: "schoolleider", org: "A2" }] },
  { email: "begeleider@demo.nl", name: "Annelies de Graaf", memberships: [{ role: "instituutsopleider", org: "PABO" }] },
  { email: "student@demo.nl", name: "Lotte Jansen", memberships: [{ role: "student", org: "PABO" }] },
  { email: "student2@demo.nl", name: "Daan Visser", memberships: [{ role: "student", org: "PABO" }] },
  { email: "student3@demo.nl", name: "Noor Hendriks", memberships: [{ role: "student", org: "ILVO" }] },
  { email: "expert@demo.nl", name: "Kees Mulder", memberships: [{ role: "leraar", org: "A2" }] },
];

const FIRST_NAMES = [
  "Emma", "Sem", "Julia", "Liam", "Mila", "Noah", "Tess", "Lucas", "Sophie", "Finn", "Zoë", "Milan",
  "Sara", "Levi", "Yara", "Bram", "Fenna", "Luuk", "Amira", "Jesse", "Lieke", "Thijs", "Hannah", "Ruben",
  "Ayoub", "Iris", "Mohamed", "Eva", "Stijn", "Nina", "Youssef", "Floor", "Jayden", "Anouk", "Mats", "Roos",
  "Ilse", "Koen", "Merel", "Wouter", "Esra", "Gijs", "Maud", "Tim", "Lara", "Sven", "Dewi", "Joost",
];

const LAST_NAMES = [
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
  "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
  "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
  "Yilmaz", "El Amrani", "Haddou", "Kaya", "Vermeulen", "van Beek", "Willems", "Hoekstra", "Koster",
];

/** Deterministic PRNG (mulberry32) so the demo region is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Fills the region with plausible staff and students around the named accounts:
 * per school a schoolleider, an onderzoekscoördinator or schoolopleider,
 * werkplekbegeleiders and teachers; per institute opleiders and students.
 */
export function generatePeople(schoolKeys: string[], instituteKeys: string[]): PersonSeed[] {
  const random = seededRandom(20261123);
  const used = new Set(DEMO_ACCOUNTS.map((p) => p.name));
  const emails = new Set(DEMO_ACCOUNTS.map((p) => p.email));
  const people: PersonSeed[] = [];

  function person(domain: string, role: Role, org: string): PersonSeed {
    let name = "";
    for (let tries = 0; tries < 500; tries++) {
      const first = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]!;
      const last = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]!;
      name = `${first} ${last}`;
      if (!used.has(name)) break;
    }
    used.add(name);
    let email = `${slug(name).replace(/-/g, ".")}@${domain}.demo.nl`;
    for (let n = 2; emails.has(email); n++) email = `${slug(name).replace(/-/g, ".")}${n}@${domain}.demo.nl`;
    emails.add(email);
    return { email, name, memberships: [{ role, org }] };
  }

  for (const key of schoolKeys) {
    const domain = `school-${key.toLowerCase()}`;
    // A1 and A2 already have their named schoolleider.
    if (key !== "A1" && key !== "A2") people.push(person(domain, "schoolleider", key));
    people.push(person(domain, key.endsWith("1") || key.endsWith("3") ? "onderzoekscoordinator" : "schoolopleider", key));
    people.push(person(domain, "werkplekbegeleider", key));
    people.push(person(domain, "werkplekbegeleider", key));
    people.push(person(domain, "leraar", key));
    people.push(person(domain, "leraar", key));
  }

  const studentsPerInstitute: Record<string, number> = { PABO: 24, ILVO: 22 };
  for (const key of instituteKeys) {
    const domain = key.toLowerCase();
    people.push(person(domain, "instituutsopleider", key));
    people.push(person(domain, "instituutsopleider", key));
    people.push(person(domain, "onderzoeker", key));
    for (let i = 0; i < (studentsPerInstitute[key] ?? 6); i++) people.push(person(`student.${domain}`, "student", key));
  }
  // Programme leader of the second partnership.
  people.push(person("waalrand", "programmaleider", "partnership:B"));
  return people;
}
