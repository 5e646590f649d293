import { describe, expect, it } from "vitest";
import { buildLayout, estimatedViewport, move, ROWS_TOP_ESTIMATE, scrollToShow, topOf, visibleRows, type Segment } from "./rows";

const one = (count: number): Segment[] => [{ key: "all", label: null, count }];

describe("library virtual layout", () => {
  it("renders only the rows in view out of 100,000 films", () => {
    const layout = buildLayout(one(100_000), 1, 40, 36);
    expect(layout.height).toBe(4_000_000);
    const rows = visibleRows(layout, 2_000_000, 800, 2);
    const items = rows.filter((r) => r.kind === "items");
    expect(items.length).toBe(20 + 2 * 2 + 1);
    expect(items[0]).toMatchObject({ row: 49_998, first: 49_998, top: 49_998 * 40 });
  });

  it("lays out groups as a header then rows of several cards", () => {
    const segments: Segment[] = [
      { key: "a", label: "A", count: 5 },
      { key: "b", label: "B", count: 2 },
    ];
    const layout = buildLayout(segments, 3, 100, 30);
    // A: header 30 + 2 rows; B: header 30 + 1 row.
    expect(layout.starts).toEqual([0, 230]);
    expect(layout.height).toBe(360);
    const rows = visibleRows(layout, 0, 1000, 0);
    expect(rows.map((r) => (r.kind === "header" ? `h${r.segment}` : `${r.segment}:${r.first}-${r.end}`))).toEqual([
      "h0",
      "0:0-3",
      "0:3-5",
      "h1",
      "1:0-2",
    ]);
    expect(topOf(layout, { segment: 1, index: 1 })).toBe(260);
  });

  it("finds the right group by binary search deep in a long list", () => {
    const segments: Segment[] = Array.from({ length: 5000 }, (_, i) => ({ key: String(i), label: `G${i}`, count: 1 }));
    const layout = buildLayout(segments, 1, 40, 30);
    const rows = visibleRows(layout, 70 * 4000 + 30, 40, 0);
    expect(rows[0]).toMatchObject({ kind: "items", segment: 4000 });
  });

  it("moves the selection by rows and columns across group boundaries", () => {
    const layout = buildLayout(
      [
        { key: "a", label: "A", count: 5 },
        { key: "e", label: "Empty", count: 0 },
        { key: "b", label: "B", count: 4 },
      ],
      3,
      100,
      30,
    );
    expect(move(layout, null, "down")).toEqual({ segment: 0, index: 0 });
    expect(move(layout, { segment: 0, index: 1 }, "down")).toEqual({ segment: 0, index: 4 });
    expect(move(layout, { segment: 0, index: 2 }, "down")).toEqual({ segment: 0, index: 4 });
    expect(move(layout, { segment: 0, index: 4 }, "down")).toEqual({ segment: 2, index: 1 });
    expect(move(layout, { segment: 2, index: 0 }, "up")).toEqual({ segment: 0, index: 3 });
    expect(move(layout, { segment: 0, index: 4 }, "right")).toEqual({ segment: 2, index: 0 });
    expect(move(layout, { segment: 2, index: 0 }, "left")).toEqual({ segment: 0, index: 4 });
    expect(move(layout, { segment: 0, index: 0 }, "up")).toEqual({ segment: 0, index: 0 });
    expect(move(layout, { segment: 0, index: 0 }, "end")).toEqual({ segment: 2, index: 3 });
  });

  it("has nothing to select in an empty library", () => {
    expect(move(buildLayout(one(0), 1, 40, 30), null, "down")).toBeNull();
  });

  it("scrolls a selected row into view, bringing a group's header with its first row", () => {
    const layout = buildLayout(one(1000), 1, 40, 30);
    expect(scrollToShow(layout, { segment: 0, index: 5 }, 0, 400)).toBeNull();
    expect(scrollToShow(layout, { segment: 0, index: 20 }, 0, 400)).toBe(21 * 40 - 400);
    expect(scrollToShow(layout, { segment: 0, index: 3 }, 400, 400)).toBe(120);
    const grouped = buildLayout(
      [
        { key: "a", label: "A", count: 10 },
        { key: "b", label: "B", count: 10 },
      ],
      1,
      40,
      30,
    );
    // B starts at 30 + 400 = 430; its first row at 460 brings the header at 430 into view.
    expect(scrollToShow(grouped, { segment: 1, index: 0 }, 800, 300)).toBe(430);
    expect(scrollToShow(grouped, { segment: 1, index: 1 }, 800, 300)).toBe(500);
  });
});

describe("the first render's viewport", () => {
  it("is the window's height below the toolbar and column heads, at least one row", () => {
    expect(estimatedViewport(800, 46)).toBe(800 - ROWS_TOP_ESTIMATE);
    expect(estimatedViewport(100, 46)).toBe(46);
  });
});
