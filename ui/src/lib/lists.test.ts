import { describe, expect, it } from "vitest";
import { palme } from "./lists.fixture";
import { awardQuery, moveTarget, progressLabel, progressPercent, rowTitle, rowsOf } from "./lists";

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
});
