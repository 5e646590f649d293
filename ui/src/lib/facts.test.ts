import { describe, expect, it } from "vitest";
import { castText, creditGroups, draftOf, emptyFacts, factsFrom, parseCast, runtimeProblem } from "./facts";

describe("film facts in the form", () => {
  it("reads the cast as Name = Character lines and back", () => {
    const credits = parseCast(" Akio Otsuka = Batou \n\nAtsuko Tanaka\nKoichi = Togusa = tall ");
    expect(credits).toEqual([
      { role: "actor", name: "Akio Otsuka", character: "Batou" },
      { role: "actor", name: "Atsuko Tanaka", character: null },
      { role: "actor", name: "Koichi", character: "Togusa = tall" },
    ]);
    expect(castText(credits)).toBe("Akio Otsuka = Batou\nAtsuko Tanaka\nKoichi = Togusa = tall");
  });

  it("replaces the edited roles, keeps producers and ids, and leaves directors out", () => {
    const base = {
      ...emptyFacts(),
      credits: [
        { role: "director" as const, name: "Mamoru Oshii", character: null },
        { role: "writer" as const, name: "Old Writer", character: null },
        { role: "producer" as const, name: "Mitsuhisa Ishikawa", character: null },
      ],
      externalIds: [{ source: "wikidata", value: "Q1140578" }],
    };
    const draft = { ...draftOf(base), writers: ["Mamoru Oshii"], runtime: "99", genres: ["Anime"] };
    const facts = factsFrom(base, draft);
    expect(facts.credits.map((c) => `${c.role}:${c.name}`)).toEqual(["writer:Mamoru Oshii", "producer:Mitsuhisa Ishikawa"]);
    expect(facts.externalIds).toEqual(base.externalIds);
    expect(facts.runtimeMinutes).toBe(99);
    expect(facts.genres).toEqual(["Anime"]);
    expect(runtimeProblem("1h40")).toMatch(/whole number of minutes/);
    expect(runtimeProblem("-3")).not.toBeNull();
    expect(runtimeProblem(" ")).toBeNull();
  });

  it("groups credits by role in the catalog's order, without directors", () => {
    const groups = creditGroups([
      { role: "composer", name: "Kenji Kawai", character: null },
      { role: "director", name: "Mamoru Oshii", character: null },
      { role: "actor", name: "Akio Otsuka", character: "Batou" },
    ]);
    expect(groups.map((g) => g.label)).toEqual(["Cast", "Music"]);
  });
});
