import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Film } from "../bindings/Film";
import type { FilmListQuery } from "../bindings/FilmListQuery";
import { app } from "../app.svelte";
import Library from "./Library.svelte";

beforeEach(() => {
  localStorage.clear();
  app.libraryView = "table";
  app.libraryGroup = "none";
});
afterEach(() => clearMocks());

const film = (id: number, title: string, extra: Partial<Film> = {}): Film => ({
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
  ...extra,
});

/** A mock core over `films`, paging like the real one. */
function mockLibrary(films: Film[], queries: FilmListQuery[] = []) {
  mockIPC((cmd, args) => {
    const query = (args as { query: FilmListQuery }).query;
    if (cmd === "list_film_page") {
      queries.push(query);
      const kept = query.group ? films.filter((f) => String(f.year) === query.group!.key) : films;
      return { total: kept.length, offset: query.offset, films: kept.slice(query.offset, query.offset + (query.limit ?? kept.length)) };
    }
    if (cmd === "list_film_groups") {
      const years = [...new Set(films.map((f) => String(f.year)))];
      return years.map((y) => ({ key: y, label: `${y}s`, count: films.filter((f) => String(f.year) === y).length }));
    }
    if (cmd === "delete_film") return null;
    return null;
  });
}

describe("Library", () => {
  it("greets an empty catalog with a first-run state", async () => {
    mockLibrary([]);
    render(Library);
    expect(await screen.findByTestId("empty-state")).toHaveTextContent("Add your first film");
    expect(screen.queryByTestId("film-table")).toBeNull();
  });

  it("lists films with their directors, themes and review count", async () => {
    mockLibrary([film(1, "Innocence"), film(2, "Patlabor 2")]);
    render(Library);
    await waitFor(() => expect(screen.getAllByTestId("film-row")).toHaveLength(2));
    const first = screen.getAllByTestId("film-row")[0];
    expect(first).toHaveTextContent("Innocence");
    expect(first).toHaveTextContent("Mamoru Oshii, Kazunori Itō");
    expect(first).toHaveTextContent("cyberpunk");
    expect(screen.queryByTestId("empty-state")).toBeNull();
  });

  it("renders only a window of a 100,000-film library and asks for one page", async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => film(i + 1, `Film ${i}`));
    const queries: FilmListQuery[] = [];
    mockLibrary(many, queries);
    render(Library);
    await waitFor(() => expect(screen.getAllByTestId("film-row").length).toBeGreaterThan(5));
    expect(screen.getAllByTestId("film-row").length).toBeLessThan(60);
    expect(queries.every((q) => q.limit === 100)).toBe(true);
    expect(screen.getByTestId("film-table")).toHaveAttribute("aria-rowcount", "100001");
  });

  it("asks Rust for the next order when a column header is clicked", async () => {
    const queries: FilmListQuery[] = [];
    mockLibrary([film(1, "Innocence")], queries);
    render(Library);
    const yearHeader = await screen.findByTestId("sort-year");
    yearHeader.click();
    await waitFor(() => expect(queries[queries.length - 1]).toMatchObject({ sort: "year", descending: false, offset: 0 }));
    yearHeader.click();
    await waitFor(() => expect(queries[queries.length - 1]).toMatchObject({ sort: "year", descending: true }));
  });

  it("shows a poster grid with placeholders and group headers with counts", async () => {
    mockLibrary([film(1, "Innocence", { year: 2004 }), film(2, "Akira", { year: 1988 }), film(3, "Perfect Blue", { year: 1997, hasPoster: false })]);
    render(Library);
    await screen.findByTestId("film-table");
    await fireEvent.click(screen.getByTestId("view-grid"));
    await fireEvent.change(screen.getByTestId("group-by"), { target: { value: "decade" } });
    await waitFor(() => expect(screen.getAllByTestId("group-header")).toHaveLength(3));
    expect(screen.getAllByTestId("group-header")[0]).toHaveTextContent("2004s 1");
    await waitFor(() => expect(screen.getAllByTestId("grid-card")).toHaveLength(3));
    expect(screen.getAllByTestId("poster-placeholder")[0]).toHaveTextContent("Innocence 2004");
  });

  it("moves with the arrow keys, opens with Enter and trashes with Delete", async () => {
    const calls: string[] = [];
    mockIPC((cmd, args) => {
      calls.push(cmd);
      if (cmd === "list_film_page") {
        const q = (args as { query: FilmListQuery }).query;
        return { total: 2, offset: q.offset, films: [film(1, "Innocence"), film(2, "Akira")] };
      }
      return null;
    });
    render(Library);
    const table = await screen.findByTestId("film-table");
    await waitFor(() => expect(screen.getAllByTestId("film-row")).toHaveLength(2));
    await fireEvent.keyDown(table, { key: "ArrowDown" });
    await fireEvent.keyDown(table, { key: "ArrowDown" });
    expect(table).toHaveAttribute("aria-activedescendant", "film-0-1");
    expect(screen.getAllByTestId("film-row")[1]).toHaveAttribute("aria-selected", "true");
    await fireEvent.keyDown(table, { key: "Delete" });
    await waitFor(() => expect(calls).toContain("delete_film"));
    await fireEvent.keyDown(table, { key: "ArrowUp" });
    await fireEvent.keyDown(table, { key: "Enter" });
    expect(app.route).toEqual({ name: "film", id: 1 });
  });
});
