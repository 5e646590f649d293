// What the person page shows beside the data: completion sentences, markers, and the films of a
// filmography the catalog does not have yet ("ghosts").
import type { CreditRole } from "./bindings/CreditRole";
import type { Filmography } from "./bindings/Filmography";
import type { FilmographyEntry } from "./bindings/FilmographyEntry";
import type { Person } from "./bindings/Person";
import type { PersonRole } from "./bindings/PersonRole";
import type { SeenStatus } from "./bindings/SeenStatus";

const PARTICIPLES: Record<CreditRole, string> = {
  director: "directed",
  writer: "written",
  actor: "acted in",
  composer: "scored",
  cinematographer: "photographed",
  producer: "produced",
  editor: "edited",
};

/** "seen 14 of 19 films directed". */
export function completion(role: PersonRole): string {
  const films = role.total === 1 ? "film" : "films";
  return `seen ${role.seen} of ${role.total} ${films} ${PARTICIPLES[role.role]}`;
}

/** The share seen, 0 to 100, for a progress bar. */
export function percentSeen(role: PersonRole): number {
  return role.total === 0 ? 0 : Math.round((role.seen / role.total) * 100);
}

export const STATUS_LABELS: Record<SeenStatus, string> = {
  seen: "Seen",
  watchlist: "On watchlist",
  notSeen: "Not seen",
};

/** "1941–2024", "born 1941", or nothing. */
export function lifespan(person: Person): string {
  if (person.birthYear && person.deathYear) return `${person.birthYear}–${person.deathYear}`;
  if (person.birthYear) return `born ${person.birthYear}`;
  return "";
}

/** Filmography entries the catalog does not have, in the filmography's order. */
export function ghosts(filmography: Filmography | undefined | null): FilmographyEntry[] {
  return (filmography?.entries ?? []).filter((entry) => entry.inCatalog === null);
}

/** What a person page route is asked with: a catalog id as text, else the name as given. */
export function personQuery(nameOrId: string | number): string {
  return typeof nameOrId === "number" ? String(nameOrId) : nameOrId.trim();
}

/** Initials for the photo slot: "Agnès Varda" is "AV". */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((w) => Array.from(w)[0]?.toUpperCase() ?? "").join("");
}
