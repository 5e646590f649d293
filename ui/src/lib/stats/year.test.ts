import { describe, expect, it } from "vitest";
import { fileName, hours, monthBars, rewatchPercent, stars, yearChoices } from "./year";

describe("the year in review's arithmetic", () => {
  it("shows minutes as hours to a tenth", () => {
    expect(hours(0)).toBe("0");
    expect(hours(90)).toBe("1.5");
    expect(hours(120)).toBe("2");
    expect(hours(100)).toBe("1.7");
  });

  it("gives the rewatch share as a whole percent, zero for an empty year", () => {
    expect(rewatchPercent({ viewingCount: 3, rewatches: 1 })).toBe(33);
    expect(rewatchPercent({ viewingCount: 0, rewatches: 0 })).toBe(0);
  });

  it("scales the month bars to the busiest month and keeps a quiet month visible", () => {
    const months = Array.from({ length: 12 }, (_, i) => ({
      key: `2024-${String(i + 1).padStart(2, "0")}`,
      count: i === 0 ? 50 : i === 1 ? 1 : 0,
    }));
    const bars = monthBars({ months });
    expect(bars).toHaveLength(12);
    expect(bars[0]).toEqual({ key: "2024-01", label: "Jan", count: 50, percent: 100 });
    expect(bars[1].percent).toBe(4);
    expect(bars[11]).toMatchObject({ label: "Dec", percent: 0 });
  });

  it("offers the last ten years and an older chosen one", () => {
    expect(yearChoices(2026)).toHaveLength(10);
    expect(yearChoices(2026)[0]).toBe(2026);
    expect(yearChoices(2026, 1999)[10]).toBe(1999);
    expect(yearChoices(2026, 2020)).toHaveLength(10);
  });

  it("names the saved files after the year and draws ratings as stars", () => {
    expect(fileName(2024, "png")).toBe("cinedex-2024-in-review.png");
    expect(fileName(2024, "markdown")).toBe("cinedex-2024-in-review.md");
    expect(stars(4.5)).toBe("★★★★½");
    expect(stars(3)).toBe("★★★");
  });
});
