import { describe, expect, it } from "vitest";
import type { Review } from "./bindings/Review";
import { formErrors } from "./errors";
import { shortcutFor } from "./keyboard";
import { ariaSort, nextSort } from "./sort";
import { addTag, addTags, removeTag } from "./tags";
import { reviewDate, timeline } from "./timeline";

describe("sorting the library", () => {
  it("flips direction on the same column and starts a new column in its natural order", () => {
    const byTitle = { sort: "title" as const, descending: false };
    expect(nextSort(byTitle, "title")).toEqual({ sort: "title", descending: true });
    expect(nextSort(byTitle, "year")).toEqual({ sort: "year", descending: false });
    expect(nextSort(byTitle, "reviewCount")).toEqual({ sort: "reviewCount", descending: true });
    expect(ariaSort(byTitle, "title")).toBe("ascending");
    expect(ariaSort(byTitle, "year")).toBe("none");
  });
});

describe("chips", () => {
  it("trims, ignores blanks and repeats of any case", () => {
    let tags = addTag([], "  Mamoru   Oshii ");
    tags = addTag(tags, "mamoru oshii");
    tags = addTag(tags, "   ");
    expect(tags).toEqual(["Mamoru Oshii"]);
  });

  it("splits on separators and removes by position", () => {
    const tags = addTags(["a"], "b, c,,d", /,/);
    expect(tags).toEqual(["a", "b", "c", "d"]);
    expect(removeTag(tags, 1)).toEqual(["a", "c", "d"]);
  });
});

describe("keyboard shortcuts", () => {
  const input = document.createElement("input");
  it("maps keys to actions outside fields", () => {
    expect(shortcutFor({ key: "n", target: document.body })).toBe("newFilm");
    expect(shortcutFor({ key: "/", target: document.body })).toBe("search");
    expect(shortcutFor({ key: "?", target: document.body })).toBe("help");
    expect(shortcutFor({ key: "x", target: document.body })).toBeNull();
  });
  it("leaves letters alone while typing, but Escape always works", () => {
    expect(shortcutFor({ key: "n", target: input })).toBeNull();
    expect(shortcutFor({ key: "Escape", target: input })).toBe("escape");
    expect(shortcutFor({ key: "n", ctrlKey: true, target: document.body })).toBeNull();
  });
});

describe("form errors", () => {
  it("puts an invalid field next to the form's own field name", () => {
    const error = { kind: "invalid", message: "The URL is not a web address", field: "url" };
    expect(formErrors(error, { url: "url" })).toEqual({ fields: { url: "The URL is not a web address" }, general: null });
    const titled = { kind: "invalid", message: "Title is too long", field: "title" };
    expect(formErrors(titled, { title: "reviewTitle" }).fields).toEqual({ reviewTitle: "Title is too long" });
  });
  it("shows other errors above the form", () => {
    const error = { kind: "conflict", message: "film 3 is in the trash", field: null };
    expect(formErrors(error, { title: "title" })).toEqual({ fields: {}, general: "film 3 is in the trash" });
  });
});

describe("the review timeline", () => {
  const review = (id: number, publishedOn: string | null, createdAt: string): Review => ({
    id,
    filmId: 1,
    kind: "review",
    title: null,
    author: null,
    source: null,
    url: null,
    publishedOn,
    rating: null,
    spoiler: false,
    body: "",
    bodyHtml: "",
    createdAt,
    updatedAt: createdAt,
  });

  it("reads the core's order (oldest first, by publication date else writing date) newest first", () => {
    const old = review(1, "1999-05-01", "2026-01-02T00:00:00Z");
    const written = review(2, null, "2026-01-01T10:00:00Z");
    const recent = review(3, "2026-03-01", "2026-01-01T09:00:00Z");
    expect(timeline([old, written, recent]).map((r) => r.id)).toEqual([3, 2, 1]);
    expect(reviewDate(written)).toBe("2026-01-01");
  });
});

describe("ratings", () => {
  it("shows halves as ½ and offers every half from 0.5 to 5", async () => {
    const { RATINGS, stars } = await import("./rating");
    expect(stars(3.5)).toBe("★★★½");
    expect(stars(0.5)).toBe("½");
    expect(stars(5)).toBe("★★★★★");
    expect(RATINGS).toHaveLength(10);
  });
});
