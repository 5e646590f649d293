import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { CompletionQueue } from "../bindings/CompletionQueue";
import type { Film } from "../bindings/Film";
import type { ReferenceFilm } from "../bindings/ReferenceFilm";
import Complete from "./Complete.svelte";

afterEach(() => clearMocks());

const film: Film = {
  id: 7,
  title: "Solaris",
  originalTitle: null,
  year: null,
  directors: [],
  themes: [],
  reviewCount: 0,
  watchStatus: "none",
  viewingCount: 0,
  lastWatchedOn: null,
  rating: null,
  hasPoster: false,
  createdAt: "2031-01-01T00:00:00Z",
  updatedAt: "2031-01-01T00:00:00Z",
  deletedAt: null,
};

const candidate = (id: string, year: number, director: string): ReferenceFilm => ({
  source: "wikidata",
  id,
  title: "Solaris",
  originalTitle: null,
  originalTitleLanguage: null,
  year,
  runtimeMinutes: null,
  credits: [{ role: "director", name: director, order: 0, character: null, personId: null }],
  genres: [],
  countries: [],
  originalLanguage: null,
  synopsis: null,
  description: `${year} film by ${director}`,
  externalIds: [],
  posterUrl: null,
  wikipediaUrl: null,
  complete: true,
});

function queueWith(review: boolean): CompletionQueue {
  return {
    review: review
      ? [
          {
            film,
            source: "wikidata",
            checkedAt: "2031-01-01T00:00:00Z",
            candidates: [
              { score: 0.9, film: candidate("Q228186", 1972, "Andrei Tarkovsky") },
              { score: 0.9, film: candidate("Q1140578", 2002, "Steven Soderbergh") },
            ],
          },
        ]
      : [],
    unmatched: [],
  };
}

describe("Complete", () => {
  it("shows a doubtful film beside its candidates and takes the one picked", async () => {
    const picks: unknown[] = [];
    let queued = true;
    mockIPC((cmd, args) => {
      if (cmd === "reference_settings") return { offline: false, offlineByEnvironment: false, tmdbKey: null, tmdbKeyByEnvironment: false, tmdbReady: false };
      if (cmd === "count_incomplete_films") return 3;
      if (cmd === "completion_queue") return queueWith(queued);
      if (cmd === "pick_completion") {
        picks.push(args);
        queued = false;
        return { filmId: 7, title: "Solaris", year: 1972, status: "applied", match: null, filled: ["directors", "year"], candidates: [], problem: null };
      }
      return null;
    });
    render(Complete);
    const count = await screen.findByTestId("incomplete-count");
    await waitFor(() => expect(count).toHaveTextContent("3 films are missing directors or ids."));
    const options = await screen.findAllByTestId("review-candidate");
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining("Andrei Tarkovsky"),
      expect.stringContaining("Steven Soderbergh"),
    ]);
    await fireEvent.click(screen.getByRole("button", { name: "This is Solaris (1972)" }));
    await waitFor(() => expect(picks).toEqual([{ filmId: 7, source: "wikidata", id: "Q228186" }]));
    await waitFor(() => expect(screen.queryAllByTestId("review-item")).toHaveLength(0));
  });

  it("starts a run over the films missing something and reports its totals", async () => {
    const runs: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "reference_settings") return { offline: false, offlineByEnvironment: false, tmdbKey: null, tmdbKeyByEnvironment: false, tmdbReady: false };
      if (cmd === "count_incomplete_films") return 30;
      if (cmd === "completion_queue") return queueWith(false);
      if (cmd === "complete_films") {
        runs.push(args);
        return {
          source: "wikidata",
          dryRun: false,
          films: [],
          totals: { films: 30, applied: 27, review: 2, unmatched: 1, unchanged: 0, remaining: 0 },
          stopped: null,
        };
      }
      return null;
    }, { shouldMockEvents: true });
    render(Complete);
    const start = await screen.findByTestId("complete-start");
    await waitFor(() => expect(start).not.toBeDisabled());
    await fireEvent.click(start);
    expect(await screen.findByTestId("complete-summary")).toHaveTextContent("27 filled · 2 to review · 1 unmatched.");
    expect(runs).toEqual([{ targets: { kind: "missing" }, source: "wikidata", dryRun: false }]);
  });
});
