// The app's shared state: which view is open, which dialog, and a counter views watch to reload.
import type { Film } from "./bindings/Film";

export type Route =
  | { name: "library" }
  | { name: "film"; id: number }
  | { name: "trash" }
  | { name: "settings" }
  | { name: "search" };
export type FilmFormState = { mode: "add" } | { mode: "edit"; film: Film } | null;
export type Toast = { message: string; action?: { label: string; run: () => void } } | null;

class AppState {
  route = $state<Route>({ name: "library" });
  filmForm = $state<FilmFormState>(null);
  showShortcuts = $state(false);
  showArticleImport = $state(false);
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

export const app = new AppState();
