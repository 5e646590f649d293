import type { FilmSort } from "./bindings/FilmSort";

export type SortState = { sort: FilmSort; descending: boolean };

/** Columns whose natural first look is biggest first. */
const DESCENDING_FIRST: FilmSort[] = ["reviewCount", "createdAt", "updatedAt"];

/** Clicking a column header: the same column flips direction, a new one starts in its natural order. */
export function nextSort(current: SortState, column: FilmSort): SortState {
  if (current.sort === column) return { sort: column, descending: !current.descending };
  return { sort: column, descending: DESCENDING_FIRST.includes(column) };
}

export function ariaSort(current: SortState, column: FilmSort): "ascending" | "descending" | "none" {
  if (current.sort !== column) return "none";
  return current.descending ? "descending" : "ascending";
}
