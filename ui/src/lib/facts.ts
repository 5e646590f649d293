import type { Credit } from "./bindings/Credit";
import type { CreditRole } from "./bindings/CreditRole";
import type { FilmFacts } from "./bindings/FilmFacts";

/** How the film page heads each role's people. */
export const ROLE_LABELS: Record<CreditRole, string> = {
  director: "Directed by",
  writer: "Written by",
  actor: "Cast",
  composer: "Music",
  cinematographer: "Photography",
  producer: "Produced by",
  editor: "Edited by",
};

/** The roles the film form edits beside the directors; producers and editors are kept as they are. */
export const EDITED_ROLES = ["writer", "actor", "composer", "cinematographer"] as const;
export type EditedRole = (typeof EDITED_ROLES)[number];

export function emptyFacts(): FilmFacts {
  return {
    runtimeMinutes: null,
    credits: [],
    genres: [],
    countries: [],
    originalLanguage: null,
    synopsis: null,
    externalIds: [],
  };
}

export function namesIn(credits: Credit[], role: CreditRole): string[] {
  return credits.filter((credit) => credit.role === role).map((credit) => credit.name);
}

/** The cast as the form's text: one person a line, `Name = Character` when the part is known. */
export function castText(credits: Credit[]): string {
  return credits
    .filter((credit) => credit.role === "actor")
    .map((credit) => (credit.character ? `${credit.name} = ${credit.character}` : credit.name))
    .join("\n");
}

/** The form's cast text back into credits; blank lines are skipped. */
export function parseCast(text: string): Credit[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const at = line.indexOf("=");
      const name = (at < 0 ? line : line.slice(0, at)).trim();
      const character = at < 0 ? "" : line.slice(at + 1).trim();
      return { role: "actor" as const, name, character: character || null };
    });
}

/** Credits grouped by role for display, in the catalog's role order, directors left out. */
export function creditGroups(credits: Credit[]): { role: CreditRole; label: string; credits: Credit[] }[] {
  const roles = Object.keys(ROLE_LABELS) as CreditRole[];
  return roles
    .filter((role) => role !== "director")
    .map((role) => ({ role, label: ROLE_LABELS[role], credits: credits.filter((c) => c.role === role) }))
    .filter((group) => group.credits.length > 0);
}

/** What the form edits of a film's facts. */
export type FactsDraft = {
  writers: string[];
  cast: string;
  composers: string[];
  cinematographers: string[];
  genres: string[];
  countries: string[];
  language: string;
  runtime: string;
  synopsis: string;
};

export function draftOf(facts: FilmFacts): FactsDraft {
  return {
    writers: namesIn(facts.credits, "writer"),
    cast: castText(facts.credits),
    composers: namesIn(facts.credits, "composer"),
    cinematographers: namesIn(facts.credits, "cinematographer"),
    genres: [...facts.genres],
    countries: [...facts.countries],
    language: facts.originalLanguage ?? "",
    runtime: facts.runtimeMinutes?.toString() ?? "",
    synopsis: facts.synopsis ?? "",
  };
}

/**
 * `base` with the draft over it: the edited roles replaced, producers and editors and the ids kept,
 * directors left to the form's own field. Check the runtime with `runtimeProblem` first.
 */
export function factsFrom(base: FilmFacts, draft: FactsDraft): FilmFacts {
  const people = (role: CreditRole, names: string[]): Credit[] => names.map((name) => ({ role, name, character: null }));
  const kept = base.credits.filter((c) => c.role === "producer" || c.role === "editor");
  const runtime = draft.runtime.trim();
  return {
    ...base,
    credits: [
      ...people("writer", draft.writers),
      ...parseCast(draft.cast),
      ...people("composer", draft.composers),
      ...people("cinematographer", draft.cinematographers),
      ...kept,
    ],
    genres: draft.genres,
    countries: draft.countries,
    originalLanguage: draft.language.trim() || null,
    runtimeMinutes: runtime === "" ? null : Number(runtime),
    synopsis: draft.synopsis.trim() || null,
  };
}

/** Why the typed runtime cannot be stored as whole minutes, or null when it can (blank included). */
export function runtimeProblem(text: string): string | null {
  const runtime = text.trim();
  if (runtime === "") return null;
  const minutes = Number(runtime);
  return Number.isInteger(minutes) && minutes > 0 ? null : "Runtime is a whole number of minutes, like 104.";
}

/** The film's facts when `film` carries them (a film's detail does, a library row does not). */
export function factsOf(film: object | null): FilmFacts | null {
  return film && "credits" in film ? (film as FilmFacts) : null;
}
