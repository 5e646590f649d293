import { describe, expect, it } from "vitest";
import type { FilmCompletion } from "./bindings/FilmCompletion";
import type { ReferenceFilm } from "./bindings/ReferenceFilm";
import { candidateDirectors, filledLine, matchLine, statusLabel, totalsLine } from "./completion";

const outcome = (over: Partial<FilmCompletion>): FilmCompletion => ({
  filmId: 1,
  title: "Stalker",
  year: 1979,
  status: "applied",
  match: null,
  filled: [],
  candidates: [],
  problem: null,
  ...over,
});

describe("completion wording", () => {
  it("names the filled fields as the film page does", () => {
    expect(filledLine(["directors", "runtimeMinutes", "externalIds", "poster"])).toBe("directors, runtime, ids, poster");
    expect(statusLabel(outcome({ filled: ["directors"] }))).toBe("filled: directors");
    expect(statusLabel(outcome({ status: "unmatched", problem: "too long" }))).toBe("not completed: too long");
    expect(statusLabel(outcome({ status: "unmatched" }))).toBe("no match");
  });

  it("reads a match with its service, id and likeness", () => {
    const match = { source: "wikidata", id: "Q1", score: 0.92, by: "title", title: "Daisies", year: 1966 } as const;
    expect(matchLine(match)).toBe("Daisies (1966) · wikidata:Q1 · 92%");
    expect(matchLine(null)).toBe("");
  });

  it("leaves zero counts out of the totals", () => {
    expect(totalsLine({ films: 30, applied: 27, review: 2, unmatched: 1, unchanged: 0, remaining: 0 })).toBe(
      "27 filled · 2 to review · 1 unmatched",
    );
    expect(totalsLine({ films: 3, applied: 0, review: 0, unmatched: 0, unchanged: 0, remaining: 1 })).toBe("1 film not reached");
    expect(totalsLine({ films: 0, applied: 0, review: 0, unmatched: 0, unchanged: 0, remaining: 0 })).toBe("nothing to do");
  });

  it("lists a candidate's directors in credit order", () => {
    const film = {
      credits: [
        { role: "actor", name: "Natalya Bondarchuk", order: 0, character: null },
        { role: "director", name: "B", order: 1, character: null },
        { role: "director", name: "A", order: 0, character: null },
      ],
    } as unknown as ReferenceFilm;
    expect(candidateDirectors(film)).toBe("A, B");
  });
});
