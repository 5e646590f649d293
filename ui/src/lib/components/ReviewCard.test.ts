import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { Review } from "../bindings/Review";
import ReviewCard from "./ReviewCard.svelte";

afterEach(() => clearMocks());

const review = (overrides: Partial<Review>): Review => ({
  id: 1,
  filmId: 1,
  kind: "article",
  title: "On dolls",
  author: "A. Critic",
  source: null,
  url: null,
  publishedOn: "2004-09-01",
  rating: 4.5,
  spoiler: false,
  body: "[site](https://example.org/r)",
  bodyHtml: '<p><a href="https://example.org/r" rel="noopener noreferrer nofollow">site</a></p>',
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  ...overrides,
});

describe("ReviewCard", () => {
  it("hands a clicked link to the system browser instead of navigating", async () => {
    const opened: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "open_link") opened.push(args);
      return null;
    });
    render(ReviewCard, { review: review({}), onedit: () => {}, ondelete: () => {} });
    const link = screen.getByText("site");
    const notCancelled = await fireEvent.click(link);
    expect(notCancelled).toBe(false);
    expect(opened).toEqual([{ url: "https://example.org/r" }]);
    expect(screen.getByLabelText("Rated 4.5 out of 5")).toHaveTextContent("★★★★½");
  });

  it("hides a spoiler until asked", async () => {
    mockIPC(() => null);
    render(ReviewCard, { review: review({ spoiler: true }), onedit: () => {}, ondelete: () => {} });
    expect(screen.queryByTestId("review-body")).toBeNull();
    await fireEvent.click(screen.getByText(/Contains spoilers/));
    expect(screen.getByTestId("review-body")).toHaveTextContent("site");
  });

  it("marks highlights, shows their notes, and highlights a selected passage with a note", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      return null;
    });
    let changed = 0;
    const highlight = {
      id: 7, reviewId: 1, filmId: 1, quote: "dolls dream", prefix: "", suffix: "", start: 4,
      note: "Kleist", orphaned: false, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z",
    };
    render(ReviewCard, {
      review: review({ body: "The dolls dream of us.", bodyHtml: "<p>The dolls dream of us.</p>" }),
      onedit: () => {},
      ondelete: () => {},
      highlights: [highlight],
      onhighlights: () => changed++,
    });
    expect(screen.getByTestId("highlight-mark")).toHaveTextContent("dolls dream");
    expect(screen.getByTestId("margin-note")).toHaveTextContent("Kleist");

    const text = screen.getByTestId("review-body").querySelector("p")!.lastChild as Text;
    const range = document.createRange();
    range.setStart(text, 1);
    range.setEnd(text, 6);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    await fireEvent(document, new Event("selectionchange"));
    await fireEvent.click(screen.getByRole("button", { name: "Highlight the selected passage with a note" }));
    await fireEvent.input(screen.getByLabelText("Note on the selected passage"), { target: { value: "us?" } });
    await fireEvent.click(screen.getByTestId("save-highlight-note"));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.find((c) => c.cmd === "add_highlight")?.args).toEqual({
      reviewId: 1,
      input: { quote: "of us", note: "us?", near: 16 },
    });
    expect(changed).toBe(1);
  });
});
