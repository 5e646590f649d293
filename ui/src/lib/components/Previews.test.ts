import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ArticleProposal } from "../bindings/ArticleProposal";
import type { Review } from "../bindings/Review";
import ArticleImport from "./ArticleImport.svelte";
import ReviewForm from "./ReviewForm.svelte";

afterEach(() => clearMocks());

const HOSTILE_HTML = '<p>See <a href="https://example.invalid/" rel="noopener noreferrer nofollow">the studio</a>.</p>';

const proposal: ArticleProposal = {
  filmId: null,
  film: { title: "Stalker", originalTitle: null, year: 1979, directors: [], themes: [] },
  conflicts: [],
  candidates: [],
  review: {
    kind: "article",
    title: "Into the Zone",
    author: null,
    source: null,
    url: null,
    publishedOn: null,
    rating: null,
    spoiler: false,
    body: "See [the studio](https://example.invalid/).",
  },
  droppedThemes: [],
  checked: null,
};

/** Answers the commands the previews call; records what open_link was asked to open. */
function mockCommands(): unknown[] {
  const opened: unknown[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "open_link") opened.push(args);
    if (cmd === "propose_article") return proposal;
    if (cmd === "render_markdown") return HOSTILE_HTML;
    return null;
  });
  return opened;
}

describe("previews of rendered Markdown", () => {
  it("the review form's preview hands a clicked link to the system browser", async () => {
    const opened = mockCommands();
    const review = { id: 1, filmId: 1, kind: "review", body: "x", bodyHtml: HOSTILE_HTML } as Review;
    render(ReviewForm, { filmId: 1, review, onsaved: () => {}, oncancel: () => {} });
    const link = await screen.findByText("the studio");
    expect(screen.getByTestId("review-preview")).toContainElement(link);
    expect(await fireEvent.click(link)).toBe(false);
    await vi.waitFor(() => expect(opened).toEqual([{ url: "https://example.invalid/" }]));
  });

  it("the article import's preview hands a clicked link to the system browser", async () => {
    const opened = mockCommands();
    render(ArticleImport, { onclose: () => {} });
    await fireEvent.input(screen.getByTestId("article-text"), { target: { value: "Into the Zone\n\nSee it." } });
    await fireEvent.click(screen.getByTestId("read-article"));
    const link = await screen.findByText("the studio");
    expect(screen.getByTestId("article-preview")).toContainElement(link);
    expect(await fireEvent.click(link)).toBe(false);
    await vi.waitFor(() => expect(opened).toEqual([{ url: "https://example.invalid/" }]));
  });
});
