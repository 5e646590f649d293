// The app's shared state: which view is open, which dialog, and a counter views watch to reload.
import type { Film } from "./bindings/Film";
import type { FilmDetail } from "./bindings/FilmDetail";
import type { GroupBy } from "./bindings/GroupBy";

export type Route =
  | { name: "library" }
  | { name: "film"; id: number }
  | { name: "person"; query: string }
  | { name: "trash" }
  | { name: "settings" }
  | { name: "stats" }
  | { name: "year"; year: number }
  | { name: "import" }
  | { name: "search" }
  | { name: "complete" }
  | { name: "lists"; id?: number };
/** Every key the window keeps in localStorage, defined once. */
export const STORAGE_KEYS = { libraryView: "cinedex.library.view", libraryGroup: "cinedex.library.group" } as const;

export type FilmFormState = { mode: "add" } | { mode: "edit"; film: Film | FilmDetail } | null;
export type Toast = { message: string; action?: { label: string; run: () => void } } | null;

class AppState {
  route = $state<Route>({ name: "library" });
  filmForm = $state<FilmFormState>(null);
  showShortcuts = $state(false);
  showArticleImport = $state(false);
  showPalette = $state(false);
  /** The library's table or poster grid, and its grouping: kept across runs. */
  libraryView = $state<"table" | "grid">(stored(STORAGE_KEYS.libraryView) === "grid" ? "grid" : "table");
  libraryGroup = $state<GroupBy | "none">(storedGroup());
  toast = $state<Toast>(null);
  /** The search box's text, kept while visiting a film and coming back. */
  searchQuery = $state("");
  /** Bumped after every change to the catalog, so views showing it reload. */
  version = $state(0);

  go(route: Route) {
    this.route = route;
  }

  changed() {
    this.version += 1;
  }

  notify(toast: Toast) {
    this.toast = toast;
  }
}

function stored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function storedGroup(): GroupBy | "none" {
  const value = stored(STORAGE_KEYS.libraryGroup);
  return value === "director" || value === "decade" || value === "theme" || value === "status" ? value : "none";
}

export const app = new AppState();
