import { describe, expect, it } from "vitest";
import { countOf } from "./plural";

describe("countOf", () => {
  it("uses the singular for exactly one, the plural otherwise", () => {
    expect(countOf(1, "film", "films")).toBe("1 film");
    expect(countOf(0, "film", "films")).toBe("0 films");
    expect(countOf(2, "review or note", "reviews and notes")).toBe("2 reviews and notes");
    expect(countOf(1, "review or note", "reviews and notes")).toBe("1 review or note");
  });
});
