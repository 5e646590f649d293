export type Shortcut = "newFilm" | "edit" | "search" | "escape" | "help";

type KeyLike = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
};

function isTyping(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const element = target as HTMLElement;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName) || element.isContentEditable;
}

/** The app shortcut a key press means, if any. Letters are ignored while typing in a field. */
export function shortcutFor(event: KeyLike): Shortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === "Escape") return "escape";
  if (isTyping(event.target)) return null;
  switch (event.key) {
    case "n":
      return "newFilm";
    case "e":
      return "edit";
    case "/":
      return "search";
    case "?":
      return "help";
    default:
      return null;
  }
}

export const SHORTCUTS: [string, string][] = [
  ["n", "Add a film"],
  ["e", "Edit the open film"],
  ["/", "Search the catalog"],
  ["Esc", "Close a dialog, or go back to the library"],
  ["?", "Show these shortcuts"],
];
