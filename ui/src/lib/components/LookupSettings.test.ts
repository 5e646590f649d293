import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { SettingsChange } from "../bindings/SettingsChange";
import type { SettingsView } from "../bindings/SettingsView";
import LookupSettings from "./LookupSettings.svelte";

afterEach(() => clearMocks());

const KEY = "0123456789abcdef0123456789abcdef";

describe("the lookup settings", () => {
  it("save the key once and show only its last characters, and switch lookups off", async () => {
    let view: SettingsView = { offline: false, offlineByEnvironment: false, tmdbKey: null, tmdbKeyByEnvironment: false, tmdbReady: false };
    const changes: SettingsChange[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "reference_settings") return view;
      if (cmd === "set_reference_settings") {
        const change = (args as { change: SettingsChange }).change;
        changes.push(change);
        view = {
          ...view,
          offline: change.offline ?? view.offline,
          tmdbKey: change.removeTmdbKey ? null : change.tmdbKey ? "…cdef" : view.tmdbKey,
        };
        return view;
      }
      return null;
    });
    const { container } = render(LookupSettings);
    await fireEvent.input(await screen.findByTestId("tmdb-key"), { target: { value: KEY } });
    await fireEvent.click(screen.getByTestId("save-tmdb-key"));
    expect(await screen.findByTestId("tmdb-key-saved")).toHaveTextContent("…cdef");
    expect(changes[0]).toEqual({ offline: null, tmdbKey: KEY, removeTmdbKey: false });
    expect(container.innerHTML).not.toContain(KEY);

    await fireEvent.click(screen.getByTestId("offline-switch"));
    await screen.findByTestId("tmdb-key-saved");
    expect(changes[1]).toEqual({ offline: true, tmdbKey: null, removeTmdbKey: false });
    expect((screen.getByTestId("offline-switch") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId("about")).toHaveTextContent("not endorsed or certified by TMDB");
  });
});
