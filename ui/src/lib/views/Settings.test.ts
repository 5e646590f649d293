import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { BackupInfo } from "../bindings/BackupInfo";
import type { RestoreReport } from "../bindings/RestoreReport";
import Settings from "./Settings.svelte";

afterEach(() => clearMocks());

const daily: BackupInfo = {
  path: "/data/backups/catalog-20310101-020000.000-daily.sqlite",
  createdAt: "2031-01-01T02:00:00Z",
  reason: "daily",
  sizeBytes: 200_000,
};
const safety: BackupInfo = {
  path: "/data/backups/catalog-20310102-090000.000-restore.sqlite",
  createdAt: "2031-01-02T09:00:00Z",
  reason: "restore",
  sizeBytes: 210_000,
};
const report: RestoreReport = { restoredFrom: daily.path, films: 1, reviews: 2, schemaVersion: 8, safetyCopy: safety };

describe("Settings", () => {
  it("says what a restore restored and offers to undo it with its safety copy", async () => {
    const restored: string[] = [];
    let backups = [daily];
    mockIPC((cmd, args) => {
      if (cmd === "catalog_info") return { path: "/data/catalog.sqlite", filmCount: 1, trashCount: 0, schemaVersion: 8 };
      if (cmd === "list_catalog_backups") return backups;
      if (cmd === "restore_backup") {
        restored.push((args as { path: string }).path);
        backups = [safety, daily];
        return report;
      }
      return null;
    });
    render(Settings);
    await fireEvent.click(await screen.findByRole("button", { name: "Restore…" }));
    await fireEvent.click(screen.getByTestId("confirm-restore"));
    const shown = await screen.findByTestId("restore-report");
    expect(shown).toHaveTextContent(`Restored the catalog from ${daily.path}: 1 film, 2 reviews and notes (schema version 8).`);
    await fireEvent.click(screen.getByTestId("undo-restore"));
    await fireEvent.click(screen.getByTestId("confirm-restore"));
    await waitFor(() => expect(restored).toEqual([daily.path, safety.path]));
  });
});
