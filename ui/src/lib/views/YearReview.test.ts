import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { app } from "../app.svelte";
import type { YearInReview } from "../bindings/YearInReview";
import YearReview from "./YearReview.svelte";

// jsdom cannot draw a page onto a canvas: the renderer is replaced, what the view does with it is tested.
vi.mock("../stats/snapshot", () => ({ renderPng: vi.fn(async () => "data:image/png;base64,iVBORw0KGgo=") }));

afterEach(() => clearMocks());

const months = Array.from({ length: 12 }, (_, i) => ({ key: `2024-${String(i + 1).padStart(2, "0")}`, count: i === 2 ? 3 : 0 }));

const review: YearInReview = {
  year: 2024,
  filmsSeen: 2,
  viewingCount: 3,
  firstTime: 2,
  rewatches: 1,
  minutesWatched: 270,
  unknownRuntime: 1,
  topDirectors: [{ key: "Agnès Varda", count: 2 }],
  topGenres: [],
  bestRated: [{ filmId: 7, title: "Vagabond", year: 1985, rating: 4.5 }],
  months,
  days: [
    { key: "2024-03-01", count: 2 },
    { key: "2024-03-02", count: 1 },
  ],
  longestStreak: 2,
};

describe("Year in review", () => {
  it("shows the big numbers, the lists, the month strip and the heatmap of the year asked", async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "get_year_in_review") asked.push((args as { year: number }).year);
      return review;
    });
    render(YearReview, { year: 2024 });
    expect(await screen.findByTestId("year-films")).toHaveTextContent("2");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("2024 in review");
    expect(screen.getByTestId("year-hours")).toHaveTextContent("4.5");
    expect(screen.getByTestId("year-unknown")).toHaveTextContent("+ 1 viewing of unknown runtime");
    expect(screen.getByTestId("year-first-time")).toHaveTextContent("2");
    expect(screen.getByText("1 rewatch (33%)")).toBeInTheDocument();
    expect(screen.getByTestId("year-directors")).toHaveTextContent("Agnès Varda 2 films");
    expect(screen.getByText("No genres known.")).toBeInTheDocument();
    expect(screen.getByTestId("year-best")).toHaveTextContent("Vagabond (1985)");
    expect(screen.getByLabelText("rated 4.5 of 5")).toHaveTextContent("★★★★½");
    expect(screen.getByTestId("year-months")).toHaveAttribute("aria-label", expect.stringContaining("Mar 3, Apr 0"));
    expect(screen.getByTestId("stats-chart-heatmap").querySelectorAll("svg[role=img] rect.level-4")).toHaveLength(1);
    expect(asked).toEqual([2024]);
  });

  it("shows an empty year as a page, not an error, and the picker opens another year", async () => {
    mockIPC(() => ({ ...review, filmsSeen: 0, viewingCount: 0, firstTime: 0, rewatches: 0, bestRated: [], days: [] }));
    render(YearReview, { year: 2021 });
    expect(await screen.findByTestId("year-empty")).toHaveTextContent("No viewings recorded in 2021.");
    await fireEvent.change(screen.getByTestId("year-pick"), { target: { value: "2020" } });
    expect(app.route).toEqual({ name: "year", year: 2020 });
  });

  it("saves the Markdown page and the rendered image to the paths the save dialog returns", async () => {
    const exports: Record<string, unknown>[] = [];
    const dialogs: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "plugin:dialog|save") {
        dialogs.push((args as { options: { defaultPath: string } }).options.defaultPath);
        return dialogs.length === 1 ? "/tmp/2024.md" : "/tmp/2024.png";
      }
      if (cmd === "export_year_in_review") {
        exports.push(args as Record<string, unknown>);
        return null;
      }
      return review;
    });
    render(YearReview, { year: 2024 });
    await screen.findByTestId("year-films");
    await fireEvent.click(screen.getByRole("button", { name: "Save as Markdown…" }));
    expect(await screen.findByTestId("year-saved")).toHaveTextContent("Saved to /tmp/2024.md");
    await fireEvent.click(screen.getByRole("button", { name: "Save as image…" }));
    await waitFor(() => expect(exports).toHaveLength(2));
    expect(dialogs).toEqual(["cinedex-2024-in-review.md", "cinedex-2024-in-review.png"]);
    expect(exports[0]).toMatchObject({ year: 2024, format: "markdown", path: "/tmp/2024.md", replace: true });
    expect(exports[1]).toMatchObject({ year: 2024, format: "png", path: "/tmp/2024.png", pngBase64: "data:image/png;base64,iVBORw0KGgo=" });
  });

  it("shows a refused save next to the page", async () => {
    mockIPC((cmd) => {
      if (cmd === "plugin:dialog|save") return "/tmp/2024.md";
      if (cmd === "export_year_in_review") throw { kind: "conflict", message: "/tmp/2024.md already exists" };
      return review;
    });
    render(YearReview, { year: 2024 });
    await screen.findByTestId("year-films");
    await fireEvent.click(screen.getByRole("button", { name: "Save as Markdown…" }));
    expect(await screen.findByTestId("year-failure")).toHaveTextContent("already exists");
  });
});
