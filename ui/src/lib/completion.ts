// How a completion run and its review queue read for a person: pure helpers the Complete view uses.
import type { CompletionMatch } from "./bindings/CompletionMatch";
import type { CompletionTotals } from "./bindings/CompletionTotals";
import type { FilmCompletion } from "./bindings/FilmCompletion";
import type { ReferenceFilm } from "./bindings/ReferenceFilm";
import { countOf } from "./plural";

/** The names the core gives the fields it fills, as the film page labels them. */
const FIELD_LABELS: Record<string, string> = {
  title: "title",
  originalTitle: "original title",
  year: "year",
  runtimeMinutes: "runtime",
  directors: "directors",
  writers: "writers",
  cast: "cast",
  composers: "music",
  cinematographers: "photography",
  producers: "producers",
  editors: "editors",
  genres: "genres",
  countries: "countries",
  originalLanguage: "language",
  synopsis: "synopsis",
  externalIds: "ids",
  poster: "poster",
};

export function filledLine(filled: string[]): string {
  return filled.map((field) => FIELD_LABELS[field] ?? field).join(", ");
}

export function titleYear(title: string, year: number | null): string {
  return year ? `${title} (${year})` : title;
}

/** "Solaris (1972) · wikidata:Q228186 · 92%" */
export function matchLine(match: CompletionMatch | null): string {
  if (!match) return "";
  return `${titleYear(match.title, match.year)} · ${match.source}:${match.id} · ${percent(match.score)}`;
}

export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** The directors a candidate names, for telling remakes apart. */
export function candidateDirectors(film: ReferenceFilm): string {
  return film.credits
    .filter((credit) => credit.role === "director")
    .sort((a, b) => a.order - b.order)
    .map((credit) => credit.name)
    .join(", ");
}

export function statusLabel(outcome: FilmCompletion): string {
  switch (outcome.status) {
    case "applied":
      return `filled: ${filledLine(outcome.filled)}`;
    case "unchanged":
      return "nothing blank to fill";
    case "review":
      return "to review";
    case "unmatched":
      return outcome.problem ? `not completed: ${outcome.problem}` : "no match";
  }
}

/** "27 filled · 2 to review · 1 unmatched", leaving out what is zero. */
export function totalsLine(totals: CompletionTotals): string {
  const parts = [
    totals.applied ? `${totals.applied} filled` : "",
    totals.review ? `${totals.review} to review` : "",
    totals.unmatched ? `${totals.unmatched} unmatched` : "",
    totals.unchanged ? `${totals.unchanged} unchanged` : "",
    totals.remaining ? `${countOf(totals.remaining, "film", "films")} not reached` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "nothing to do";
}
