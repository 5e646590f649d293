import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import RefreshPanel from "./RefreshPanel.svelte";

afterEach(() => clearMocks());

const film = {
  id: 7,
  title: "Innocence",
  deletedAt: null,
  externalIds: [{ source: "wikidata", value: "Q1140578" }],
} as never;

const field = (name: string, status: string, catalog: string[], reference: string[]) => ({
  field: name,
  label: name[0].toUpperCase() + name.slice(1),
  catalog,
  reference,
  status,
});

describe("RefreshPanel", () => {
  it("fills blanks on one click and takes a differing field only when picked", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    const compared = {
      filmId: 7,
      source: "wikidata",
      referenceId: "Q1140578",
      fields: [field("year", "differs", ["2003"], ["2004"]), field("genres", "fill", [], ["anime"]), field("title", "same", ["Innocence"], ["Innocence"])],
      applied: [],
    };
    mockIPC((cmd, args) => {
      calls.push({ cmd, args: args as Record<string, unknown> });
      if (cmd === "compare_with_reference") return compared;
      if (cmd === "take_from_reference") {
        const { fill, fields } = args as { fill: boolean; fields: string[] };
        return { ...compared, applied: fill ? ["genres"] : fields };
      }
      return null;
    });
    render(RefreshPanel, { film });
    await fireEvent.click(screen.getByTestId("refresh-compare"));
    expect(await screen.findByTestId("refresh-blanks")).toHaveTextContent("genres");
    expect(screen.getByTestId("conflict-year")).toHaveTextContent("Keep yours: 2003");
    expect(screen.queryByTestId("conflict-title")).toBeNull();
    expect(screen.getByTestId("refresh-take")).toBeDisabled();

    await fireEvent.click(screen.getByTestId("refresh-fill"));
    await vi.waitFor(() => expect(calls.some((c) => c.cmd === "take_from_reference")).toBe(true));
    expect(calls.find((c) => c.cmd === "take_from_reference")?.args).toMatchObject({ id: 7, fill: true });

    await fireEvent.click(screen.getByTestId("conflict-year-reference"));
    await fireEvent.click(screen.getByTestId("refresh-take"));
    await vi.waitFor(() => expect(calls.filter((c) => c.cmd === "take_from_reference")).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === "take_from_reference")[1].args).toMatchObject({ fields: ["year"], fill: false });
    expect(await screen.findByTestId("refresh-note")).toHaveTextContent("Took 1 field(s) from Wikidata");
  });

  it("finds a film without ids by its title and year, and sends a doubtful one to the queue", async () => {
    const asked: unknown[] = [];
    let status = "applied";
    mockIPC((cmd, args) => {
      if (cmd !== "complete_films") return null;
      asked.push(args);
      const match = { source: "wikidata", id: "Q1", score: 1, by: "title", title: "Stalker", year: 1979 };
      return {
        source: "wikidata",
        dryRun: false,
        films: [{ filmId: 9, title: "Stalker", year: 1979, status, match, filled: ["directors"], candidates: [], problem: null }],
        totals: { films: 1, applied: 1, review: 0, unmatched: 0, unchanged: 0, remaining: 0 },
        stopped: null,
      };
    });
    const typed = { id: 9, title: "Stalker", deletedAt: null, externalIds: [] } as never;
    render(RefreshPanel, { film: typed });
    expect(screen.queryByTestId("refresh-panel")).toBeNull();
    await fireEvent.click(screen.getByTestId("find-on-reference"));
    expect(await screen.findByTestId("find-note")).toHaveTextContent("Found on Wikidata: Stalker (1979) · wikidata:Q1 · 100%. Filled: directors.");
    expect(asked).toEqual([{ targets: { kind: "films", ids: [9] }, source: null, dryRun: false }]);
    status = "review";
    await fireEvent.click(screen.getByTestId("find-on-reference"));
    await vi.waitFor(() => expect(screen.getByTestId("find-note")).toHaveTextContent("Wikidata has more than one film by that title."));
    expect(screen.getByRole("button", { name: "Choose which one…" })).toBeTruthy();
  });
});
