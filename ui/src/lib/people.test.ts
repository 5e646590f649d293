import { describe, expect, it } from "vitest";
import { completion, ghosts, initials, lifespan, percentSeen, personQuery } from "./people";
import type { PersonRole } from "./bindings/PersonRole";
import type { Filmography } from "./bindings/Filmography";

const role = (r: PersonRole["role"], seen: number, total: number): PersonRole => ({ role: r, seen, total, films: [] });

describe("person pages", () => {
  it("says how many of a role's films were seen", () => {
    expect(completion(role("director", 14, 19))).toBe("seen 14 of 19 films directed");
    expect(completion(role("actor", 0, 1))).toBe("seen 0 of 1 film acted in");
    expect(percentSeen(role("writer", 1, 3))).toBe(33);
    expect(percentSeen(role("writer", 0, 0))).toBe(0);
  });

  it("shows birth and death years when known", () => {
    const person = { id: 1, name: "A", wikidataId: null, tmdbId: null, birthYear: 1928, deathYear: 2019 };
    expect(lifespan(person)).toBe("1928–2019");
    expect(lifespan({ ...person, deathYear: null })).toBe("born 1928");
    expect(lifespan({ ...person, birthYear: null, deathYear: null })).toBe("");
  });

  it("keeps only the filmography's films the catalog does not have", () => {
    const entry = (title: string, inCatalog: number | null) => ({
      referenceId: `wikidata:${title}`,
      title,
      year: null,
      roles: [],
      character: null,
      externalIds: [],
      inCatalog,
    });
    const filmography: Filmography = {
      source: "wikidata",
      birthYear: null,
      deathYear: null,
      photoUrl: null,
      entries: [entry("Totoro", null), entry("Spirited Away", 4), entry("Mononoke", null)],
    };
    expect(ghosts(filmography).map((e) => e.title)).toEqual(["Totoro", "Mononoke"]);
    expect(ghosts(undefined)).toEqual([]);
  });

  it("asks for a person by id or name and draws initials", () => {
    expect(personQuery(12)).toBe("12");
    expect(personQuery("  Agnès Varda ")).toBe("Agnès Varda");
    expect(initials("Agnès Varda")).toBe("AV");
    expect(initials("Jean-Pierre  Jeunet")).toBe("JJ");
    expect(initials("Madonna")).toBe("M");
  });
});
