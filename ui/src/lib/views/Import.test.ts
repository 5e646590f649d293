import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { ImportSummary } from "../bindings/ImportSummary";
import { canCommit, counts, fraction, remap, where } from "../importing";
import Import from "./Import.svelte";

afterEach(() => clearMocks());

const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  source: "letterboxd", committed: false, rows: 5, newFilms: 3, matchedFilms: 1, updatedFilms: 1, viewings: 4,
  reviews: 1, notes: 0, lists: 1, listEntries: 2, skippedCount: 0, skipped: [], errorCount: 0, errors: [],
  columns: [], encoding: null, ...over,
});

describe("import logic", () => {
  it("computes the progress fraction without dividing by zero", () => {
    expect(fraction(0, 0)).toBe(0);
    expect(fraction(500, 1000)).toBe(0.5);
    expect(fraction(2000, 1000)).toBe(1);
  });

  it("refuses to commit a preview with errors", () => {
    expect(canCommit(summary())).toBe(true);
    expect(canCommit(summary({ errorCount: 1 }))).toBe(false);
    expect(canCommit(null)).toBe(false);
  });

  it("names where an issue is and remaps one column only", () => {
    expect(where({ file: "diary.csv", line: 3, column: "Rating" })).toBe("diary.csv:3 [Rating]");
    expect(where({ file: "x.json", line: null, column: null })).toBe("x.json");
    const columns = remap([{ column: "Film", field: "ignore" }, { column: "Year", field: "year" }], "Film", "title");
    expect(columns).toEqual([{ column: "Film", field: "title" }, { column: "Year", field: "year" }]);
    expect(counts(summary()).find((c) => c.key === "new")?.value).toBe(3);
  });
});

describe("Import view", () => {
  it("previews a typed path, shows counts and errors, and refuses to commit with errors", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "preview_import") return summary({ errors: [{ file: "diary.csv", line: 4, column: "Rating", message: "bad" }], errorCount: 1 });
      if (cmd === "plugin:event|listen") return 1;
      return null;
    });
    render(Import);
    await fireEvent.input(screen.getByTestId("import-path"), { target: { value: "/tmp/export.zip" } });
    await fireEvent.click(screen.getByTestId("import-preview-button"));
    expect(await screen.findByTestId("import-preview")).toBeTruthy();
    expect(screen.getByTestId("import-count-new").textContent).toBe("3");
    expect(screen.getByTestId("import-error").textContent).toContain("diary.csv:4 [Rating]");
    expect((screen.getByTestId("import-commit") as HTMLButtonElement).disabled).toBe(true);
    expect(calls[0]).toEqual(["preview_import", { source: "letterboxd", path: "/tmp/export.zip", options: { columns: [] } }]);
  });

  it("commits a clean preview and shows the report", async () => {
    mockIPC((cmd) => {
      if (cmd === "preview_import") return summary();
      if (cmd === "run_import") return summary({ committed: true });
      if (cmd === "plugin:event|listen") return 1;
      return null;
    });
    render(Import);
    await fireEvent.input(screen.getByTestId("import-path"), { target: { value: "/tmp/export.zip" } });
    await fireEvent.click(screen.getByTestId("import-preview-button"));
    await fireEvent.click(await screen.findByTestId("import-commit"));
    expect(await screen.findByTestId("import-report")).toBeTruthy();
    expect(screen.getByTestId("import-report-viewings").textContent).toBe("4");
    const bar = screen.getByTestId("import-progress") as HTMLProgressElement;
    expect(bar.tagName).toBe("PROGRESS");
    expect(bar.value).toBe(1);
  });
});
