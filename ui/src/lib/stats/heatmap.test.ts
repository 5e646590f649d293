import { describe, expect, it } from "vitest";
import { heatmapCells, levelFor, monthLabels } from "./heatmap";

describe("viewing heatmap", () => {
  it("places every day of a leap year in Monday-first week columns", () => {
    const cells = heatmapCells("2024-01-01", "2024-12-31", []);
    expect(cells).toHaveLength(366);
    // 1 January 2024 was a Monday.
    expect(cells[0]).toMatchObject({ date: "2024-01-01", week: 0, weekday: 0 });
    expect(cells[6]).toMatchObject({ date: "2024-01-07", week: 0, weekday: 6 });
    expect(cells[7]).toMatchObject({ date: "2024-01-08", week: 1, weekday: 0 });
    expect(cells[365]).toMatchObject({ date: "2024-12-31", week: 52, weekday: 1 });
  });

  it("starts mid-week when the range does", () => {
    // 3 January 2025 was a Friday.
    const cells = heatmapCells("2025-01-03", "2025-01-06", []);
    expect(cells.map((c) => [c.week, c.weekday])).toEqual([
      [0, 4],
      [0, 5],
      [0, 6],
      [1, 0],
    ]);
  });

  it("shades days relative to the busiest one", () => {
    const cells = heatmapCells("2024-03-01", "2024-03-03", [
      { key: "2024-03-01", count: 1 },
      { key: "2024-03-03", count: 4 },
    ]);
    expect(cells.map((c) => [c.count, c.level])).toEqual([
      [1, 1],
      [0, 0],
      [4, 4],
    ]);
    expect(levelFor(3, 4)).toBe(3);
    expect(levelFor(0, 0)).toBe(0);
  });

  it("labels the week where each month starts", () => {
    const labels = monthLabels(heatmapCells("2024-01-01", "2024-03-31", []));
    expect(labels.map((l) => l.label)).toEqual(["Jan", "Feb", "Mar"]);
    expect(labels[1].week).toBe(4);
  });

  it("leaves out the label of a month the range only grazes", () => {
    const labels = monthLabels(heatmapCells("2025-11-25", "2026-01-31", []));
    expect(labels.map((l) => l.label)).toEqual(["Dec", "Jan"]);
  });
});
