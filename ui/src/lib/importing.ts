// What the Import view computes: file types per source, the progress fraction, the counts shown
// in the preview, and edits of a generic CSV's column mapping. Kept free of Svelte for tests.
import type { ColumnMapping } from "./bindings/ColumnMapping";
import type { CsvField } from "./bindings/CsvField";
import type { ExportFormat } from "./bindings/ExportFormat";
import type { ImportSource } from "./bindings/ImportSource";
import type { ImportSummary } from "./bindings/ImportSummary";

export const SOURCES: { value: ImportSource; label: string; extensions: string[] }[] = [
  { value: "letterboxd", label: "Letterboxd export (.zip, or one of its CSVs)", extensions: ["zip", "csv"] },
  { value: "imdb", label: "IMDb ratings or watchlist (.csv)", extensions: ["csv"] },
  { value: "csv", label: "Any CSV with a header row", extensions: ["csv", "txt"] },
  { value: "tellico", label: "Tellico (.tc)", extensions: ["tc", "xml"] },
  { value: "json", label: "Cinedex JSON export", extensions: ["json"] },
];

export const CSV_FIELDS: CsvField[] = [
  "ignore", "title", "originalTitle", "year", "directors", "themes", "rating", "runtimeMinutes",
  "watchStatus", "watchedOn", "rewatch", "review", "note", "imdbId",
];

export const EXPORTS: { value: ExportFormat; label: string; folder: boolean; file: string }[] = [
  { value: "json", label: "Cinedex JSON (everything)", folder: false, file: "cinedex.json" },
  { value: "csv", label: "CSV (a row per film)", folder: false, file: "cinedex.csv" },
  { value: "markdown", label: "Markdown (a file per film)", folder: true, file: "cinedex-markdown" },
  { value: "letterboxd", label: "Letterboxd import CSVs", folder: true, file: "cinedex-letterboxd" },
];

export function extensionsFor(source: ImportSource): string[] {
  return SOURCES.find((s) => s.value === source)?.extensions ?? [];
}

/** 0..1 for the progress bar; 0 while the total is unknown. */
export function fraction(done: number, total: number): number {
  return total > 0 ? Math.min(1, done / total) : 0;
}

/** The counts a preview or report shows, with the data-testid suffix of each. */
export function counts(summary: ImportSummary): { key: string; label: string; value: number }[] {
  return [
    { key: "new", label: "New films", value: summary.newFilms },
    { key: "matched", label: "Already in the catalog", value: summary.matchedFilms },
    { key: "updated", label: "…of which gain something", value: summary.updatedFilms },
    { key: "viewings", label: "Viewings", value: summary.viewings },
    { key: "reviews", label: "Reviews", value: summary.reviews },
    { key: "lists", label: "New lists", value: summary.lists },
    { key: "skipped", label: "Skipped rows", value: summary.skippedCount },
    { key: "errors", label: "Errors", value: summary.errorCount },
  ];
}

/** "file:line [column]" for an issue. */
export function where(issue: { file: string; line: number | null; column: string | null }): string {
  let text = issue.file;
  if (issue.line !== null) text += `:${issue.line}`;
  if (issue.column) text += ` [${issue.column}]`;
  return text;
}

/** The mapping with `column` set to `field`, everything else unchanged. */
export function remap(columns: ColumnMapping[], column: string, field: CsvField): ColumnMapping[] {
  return columns.map((m) => (m.column === column ? { column, field } : m));
}

/** Whether committing is allowed: a preview without errors that would change something. */
export function canCommit(summary: ImportSummary | null): boolean {
  return summary !== null && summary.errorCount === 0;
}
