import { describe, expect, it } from "vitest";
import { looksLikeControlQuestion } from "./question-hints";

describe("looksLikeControlQuestion", () => {
  it.each([
    "Waar gaat het fout bij de woordenschatlessen in groep 5?",
    "Wat gaat er mis met de huiswerkbegeleiding?",
    "Wie is er verantwoordelijk voor de lage cijfers?",
    "Waarom halen leerlingen hun toetsen niet?",
    "Klopt het dat de methode niet werkt?",
  ])("flags %s", (title) => expect(looksLikeControlQuestion(title)).toBe(true));

  it.each([
    "Hoe vergroten we de leesmotivatie in groep 6 tot en met 8?",
    "Hoe kunnen we ouders van nieuwkomers beter betrekken?",
    "Welke aanpak van begrijpend lezen past bij onze school?",
  ])("leaves %s alone", (title) => expect(looksLikeControlQuestion(title)).toBe(false));
});
