import * as Y from "yjs";

/**
 * The partly written demo plan (contract 6.2): realistic text in the first
 * sections, the rest still empty. Built in Tiptap/ProseMirror structure
 * (paragraph/bulletList/listItem elements with XmlText) so the editor shows it.
 */
type Node = { p: string | [string, Record<string, object>][] } | { ul: string[] } | { ol: string[] };

const CONTENT: Record<string, Node[]> = {
  aanleiding: [
    {
      p: "Op Basisschool De Regenboog zien de leerkrachten van groep 6 tot en met 8 dat steeds minder leerlingen uit zichzelf een boek pakken. Tijdens het vrij lezen wordt er veel gebladerd en weinig gelezen, en in de leesgesprekken noemen leerlingen lezen vaak 'saai' of 'moeten'.",
    },
    {
      p: [
        ["Het team heeft leesmotivatie daarom als speerpunt in het schoolplan opgenomen. ", {}],
        ["De school wil weten welke aanpak in de eigen klassen werkt", { bold: {} }],
        [" voordat zij investeert in een nieuwe schoolbibliotheek.", {}],
      ],
    },
  ],
  probleem: [
    {
      p: "Uit de leesmonitor van vorig schooljaar blijkt dat 42% van de leerlingen in groep 6-8 aangeeft 'niet graag' of 'helemaal niet graag' te lezen. Dat is meer dan het landelijke beeld. Tegelijk daalden de resultaten voor begrijpend lezen licht.",
    },
    { p: "In gesprekken met leerkrachten noemden zij drie mogelijke oorzaken:" },
    {
      ul: [
        "het aanbod in de klassenbibliotheek is verouderd en sluit niet aan bij de interesses van leerlingen;",
        "vrij lezen krijgt weinig begeleiding en geen nabespreking;",
        "leerlingen zien thuis en op school weinig volwassenen die zelf lezen.",
      ],
    },
  ],
  doel: [
    {
      p: "Het doel van dit onderzoek is om samen met het team te ontwerpen en uit te proberen hoe het vrij lezen in groep 6-8 zo kan worden ingericht dat leerlingen meer plezier in lezen krijgen. Aan het eind van het schooljaar ligt er een aanpak die de leerkrachten zelf kunnen voortzetten.",
    },
  ],
  onderzoeksvraag: [
    {
      p: [
        ["Hoofdvraag: ", { bold: {} }],
        ["Hoe kunnen leerkrachten van groep 6-8 het vrij lezen zo inrichten dat de leesmotivatie van hun leerlingen toeneemt?", { italic: {} }],
      ],
    },
    { p: "Deelvragen:" },
    {
      ol: [
        "Hoe ervaren leerlingen en leerkrachten het vrij lezen nu?",
        "Welke kenmerken van een leesomgeving bevorderen volgens de literatuur leesmotivatie?",
        "Welke aanpassingen passen bij de school en hoe worden ze uitgevoerd?",
        "Wat is het effect van de aanpassingen op de leesmotivatie van leerlingen?",
      ],
    },
  ],
  "theoretisch-kader": [
    {
      p: "Leesmotivatie is de drijfveer om te gaan lezen en te blijven lezen. In de zelfdeterminatietheorie wordt onderscheid gemaakt tussen intrinsieke motivatie (lezen omdat je het leuk vindt) en extrinsieke motivatie (lezen om een beloning of cijfer). Vooral intrinsieke motivatie hangt samen met leesgedrag en leesvaardigheid.",
    },
    {
      p: "Drie basisbehoeften spelen daarbij een rol: autonomie (zelf kunnen kiezen), competentie (het gevoel het te kunnen) en verbondenheid (samen over boeken praten). In het vervolg van dit kader werken we uit wat dit betekent voor",
    },
  ],
};

function textNode(content: string | [string, Record<string, object>][]): Y.XmlText {
  const text = new Y.XmlText();
  if (typeof content === "string") {
    text.insert(0, content);
  } else {
    let at = 0;
    for (const [part, marks] of content) {
      // Explicit nulls: Yjs would otherwise continue the previous part's marks.
      text.insert(at, part, { bold: marks.bold ?? null, italic: marks.italic ?? null });
      at += part.length;
    }
  }
  return text;
}

function paragraph(content: string | [string, Record<string, object>][]): Y.XmlElement {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [textNode(content)]);
  return p;
}

function list(kind: "bulletList" | "orderedList", items: string[]): Y.XmlElement {
  const el = new Y.XmlElement(kind);
  el.insert(
    0,
    items.map((item) => {
      const li = new Y.XmlElement("listItem");
      li.insert(0, [paragraph(item)]);
      return li;
    }),
  );
  return el;
}

/** The demo plan as one Yjs update (Y.encodeStateAsUpdate), ready for plan_snapshots. */
export function buildDemoPlanState(): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const [sectionId, nodes] of Object.entries(CONTENT)) {
      const fragment = doc.getXmlFragment(`section:${sectionId}`);
      const elements = nodes.map((n) => ("p" in n ? paragraph(n.p) : "ul" in n ? list("bulletList", n.ul) : list("orderedList", n.ol)));
      // The editor keeps an empty paragraph after a list that ends a section (Tiptap's
      // trailing node). Without it here, the first student to open the plan would
      // write one: a change nobody made, which the version comparison then shows.
      if (elements.at(-1)?.nodeName !== "paragraph") elements.push(new Y.XmlElement("paragraph"));
      fragment.insert(0, elements);
    }
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
