import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ArticleProposal } from "../bindings/ArticleProposal";
import ArticleImport from "./ArticleImport.svelte";

afterEach(() => clearMocks());

const proposal: ArticleProposal = {
  filmId: null,
  film: { title: "Innocence", originalTitle: null, year: 2004, directors: ["Mamoru Oshii"], themes: ["cyberpunk"] },
  conflicts: [],
  candidates: [],
  review: {
    kind: "article",
    title: "Innocence review",
    author: null,
    source: "Abbey Badges",
    url: null,
    publishedOn: null,
    rating: null,
    spoiler: false,
    body: "A film of dolls.",
  },
  droppedThemes: ["Innocence", "Mamoru Oshii"],
  checked: null,
};

describe("the article import's left-out keywords", () => {
  it("are shown unticked, and a ticked one is saved as a theme", async () => {
    const imported: ArticleProposal[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "propose_article") return structuredClone(proposal);
      if (cmd === "render_markdown") return "<p>A film of dolls.</p>";
      if (cmd === "import_article") {
        imported.push((args as { proposal: ArticleProposal }).proposal);
        return { id: 7, title: "Innocence" };
      }
      return null;
    });
    render(ArticleImport, { onclose: () => {} });
    await fireEvent.input(screen.getByTestId("article-text"), { target: { value: "Innocence\n\nA film of dolls." } });
    await fireEvent.click(screen.getByTestId("read-article"));
    const dropped = await screen.findByTestId("dropped-themes");
    const boxes = dropped.querySelectorAll<HTMLInputElement>("input[type=checkbox]");
    expect([...boxes].map((b) => b.checked)).toEqual([false, false]);
    expect(dropped.textContent).toContain("Mamoru Oshii");
    await fireEvent.click(boxes[0]);
    await fireEvent.click(screen.getByTestId("confirm-import"));
    await vi.waitFor(() => expect(imported).toHaveLength(1));
    expect(imported[0].film.themes).toEqual(["cyberpunk", "Innocence"]);
  });
});

describe("the article import from a web address", () => {
  it("asks the core to fetch the page when no text is pasted", async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "propose_article_from_url") {
        asked.push(args);
        return structuredClone(proposal);
      }
      if (cmd === "render_markdown") return "<p>A film of dolls.</p>";
      return null;
    });
    render(ArticleImport, { onclose: () => {} });
    const read = screen.getByTestId("read-article") as HTMLButtonElement;
    expect(read.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId("article-url"), { target: { value: " https://framerate.example/r " } });
    expect(read.disabled).toBe(false);
    await fireEvent.click(read);
    await screen.findByTestId("article-proposal");
    expect(asked).toEqual([{ url: "https://framerate.example/r", filmId: null }]);
  });
});

describe("the article import's fact check", () => {
  it("shows the reference beside the catalog and the article, and takes its value", async () => {
    const checked: ArticleProposal = {
      ...structuredClone(proposal),
      film: { ...proposal.film, directors: ["Andrei Tarkovsky"] },
      conflicts: [{ field: "directors", catalog: [], article: ["Steven Soderbergh"], reference: ["Andrei Tarkovsky"] }],
      checked: "wikidata",
    };
    const imported: ArticleProposal[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "propose_article") return structuredClone(checked);
      if (cmd === "render_markdown") return "<p>x</p>";
      if (cmd === "import_article") {
        imported.push((args as { proposal: ArticleProposal }).proposal);
        return { id: 1, title: "Solaris" };
      }
      return null;
    });
    render(ArticleImport, { onclose: () => {} });
    await fireEvent.input(screen.getByTestId("article-text"), { target: { value: "Solaris\n\nx" } });
    await fireEvent.click(screen.getByTestId("read-article"));
    const reference = (await screen.findByTestId("conflict-directors-reference")) as HTMLInputElement;
    expect(reference.checked).toBe(true);
    expect(screen.getByTestId("conflict-directors").textContent).toContain("Wikidata: Andrei Tarkovsky");
    expect(screen.getByTestId("facts-checked").textContent).toContain("checked against Wikidata");
    await fireEvent.click(screen.getByTestId("conflict-directors-article"));
    await fireEvent.click(screen.getByTestId("confirm-import"));
    await vi.waitFor(() => expect(imported).toHaveLength(1));
    expect(imported[0].film.directors).toEqual(["Steven Soderbergh"]);
  });
});
