import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { SearchResults } from "../bindings/SearchResults";
import { app } from "../app.svelte";
import Search from "./Search.svelte";

afterEach(() => clearMocks());

const results = (query: string, title: string): SearchResults => ({
  query,
  total: 1,
  totalIsEstimate: false,
  facets: { directors: [{ value: "Mamoru Oshii", count: 1, filter: 'director:"Mamoru Oshii"' }], themes: [], genres: [], decades: [] },
  hits: [
    {
      film: {
        id: 1,
        title,
        originalTitle: null,
        year: 2004,
        directors: ["Mamoru Oshii"],
        themes: [],
        reviewCount: 1,
        watchStatus: "none",
        viewingCount: 0,
        lastWatchedOn: null,
        createdAt: "2026-01-01T00:00:00Z",
        updatedAt: "2026-01-01T00:00:00Z",
        deletedAt: null,
        rating: null,
        hasPoster: false,
      },
      matched: ["title", "review"],
      title: [
        { text: title.slice(0, 4), hit: true },
        { text: title.slice(4), hit: false },
      ],
      originalTitle: null,
      snippet: { reviewId: 9, kind: "review", title: null, author: null, text: [{ text: "<b>dolls</b>", hit: true }] },
    },
  ],
});

describe("Search", () => {
  it("shows highlighted titles and snippets as text, and facets that narrow the query", async () => {
    const asked: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "search_films") {
        const query = (args as { query: string }).query;
        asked.push(query);
        return results(query, "Innocence");
      }
      return [];
    });
    render(Search);
    const input = screen.getByTestId("search-input");
    await fireEvent.input(input, { target: { value: "inno" } });
    const hit = await screen.findByTestId("search-result");
    expect(hit.querySelector("mark")?.textContent).toBe("Inno");
    const snippet = screen.getByTestId("search-snippet");
    expect(snippet.querySelector("mark")?.textContent).toBe("<b>dolls</b>");
    expect(snippet.querySelector("b")).toBeNull();
    await fireEvent.click(screen.getByTestId("facet"));
    await waitFor(() => expect(asked).toContain('inno director:"Mamoru Oshii"'));
  });

  it("never shows the answer to an older query after a newer one", async () => {
    let releaseSlow!: () => void;
    mockIPC((cmd, args) => {
      if (cmd !== "search_films") return [];
      const query = (args as { query: string }).query;
      if (query === "a") return new Promise((resolve) => (releaseSlow = () => resolve(results("a", "Akira"))));
      return results(query, "Amélie");
    });
    render(Search);
    const input = screen.getByTestId("search-input");
    await fireEvent.input(input, { target: { value: "a" } });
    await fireEvent.input(input, { target: { value: "am" } });
    await waitFor(() => expect(screen.getByTestId("search-result")).toHaveTextContent("Amélie"));
    releaseSlow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId("search-result")).toHaveTextContent("Amélie");
  });

  it("links each person of a result to their page, outside the result's button, and arrows move between results", async () => {
    mockIPC((cmd, args) => {
      if (cmd !== "search_films") return [];
      const found = results((args as { query: string }).query, "Innocence");
      const second = structuredClone(found.hits[0]);
      second.film.id = 2;
      second.film.title = "Patlabor";
      second.film.directors = ["Mamoru Oshii", "Kazunori Itō"];
      return { ...found, total: 2, hits: [found.hits[0], second] };
    });
    app.go({ name: "search" });
    render(Search);
    await fireEvent.input(screen.getByTestId("search-input"), { target: { value: "oshii" } });
    await waitFor(() => expect(screen.getAllByTestId("search-result")).toHaveLength(2));
    const [first, second] = screen.getAllByTestId("search-result");
    expect(first.querySelector("button button")).toBeNull();
    const names = Array.from(second.querySelectorAll<HTMLButtonElement>("[data-testid=search-person]"));
    expect(names.map((name) => name.textContent)).toEqual(["Mamoru Oshii", "Kazunori Itō"]);
    expect(names.every((name) => name.closest("button.hit") === null)).toBe(true);

    const [hitOne, hitTwo] = [first, second].map((li) => li.querySelector<HTMLButtonElement>("button.hit")!);
    hitOne.focus();
    await fireEvent.keyDown(hitOne, { key: "ArrowDown" });
    expect(document.activeElement).toBe(hitTwo);
    await fireEvent.keyDown(names[1], { key: "ArrowUp" });
    expect(document.activeElement).toBe(hitOne);
    await fireEvent.keyDown(hitOne, { key: "ArrowUp" });
    expect(document.activeElement).toBe(hitTwo);

    await fireEvent.click(names[1]);
    expect(app.route).toEqual({ name: "person", query: "Kazunori Itō" });
    app.go({ name: "search" });
    await fireEvent.click(hitOne);
    expect(app.route).toEqual({ name: "film", id: 1 });
  });
});
