// The command palette's commands and how typing narrows them down. What each command does is
// App.svelte's business; here they are only named and matched.

/** Lower case without accents, so "stat" finds "Statistics" and "decennie" would find "décennie". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export type PaletteCommand = { id: string; label: string; hint?: string };

export const PALETTE_COMMANDS: PaletteCommand[] = [
  { id: "go-library", label: "Go to Library" },
  { id: "go-stats", label: "Go to Statistics" },
  { id: "go-year", label: "Year in review" },
  { id: "go-lists", label: "Go to Lists" },
  { id: "go-trash", label: "Go to Trash" },
  { id: "go-complete", label: "Complete the catalog from Wikidata or TMDB" },
  { id: "go-settings", label: "Go to Settings" },
  { id: "new-film", label: "Add a film", hint: "n" },
  { id: "search", label: "Filter the library by title", hint: "/" },
  { id: "view-table", label: "Library as a table" },
  { id: "view-grid", label: "Library as a poster grid" },
  { id: "group-none", label: "Library: no grouping" },
  { id: "group-director", label: "Library: group by director" },
  { id: "group-decade", label: "Library: group by decade" },
  { id: "group-theme", label: "Library: group by theme" },
  { id: "group-status", label: "Library: group by status" },
  { id: "import-article", label: "Import an article" },
  { id: "backup", label: "Back up the catalog now" },
  { id: "shortcuts", label: "Show keyboard shortcuts", hint: "?" },
];

/** Commands whose label holds every typed word (case and accents ignored), in list order. */
export function matchCommands(query: string, commands: PaletteCommand[] = PALETTE_COMMANDS): PaletteCommand[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const label = fold(command.label);
    return words.every((word) => label.includes(word));
  });
}

/** The highlighted row after an arrow key, wrapping around. */
export function moveHighlight(current: number, count: number, key: "ArrowUp" | "ArrowDown"): number {
  if (count === 0) return 0;
  return key === "ArrowDown" ? (current + 1) % count : (current - 1 + count) % count;
}
