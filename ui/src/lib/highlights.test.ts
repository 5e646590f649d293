import { describe, expect, it } from "vitest";
import type { Highlight } from "./bindings/Highlight";
import { collapse, locate, markHighlights, pieces } from "./highlights";

const h = (id: number, quote: string, start: number, extra: Partial<Highlight> = {}): Highlight => ({
  id,
  reviewId: 1,
  filmId: 1,
  quote,
  prefix: "",
  suffix: "",
  start,
  note: null,
  orphaned: false,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  ...extra,
});

describe("highlights", () => {
  it("collapses whitespace and remembers where each character came from", () => {
    const { text, origin } = collapse("a \n  b");
    expect(text).toBe("a b");
    expect(origin).toEqual([0, 1, 5, 6]);
  });

  it("finds a quote across line breaks at the occurrence nearest its start", () => {
    const text = "the dolls\n dream; the dolls dream";
    expect(locate(text, [h(1, "dolls dream", 0)])).toEqual([{ start: 4, end: 16, id: 1 }]);
    expect(locate(text, [h(2, "dolls dream", 20)])).toEqual([{ start: 22, end: 33, id: 2 }]);
  });

  it("leaves out orphaned highlights, missing quotes and overlaps", () => {
    const text = "one two three";
    const ranges = locate(text, [
      h(1, "two", 4),
      h(2, "one two", 0),
      h(3, "four", 0),
      h(4, "three", 8, { orphaned: true }),
    ]);
    expect(ranges).toEqual([{ start: 0, end: 7, id: 2 }]);
  });

  it("cuts text into marked and unmarked pieces, also for a part of a longer text", () => {
    const ranges = [{ start: 4, end: 7, id: 9 }];
    expect(pieces("one two three", ranges)).toEqual([
      { text: "one ", id: null },
      { text: "two", id: 9 },
      { text: " three", id: null },
    ]);
    expect(pieces("wo three", ranges, 5)).toEqual([
      { text: "wo", id: 9 },
      { text: " three", id: null },
    ]);
  });

  it("marks a highlight that spans an emphasis in rendered HTML", () => {
    const root = document.createElement("div");
    root.innerHTML = "<p>Oshii films the dolls as <em>mirrors</em>, and us.</p>";
    markHighlights(root, [h(5, "dolls as mirrors", 17)]);
    const marks = [...root.querySelectorAll("mark")];
    expect(marks.map((m) => m.textContent)).toEqual(["dolls as ", "mirrors"]);
    expect(marks.every((m) => m.dataset.highlightId === "5")).toBe(true);
    expect(root.textContent).toBe("Oshii films the dolls as mirrors, and us.");
  });
});
