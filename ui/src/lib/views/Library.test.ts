import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { Film } from "../bindings/Film";
import Library from "./Library.svelte";

afterEach(() => clearMocks());

const film = (id: number, title: string): Film => ({
  id,
  title,
  originalTitle: null,
  year: 2004,
  directors: ["Mamoru Oshii", "Kazunori Itō"],
  themes: ["cyberpunk"],
  reviewCount: 2,
  watchStatus: "none",
  viewingCount: 0,
  lastWatchedOn: null,
  rating: null,
  hasPoster: false,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  deletedAt: null,
});

describe("Library", () => {
  it("greets an empty catalog with a first-run state", async () => {
    mockIPC(() => []);
    render(Library);
    expect(await screen.findByTestId("empty-state")).toHaveTextContent("Add your first film");
    expect(screen.queryByTestId("film-table")).toBeNull();
  });

  it("lists films with their directors, themes and review count", async () => {
    mockIPC((cmd) => (cmd === "list_films" ? [film(1, "Innocence"), film(2, "Patlabor 2")] : null));
    render(Library);
    await waitFor(() => expect(screen.getAllByTestId("film-row")).toHaveLength(2));
    const first = screen.getAllByTestId("film-row")[0];
    expect(first).toHaveTextContent("Innocence");
    expect(first).toHaveTextContent("Mamoru Oshii, Kazunori Itō");
    expect(first).toHaveTextContent("cyberpunk");
    expect(screen.queryByTestId("empty-state")).toBeNull();
  });

  it("asks Rust for the next order when a column header is clicked", async () => {
    const queries: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_films") queries.push((args as { query: unknown }).query);
      return [film(1, "Innocence")];
    });
    render(Library);
    const yearHeader = await screen.findByTestId("sort-year");
    yearHeader.click();
    await waitFor(() => expect(queries[queries.length - 1]).toEqual({ titleFilter: null, watchStatus: null, sort: "year", descending: false, group: null, offset: 0, limit: null }));
    yearHeader.click();
    await waitFor(() => expect(queries[queries.length - 1]).toEqual({ titleFilter: null, watchStatus: null, sort: "year", descending: true, group: null, offset: 0, limit: null }));
  });
});
