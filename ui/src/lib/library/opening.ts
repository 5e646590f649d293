// The library's opening page, asked for before the app mounts: the app then renders once, with
// films in its first frame, instead of painting an empty library and then painting it again.
import { api, type FilmListQuery, type FilmPage, type GroupBy } from "../api";
import type { SortState } from "../sort";
import { PAGE_SIZE } from "./pages";

export const OPENING_ORDER: SortState = { sort: "title", descending: false };

/** The library's query for a title filter and an order, before any grouping. */
export function libraryQuery(filter: string, order: SortState): FilmListQuery {
  return {
    titleFilter: filter.trim() || null,
    watchStatus: null,
    sort: order.sort,
    descending: order.descending,
    group: null,
    offset: 0,
    limit: PAGE_SIZE,
  };
}

/** Names a query and grouping, to tell whether an answer is for the query at hand. */
export function queryKey(query: FilmListQuery, by: GroupBy | "none"): string {
  return JSON.stringify([query, by]);
}

let opening: { key: string; page: FilmPage } | null = null;

/**
 * Fetches the page the library opens on, when it opens ungrouped; never fails (the library asks
 * again, and shows the error, if this did not work).
 */
export async function readOpening(by: GroupBy | "none"): Promise<void> {
  if (by !== "none") return;
  const query = libraryQuery("", OPENING_ORDER);
  try {
    opening = { key: queryKey(query, by), page: await api.listFilmPage(query) };
  } catch {
    opening = null;
  }
}

/** The opening page if it answers `key`; handed over once. */
export function takeOpening(key: string): FilmPage | null {
  const found = opening?.key === key ? opening.page : null;
  opening = null;
  return found;
}
