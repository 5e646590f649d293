import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Stats } from "../bindings/Stats";
import Statistics from "./Statistics.svelte";

// jsdom has no canvas: the chart action is replaced, the markup around it is what is tested.
vi.mock("../stats/charts", () => ({ chart: () => ({ update() {}, destroy() {} }) }));

afterEach(() => clearMocks());

const stats: Stats = {
  filmCount: 3,
  viewingCount: 2,
  reviewCount: 1,
  filmsByDecade: [
    { key: "1950s", count: 1 },
    { key: "1960s", count: 2 },
  ],
  filmsByYear: [{ key: "1958", count: 1 }],
  viewingsByMonth: [{ key: "2024-03", count: 2 }],
  heatmapFrom: "2024-01-01",
  heatmapTo: "2024-12-31",
  viewingsByDay: [{ key: "2024-03-02", count: 2 }],
  topDirectors: [{ key: "Alfred Hitchcock", count: 2 }],
  topThemes: [],
  ratings: [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5].map((r) => ({ key: String(r), count: r === 4.5 ? 1 : 0 })),
  reviewsByMonth: [],
};

describe("Statistics", () => {
  it("shows the totals, a described chart per figure and the heatmap, asking for the chosen year", async () => {
    const queries: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "get_stats") queries.push((args as { query: unknown }).query);
      return stats;
    });
    render(Statistics);
    expect(await screen.findByTestId("stats-totals")).toHaveTextContent("3 films · 2 viewings · 1 review or note");
    expect(screen.getByTestId("stats-chart-directors")).toHaveAttribute("aria-label", "Top directors: Alfred Hitchcock 2 films");
    expect(screen.getByTestId("stats-chart-themes")).toHaveTextContent("Nothing yet.");
    expect(screen.getByTestId("stats-chart-heatmap").querySelectorAll("svg[role=img] rect.level-4")).toHaveLength(1);
    expect(queries).toEqual([{ year: null }]);
    await fireEvent.change(screen.getByTestId("stats-year"), { target: { value: String(new Date().getFullYear() - 1) } });
    await waitFor(() => expect(queries).toEqual([{ year: null }, { year: new Date().getFullYear() - 1 }]));
  });
});
