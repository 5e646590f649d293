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
});
