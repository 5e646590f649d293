// The Lists view's logic: progress as a person reads it, a list's films and ghosts merged into
// one order, and where an entry goes when moved up or down. No IPC here (see api.ts).
import type { Film } from "./bindings/Film";
import type { FilmListDetail } from "./bindings/FilmListDetail";
import type { FollowedListFile } from "./bindings/FollowedListFile";
import { FILE_CANON_PREFIX } from "./bindings/listCanons";
import { countOf } from "./plural";

/** One place in a list: a film of the catalog, or a ghost (a canon's film not in the catalog). */
export type ListRow =
  | { kind: "film"; position: number; note: string | null; seen: boolean; film: Film }
  | {
      kind: "ghost";
      position: number;
      note: string | null;
      seen: false;
      referenceId: string;
      title: string;
      year: number | null;
      directors: string[];
    };

/** "23 of 78 seen". */
export function progressLabel(seen: number, total: number): string {
  return `${seen} of ${total} seen`;
}

/** The share seen, 0 to 100, for a progress bar (0 for an empty list). */
export function progressPercent(seen: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((seen / total) * 100)));
}

/** The list's films and ghosts in one order, by position. */
export function rowsOf(detail: FilmListDetail): ListRow[] {
  const rows: ListRow[] = [
    ...detail.entries.map((entry) => ({
      kind: "film" as const,
      position: entry.position,
      note: entry.note,
      seen: entry.seen,
      film: entry.film,
    })),
    ...detail.ghosts.map((ghost) => ({
      kind: "ghost" as const,
      position: ghost.position,
      note: ghost.note,
      seen: false as const,
      referenceId: ghost.referenceId,
      title: ghost.title,
      year: ghost.year,
      directors: ghost.directors,
    })),
  ];
  return rows.sort((a, b) => a.position - b.position);
}

/** The title a row shows: a film's own, a ghost's from the reference. */
export function rowTitle(row: ListRow): string {
  return row.kind === "film" ? row.film.title : row.title;
}

/** Where the row at `index` goes when moved `by` places (-1 up, +1 down): the 1-based position to
 * ask for, or null when it is already at that end. */
export function moveTarget(rows: ListRow[], index: number, by: -1 | 1): number | null {
  const to = index + by;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return null;
  return to + 1;
}

/** A Q-id as typed (`q179808`, ` Q179808 `) in Wikidata's spelling, else the name trimmed. */
export function awardQuery(text: string): string {
  const trimmed = text.trim();
  return /^[qQ]\d+$/.test(trimmed) ? trimmed.toUpperCase() : trimmed;
}

/** What a list follows, in words: a list file (`file:<name>`), else the canon's id. */
export function canonLabel(canon: string): string {
  return canon.startsWith(FILE_CANON_PREFIX) ? "followed from a list file" : `follows ${canon}`;
}

/** What following a list file did: "“Slow Cinema”: 3 linked, 1 not in your catalog — 1 of 4 seen". */
export function followedLabel(followed: FollowedListFile): string {
  const linked = `${followed.linked} linked`;
  const ghosts = `${countOf(followed.ghosts, "film", "films")} not in your catalog`;
  return `“${followed.name}”: ${linked}, ${ghosts} — ${progressLabel(followed.seen, followed.total)}`;
}

/** The files the "Follow a list file…" dialog offers: a Letterboxd list export or any CSV. */
export const LIST_FILE_EXTENSIONS = ["csv", "tsv", "txt"];
