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

export type SortChoice = { key: FilmSort; label: string };

/** The library table's columns, in order; each sorts the films by itself. */
export const LIBRARY_COLUMNS: SortChoice[] = [
  { key: "title", label: "Title" },
  { key: "year", label: "Year" },
  { key: "directors", label: "Directors" },
  { key: "themes", label: "Themes" },
  { key: "reviewCount", label: "Reviews" },
  { key: "rating", label: "Rating" },
];

/** Every order the library offers: its columns, then the dates no column shows. */
export const LIBRARY_SORTS: SortChoice[] = [
  ...LIBRARY_COLUMNS,
  { key: "createdAt", label: "Date added" },
  { key: "updatedAt", label: "Last changed" },
];
