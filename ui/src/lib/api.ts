// The one door between the webview and Rust: a typed wrapper per IPC command.
// Nothing else in the UI imports @tauri-apps/*.
import { convertFileSrc, invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type { Annotation } from "./bindings/Annotation";
import type { AnnotationInput } from "./bindings/AnnotationInput";
import type { Candidate } from "./bindings/Candidate";
import type { ArticleFile } from "./bindings/ArticleFile";
import type { ArticleProposal } from "./bindings/ArticleProposal";
import type { BackupInfo } from "./bindings/BackupInfo";
import type { CatalogInfo } from "./bindings/CatalogInfo";
import type { CheckReport } from "./bindings/CheckReport";
import type { CompletionProgress } from "./bindings/CompletionProgress";
import type { CompletionQueue } from "./bindings/CompletionQueue";
import type { CompletionReport } from "./bindings/CompletionReport";
import type { CompletionTargets } from "./bindings/CompletionTargets";
import type { Damage } from "./bindings/Damage";
import type { FilmCompletion } from "./bindings/FilmCompletion";
import { PAGE_SIZES } from "./bindings/pageSizes";
import type { ErrorKind } from "./bindings/ErrorKind";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { ExportReport } from "./bindings/ExportReport";
import type { ImportOptions } from "./bindings/ImportOptions";
import type { ImportSource } from "./bindings/ImportSource";
import type { ImportSummary } from "./bindings/ImportSummary";
import type { ErrorPayload } from "./bindings/ErrorPayload";
import type { Film } from "./bindings/Film";
import type { Highlight } from "./bindings/Highlight";
import type { HighlightInput } from "./bindings/HighlightInput";
import type { FilmDetail } from "./bindings/FilmDetail";
import type { FilmGroup } from "./bindings/FilmGroup";
import type { FilmPage } from "./bindings/FilmPage";
import type { GroupBy } from "./bindings/GroupBy";
import type { FilmInput } from "./bindings/FilmInput";
import type { FilmListQuery } from "./bindings/FilmListQuery";
import type { LookupResult } from "./bindings/LookupResult";
import type { Person } from "./bindings/Person";
import type { PersonPage } from "./bindings/PersonPage";
import type { ReferenceFilm } from "./bindings/ReferenceFilm";
import type { ReferenceSource } from "./bindings/ReferenceSource";
import type { Refresh } from "./bindings/Refresh";
import type { SettingsChange } from "./bindings/SettingsChange";
import type { SettingsView } from "./bindings/SettingsView";
import type { RestoreReport } from "./bindings/RestoreReport";
import type { Review } from "./bindings/Review";
import type { ReviewInput } from "./bindings/ReviewInput";
import type { Stats } from "./bindings/Stats";
import type { StatsQuery } from "./bindings/StatsQuery";
import type { YearInReview } from "./bindings/YearInReview";
import type { SearchResults } from "./bindings/SearchResults";
import type { SmartList } from "./bindings/SmartList";
import type { FilmList } from "./bindings/FilmList";
import type { FilmListDetail } from "./bindings/FilmListDetail";
import type { FollowedListFile } from "./bindings/FollowedListFile";
import type { FilmListEntry } from "./bindings/FilmListEntry";
import type { FilmListGhost } from "./bindings/FilmListGhost";
import type { SmartListInput } from "./bindings/SmartListInput";
import type { Viewing } from "./bindings/Viewing";
import type { ViewingInput } from "./bindings/ViewingInput";
import type { WatchStatus } from "./bindings/WatchStatus";

/** An error from Rust, as `{kind, message, field}`. */
export class ApiError extends Error {
  readonly kind: ErrorKind;
  readonly field: string | null;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = "ApiError";
    this.kind = payload.kind;
    this.field = payload.field;
  }
}

function isPayload(value: unknown): value is ErrorPayload {
  return typeof value === "object" && value !== null && "kind" in value && "message" in value;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isPayload(error)) return new ApiError({ kind: error.kind, message: error.message, field: error.field ?? null });
  const message = typeof error === "string" ? error : error instanceof Error ? error.message : String(error);
  // Not one of the app's errors: IPC itself refused or failed.
  return new ApiError({ kind: "internal", message, field: null });
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

export const api = {
  listFilms: (query: FilmListQuery) => call<Film[]>("list_films", { query }),
  getFilm: (id: number) => call<FilmDetail>("get_film", { id }),
  addFilm: (input: FilmInput) => call<Film>("add_film", { input }),
  lookupFilms: (query: string, year: number | null = null, source: ReferenceSource | null = null) =>
    call<LookupResult>("lookup_films", { query, year, source }),
  /** The first candidates for a title being typed, from one request (summaries without credits). */
  quickLookupFilms: (query: string, source: ReferenceSource | null = null) =>
    call<LookupResult>("quick_lookup_films", { query, source }),
  lookupCandidate: (source: ReferenceSource, id: string) => call<Candidate | null>("lookup_candidate", { source, id }),
  addFilmFromReference: (film: ReferenceFilm, input: FilmInput) =>
    call<Film>("add_film_from_reference", { film, input }),
  downloadPoster: (id: number, url: string | null = null) => call<Film>("download_poster", { id, url }),
  candidatePoster: (url: string) => call<string>("candidate_poster", { url }),
  compareWithReference: (id: number, source: ReferenceSource | null = null) =>
    call<Refresh>("compare_with_reference", { id, source }),
  takeFromReference: (id: number, fields: string[], fill: boolean, source: ReferenceSource | null = null) =>
    call<Refresh>("take_from_reference", { id, source, fields, fill }),
  /** Fills the films `targets` names from the reference; `onCompletionProgress` follows it. */
  completeFilms: (targets: CompletionTargets, source: ReferenceSource | null = null, dryRun = false) =>
    call<CompletionReport>("complete_films", { targets, source, dryRun }),
  cancelCompletion: () => call<null>("cancel_completion"),
  countIncompleteFilms: (source: ReferenceSource | null = null) => call<number>("count_incomplete_films", { source }),
  completionQueue: () => call<CompletionQueue>("completion_queue"),
  pickCompletion: (filmId: number, source: ReferenceSource, id: string) =>
    call<FilmCompletion>("pick_completion", { filmId, source, id }),
  skipCompletion: (filmId: number) => call<null>("skip_completion", { filmId }),
  /** Calls `handler` after each film of a running completion, until the returned function is called. */
  onCompletionProgress: (handler: (progress: CompletionProgress) => void): Promise<UnlistenFn> =>
    listen<CompletionProgress>("completion-progress", (event) => handler(event.payload)),
  referenceSettings: () => call<SettingsView>("reference_settings"),
  setReferenceSettings: (change: SettingsChange) => call<SettingsView>("set_reference_settings", { change }),
  updateFilm: (id: number, input: FilmInput) => call<Film>("update_film", { id, input }),
  deleteFilm: (id: number) => call<null>("delete_film", { id }),
  listTrash: () => call<Film[]>("list_trash"),
  restoreFilm: (id: number) => call<Film>("restore_film", { id }),
  purgeFilm: (id: number) => call<null>("purge_film", { id }),
  emptyTrash: () => call<number>("empty_trash"),
  addReview: (filmId: number, input: ReviewInput) => call<Review>("add_review", { filmId, input }),
  updateReview: (id: number, input: ReviewInput) => call<Review>("update_review", { id, input }),
  deleteReview: (id: number) => call<null>("delete_review", { id }),
  addViewing: (filmId: number, input: ViewingInput) => call<Viewing>("add_viewing", { filmId, input }),
  updateViewing: (id: number, input: ViewingInput) => call<Viewing>("update_viewing", { id, input }),
  deleteViewing: (id: number) => call<null>("delete_viewing", { id }),
  setWatchStatus: (id: number, status: WatchStatus) => call<Film>("set_watch_status", { id, status }),
  /** A person's page: `query` is their catalog id, a reference id (`wikidata:Q…`) or a name. */
  getPerson: (query: string) => call<PersonPage>("get_person", { query }),
  /** Person `id`'s page with the rest of their filmography from the reference (network). */
  getPersonFilmography: (id: number) => call<PersonPage>("get_person_filmography", { id }),
  /** Everyone credited under `name`, to choose from when two people share it. */
  peopleNamed: (name: string) => call<PersonPage[]>("people_named", { name }),
  /** A reference film (`wikidata:Q…`, `tmdb:ID`) on the watchlist, added first if need be. */
  addToWatchlist: (from: string) => call<Film>("add_to_watchlist", { from }),
  addAnnotation: (filmId: number, input: AnnotationInput) => call<Annotation>("add_annotation", { filmId, input }),
  updateAnnotation: (id: number, input: AnnotationInput) => call<Annotation>("update_annotation", { id, input }),
  deleteAnnotation: (id: number) => call<null>("delete_annotation", { id }),
  readArticle: (path: string) => call<ArticleFile>("read_article", { path }),
  addHighlight: (reviewId: number, input: HighlightInput) => call<Highlight>("add_highlight", { reviewId, input }),
  listHighlights: (reviewId: number) => call<Highlight[]>("list_highlights", { reviewId }),
  listFilmHighlights: (filmId: number) => call<Highlight[]>("list_film_highlights", { filmId }),
  updateHighlight: (id: number, note: string | null) => call<Highlight>("update_highlight", { id, note }),
  deleteHighlight: (id: number) => call<null>("delete_highlight", { id }),
  proposeArticle: (text: string, fileName: string | null, filmId: number | null) =>
    call<ArticleProposal>("propose_article", { text, fileName, filmId }),
  proposeArticleFromUrl: (url: string, filmId: number | null = null) =>
    call<ArticleProposal>("propose_article_from_url", { url, filmId }),
  importArticle: (proposal: ArticleProposal) => call<FilmDetail>("import_article", { proposal }),
  renderMarkdown: (text: string) => call<string>("render_markdown", { text }),
  catalogInfo: () => call<CatalogInfo>("catalog_info"),
  openLink: (url: string) => call<null>("open_link", { url }),
  createBackup: () => call<BackupInfo>("create_backup"),
  listBackups: () => call<BackupInfo[]>("list_catalog_backups"),
  /** Restores one of the listed backups; the report names the safety copy that undoes it. */
  restoreBackup: (path: string) => call<RestoreReport>("restore_backup", { path }),
  checkCatalog: () => call<CheckReport>("check_catalog"),
  searchFilms: (query: string, limit: number = PAGE_SIZES.window, offset = 0) => call<SearchResults>("search_films", { query, limit, offset }),
  listSmartLists: () => call<SmartList[]>("list_smart_lists"),
  addSmartList: (input: SmartListInput) => call<SmartList>("add_smart_list", { input }),
  updateSmartList: (id: number, input: SmartListInput) => call<SmartList>("update_smart_list", { id, input }),
  deleteSmartList: (id: number) => call<null>("delete_smart_list", { id }),
  listLists: () => call<FilmList[]>("list_lists"),
  getList: (id: number) => call<FilmListDetail>("get_list", { id }),
  createList: (name: string, description: string | null = null) => call<FilmList>("create_list", { name, description }),
  renameList: (id: number, name: string) => call<FilmList>("rename_list", { id, name }),
  /** Moves the entry at `position` to `toPosition` (entries are numbered 1, 2, 3… afterwards). */
  reorderListEntry: (id: number, position: number, toPosition: number) => call<FilmListDetail>("reorder_list_entry", { id, position, toPosition }),
  setListEntryNote: (id: number, position: number, note: string | null) => call<FilmListDetail>("set_list_entry_note", { id, position, note }),
  /** Follows an award's winners (a Wikidata Q-id or the award's name) as a list named after it. */
  addCanon: (award: string) => call<FilmListDetail>("add_canon", { award }),
  /** Adds the film a ghost stands for (`wikidata:Q…`); the ghost becomes its entry. */
  addGhostFilm: (id: number, referenceId: string) => call<FilmListDetail>("add_ghost_film", { id, referenceId }),
  followListFile: (path: string, name: string | null = null, dryRun = false) =>
    call<FollowedListFile>("follow_list_file", { path, name, dryRun }),
  /** Tells the app the library's first frame is painted (timed by the start-up benchmark). */
  reportReady: (marks: [string, number][], now: number) => call<null>("report_ready", { marks, now }),
  recoveryStatus: () => call<Damage | null>("recovery_status"),
  recoverFromBackup: () => call<null>("recover_from_backup"),
  getStats: (query: StatsQuery) => call<Stats>("get_stats", { query }),
  getYearInReview: (year: number) => call<YearInReview>("get_year_in_review", { year }),
  /** `replace`: the save dialog asked before returning an existing file. For "png", `pngBase64` is the rendered page (a data: URL or bare base64). */
  exportYearInReview: (year: number, format: "markdown" | "png", path: string, replace: boolean, pngBase64?: string) =>
    call<null>("export_year_in_review", { year, format, path, replace, pngBase64 }),
  listFilmPage: (query: FilmListQuery) => call<FilmPage>("list_film_page", { query }),
  listFilmGroups: (by: GroupBy, query: FilmListQuery) => call<FilmGroup[]>("list_film_groups", { by, query }),
  attachPoster: (filmId: number, path: string) => call<Film>("attach_poster", { filmId, path }),
  removePoster: (filmId: number) => call<Film>("remove_poster", { filmId }),
  /** The thumbnail's address on the app's `poster:` protocol; `version` changes when the poster does. */
  posterUrl: (filmId: number, version: string) => `${convertFileSrc(String(filmId), "poster")}?v=${encodeURIComponent(version)}`,
  previewImport: (source: ImportSource, path: string, options: ImportOptions) =>
    call<ImportSummary>("preview_import", { source, path, options }),
  runImport: (source: ImportSource, path: string, options: ImportOptions) =>
    call<ImportSummary>("run_import", { source, path, options }),
  cancelImport: () => call<null>("cancel_import"),
  /** `replace`: the save dialog asked before returning an existing file; folder exports never replace. */
  exportCatalog: (format: ExportFormat, path: string, replace: boolean) =>
    call<ExportReport>("export_catalog", { format, path, replace }),
  /** Calls `handler` with each `import-progress` event until the returned function is called. */
  onImportProgress: (handler: (progress: { done: number; total: number }) => void): Promise<UnlistenFn> =>
    listen<{ done: number; total: number }>("import-progress", (event) => handler(event.payload)),
  /** The system's open dialog; null when the person cancels. */
  pickFile: async (extensions: string[], name = "Import file"): Promise<string | null> => {
    const chosen = await open({ multiple: false, directory: false, filters: [{ name, extensions }] });
    return typeof chosen === "string" ? chosen : null;
  },
  /** Calls `handler` with the paths of files dropped on the window, until the returned function is called. */
  onFileDrop: (handler: (paths: string[]) => void): Promise<UnlistenFn> =>
    getCurrentWebview().onDragDropEvent((event) => {
      if (event.payload.type === "drop") handler(event.payload.paths);
    }),
  /** The system's save dialog (or a folder picker for folder exports); null when cancelled. */
  pickTarget: async (folder: boolean, defaultPath: string): Promise<string | null> => {
    if (folder) {
      const chosen = await open({ directory: true, multiple: false, title: "Choose a new, empty folder" });
      return typeof chosen === "string" ? chosen : null;
    }
    return save({ defaultPath });
  },
};

/** Calls `listener` whenever another program (say, the command line) changes the catalog. */
export function onCatalogChanged(listener: () => void): Promise<() => void> {
  return listen("catalog-changed", () => listener());
}

export type { Person, PersonPage };
export type { CatalogInfo, Damage, Film, FilmDetail, FilmList, FilmListDetail, FilmListEntry, FilmListGhost, FollowedListFile, Highlight, HighlightInput, FilmGroup, FilmInput, FilmListQuery, FilmPage, GroupBy, Review, ReviewInput, SearchResults, SmartList };
