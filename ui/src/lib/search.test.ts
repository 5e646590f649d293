import { describe, expect, it } from "vitest";
import { countLabel, withFilter } from "./search";

describe("withFilter", () => {
  it("appends a facet filter once", () => {
    expect(withFilter("ghost", 'director:"Mamoru Oshii"')).toBe('ghost director:"Mamoru Oshii"');
    expect(withFilter("", "year:1990s")).toBe("year:1990s");
    expect(withFilter("ghost year:1990s", "year:1990s")).toBe("ghost year:1990s");
  });

  it("labels estimated totals", () => {
    expect(countLabel(1, false)).toBe("1 film");
    expect(countLabel(200, true)).toBe("200+ films");
  });
});
