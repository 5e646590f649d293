export type Shortcut = "newFilm" | "edit" | "search" | "escape" | "help" | "palette";

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
  // Ctrl+K works even while typing: it is how a keyboard user gets anywhere from anywhere.
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") return "palette";
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
  ["Ctrl+K", "Command palette: go anywhere, do anything by name"],
  ["n", "Add a film"],
  ["e", "Edit the open film, or the selected one in the library"],
  ["/", "Search the catalog"],
  ["↑ ↓ ← →", "Move through the library's table or poster grid"],
  ["Home / End", "First or last film"],
  ["Page Up / Page Down", "A screenful up or down"],
  ["Enter", "Open the selected film"],
  ["Del", "Move the selected film to the trash (Undo in the message)"],
  ["Esc", "Close a dialog, or go back to the library"],
  ["?", "Show these shortcuts"],
];
