import { describe, expect, it } from "vitest";
import { shortcutFor, SHORTCUTS } from "./keyboard";
import { matchCommands, moveHighlight, PALETTE_COMMANDS } from "./palette";

describe("command palette", () => {
  it("opens with Ctrl+K or Cmd+K, even from a text field", () => {
    const input = document.createElement("input");
    expect(shortcutFor({ key: "k", ctrlKey: true, target: input })).toBe("palette");
    expect(shortcutFor({ key: "K", metaKey: true, target: document.body })).toBe("palette");
    expect(shortcutFor({ key: "k", target: document.body })).toBeNull();
    expect(shortcutFor({ key: "k", ctrlKey: true, altKey: true, target: document.body })).toBeNull();
  });

  it("narrows commands to those holding every typed word, ignoring case and accents", () => {
    expect(matchCommands("").length).toBe(PALETTE_COMMANDS.length);
    expect(matchCommands("stat").map((c) => c.id)).toEqual(["go-stats", "group-status"]);
    expect(matchCommands("GROUP dec").map((c) => c.id)).toEqual(["group-decade"]);
    expect(matchCommands("pôster").map((c) => c.id)).toEqual(["view-grid"]);
    expect(matchCommands("nothing like this")).toEqual([]);
  });

  it("moves the highlight with the arrows, wrapping at both ends", () => {
    expect(moveHighlight(0, 3, "ArrowDown")).toBe(1);
    expect(moveHighlight(2, 3, "ArrowDown")).toBe(0);
    expect(moveHighlight(0, 3, "ArrowUp")).toBe(2);
    expect(moveHighlight(0, 0, "ArrowUp")).toBe(0);
  });

  it("lists every shortcut in the help, the palette and the library keys included", () => {
    const keys = SHORTCUTS.map(([key]) => key);
    for (const key of ["Ctrl+K", "n", "e", "/", "Enter", "Del", "Esc", "?"]) expect(keys).toContain(key);
  });
});
