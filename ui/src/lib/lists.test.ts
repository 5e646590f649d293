import { describe, expect, it } from "vitest";
import { palme } from "./lists.fixture";
import {
  awardQuery,
  canonLabel,
  followedLabel,
  moveTarget,
  progressLabel,
  progressPercent,
  rowTitle,
  rowsOf,
} from "./lists";

describe("lists", () => {
  it("reads progress as a person does and never divides by zero", () => {
    expect(progressLabel(23, 78)).toBe("23 of 78 seen");
    expect(progressPercent(23, 78)).toBe(29);
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(5, 5)).toBe(100);
  });

  it("merges films and ghosts into one order by position", () => {
    const rows = rowsOf(palme);
    expect(rows.map(rowTitle)).toEqual(["Pulp Fiction", "Parasite", "Shoplifters"]);
    expect(rows.map((r) => r.kind)).toEqual(["film", "ghost", "film"]);
    expect(rows[0].seen).toBe(true);
  });

  it("moves up and down within the list only", () => {
    const rows = rowsOf(palme);
    expect(moveTarget(rows, 0, -1)).toBeNull();
    expect(moveTarget(rows, 0, 1)).toBe(2);
    expect(moveTarget(rows, 2, -1)).toBe(2);
    expect(moveTarget(rows, 2, 1)).toBeNull();
  });

  it("spells a typed Q-id as Wikidata does and leaves names alone", () => {
    expect(awardQuery(" q179808 ")).toBe("Q179808");
    expect(awardQuery("  Golden Lion ")).toBe("Golden Lion");
  });

  it("says a list file is followed in words, and an award by its id", () => {
    expect(canonLabel("file:Slow Cinema")).toBe("followed from a list file");
    expect(canonLabel("wikidata:Q179808")).toBe("follows wikidata:Q179808");
  });

  it("tells what following a list file did, counting its ghosts as films", () => {
    const followed = { listId: 4, name: "Slow Cinema", linked: 3, ghosts: 1, total: 4, seen: 1 };
    expect(followedLabel(followed)).toBe("“Slow Cinema”: 3 linked, 1 film not in your catalog — 1 of 4 seen");
    expect(followedLabel({ ...followed, ghosts: 2, total: 5 })).toBe(
      "“Slow Cinema”: 3 linked, 2 films not in your catalog — 1 of 5 seen",
    );
  });
});
