import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { FilmList } from "../bindings/FilmList";
import { app } from "../app.svelte";
import { palme } from "../lists.fixture";
import Lists from "./Lists.svelte";

afterEach(() => {
  clearMocks();
  app.go({ name: "library" });
});

const { entries: _entries, ghosts: _ghosts, ...palmeList } = palme;
const lists: FilmList[] = [palmeList, { ...palmeList, id: 2, name: "Empty", canon: null, seen: 0, total: 0, filmCount: 0 }];

describe("Lists", () => {
  it("shows every list with its progress, as a bar and in words", async () => {
    mockIPC((cmd) => (cmd === "list_lists" ? lists : null));
    render(Lists);
    const progress = await screen.findAllByTestId("list-progress");
    expect(progress.map((p) => p.textContent)).toEqual(["1 of 3 seen", "0 of 0 seen"]);
    expect(screen.getByRole("progressbar", { name: "Palme d'Or: 1 of 3 seen" })).toHaveAttribute("aria-valuenow", "1");
  });

  it("follows an award by its Q-id and opens the list it made", async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_lists") return [];
      if (cmd === "add_canon") {
        asked.push(args);
        return palme;
      }
      return null;
    });
    render(Lists);
    await fireEvent.input(screen.getByLabelText("Follow an award…"), { target: { value: " q179808 " } });
    await fireEvent.click(screen.getByTestId("follow-award-submit"));
    await waitFor(() => expect(asked).toEqual([{ award: "Q179808" }]));
    await waitFor(() => expect(app.route).toEqual({ name: "lists", id: 1 }));
  });

  it("shows the error of an award Wikidata does not know beside the form", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_lists") return [];
      if (cmd === "add_canon") throw { kind: "invalid", message: "Wikidata knows no award named \"Golden Turnip\"", field: "award" };
      return null;
    });
    render(Lists);
    await fireEvent.input(screen.getByLabelText("Follow an award…"), { target: { value: "Golden Turnip" } });
    await fireEvent.click(screen.getByTestId("follow-award-submit"));
    expect(await screen.findByTestId("follow-error")).toHaveTextContent("Golden Turnip");
  });

  it("follows a list file chosen in the open dialog, says what it did and opens the list", async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_lists") return [];
      if (cmd === "plugin:dialog|open") return "/home/me/slow-cinema.csv";
      if (cmd === "follow_list_file") {
        asked.push(args);
        return { listId: 7, name: "Slow Cinema", linked: 3, ghosts: 1, total: 4, seen: 1 };
      }
      return null;
    });
    render(Lists);
    await fireEvent.click(screen.getByTestId("follow-file"));
    await waitFor(() => expect(asked).toEqual([{ path: "/home/me/slow-cinema.csv", name: null, dryRun: false }]));
    await waitFor(() => expect(app.route).toEqual({ name: "lists", id: 7 }));
    expect(app.toast?.message).toBe("“Slow Cinema”: 3 linked, 1 film not in your catalog — 1 of 4 seen");
  });

  it("does nothing when the open dialog is cancelled, and shows a bad file's error beside the button", async () => {
    let picked: string | null = null;
    const followed: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_lists") return [];
      if (cmd === "plugin:dialog|open") return picked;
      if (cmd === "follow_list_file") {
        followed.push(args);
        throw { kind: "import", message: "bad.csv, line 3, column Year: \"19x9\" is not a year" };
      }
      return null;
    });
    render(Lists);
    await fireEvent.click(screen.getByTestId("follow-file"));
    await waitFor(() => expect(screen.getByTestId("follow-file")).not.toBeDisabled());
    expect(followed).toEqual([]);
    expect(screen.queryByTestId("follow-file-error")).toBeNull();
    picked = "/home/me/bad.csv";
    await fireEvent.click(screen.getByTestId("follow-file"));
    expect(await screen.findByTestId("follow-file-error")).toHaveTextContent("bad.csv, line 3, column Year");
    expect(app.route).toEqual({ name: "library" });
  });

  it("greys a list file's ghost and adds it to the catalog by its id", async () => {
    const added: unknown[] = [];
    const fromFile = {
      ...palme,
      canon: "file:Slow Cinema",
      ghosts: [{ position: 2, note: "Potatoes", referenceId: "title:1975|jeanne dielman", title: "Jeanne Dielman", year: 1975, directors: [] }],
    };
    mockIPC((cmd, args) => {
      if (cmd === "get_list") return fromFile;
      if (cmd === "add_ghost_film") {
        added.push(args);
        return fromFile;
      }
      return null;
    });
    render(Lists, { props: { id: 1 } });
    const ghost = await screen.findByTestId("ghost-entry");
    expect(ghost).toHaveClass("ghost-row");
    expect(ghost).toHaveTextContent("Jeanne Dielman (1975)");
    expect(ghost).toHaveTextContent("Potatoes");
    expect(screen.getByText(/followed from a list file/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Add Jeanne Dielman to the catalog" }));
    await waitFor(() => expect(added).toEqual([{ id: 1, referenceId: "title:1975|jeanne dielman" }]));
  });

  it("opens a list with films and ghosts in order, and adds a ghost to the catalog", async () => {
    const added: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "get_list") return palme;
      if (cmd === "add_ghost_film") {
        added.push(args);
        return palme;
      }
      return null;
    });
    render(Lists, { props: { id: 1 } });
    expect(await screen.findByTestId("detail-progress")).toHaveTextContent("1 of 3 seen");
    const rows = screen.getAllByRole("listitem");
    expect(rows.map((r) => r.dataset.testid)).toEqual(["list-entry", "ghost-entry", "list-entry"]);
    expect(rows[0]).toHaveTextContent("Pulp Fiction");
    expect(rows[0]).toHaveTextContent("first");
    expect(rows[1]).toHaveTextContent("Parasite (2019)");
    expect(screen.getByRole("button", { name: "Move Pulp Fiction up" })).toBeDisabled();
    await fireEvent.click(screen.getByRole("button", { name: "Add Parasite to the catalog" }));
    await waitFor(() => expect(added).toEqual([{ id: 1, referenceId: "wikidata:Q61448040" }]));
  });

  it("moves an entry down and saves a note by its position", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      if (cmd === "get_list") return palme;
      if (cmd === "reorder_list_entry" || cmd === "set_list_entry_note") {
        calls.push([cmd, args]);
        return palme;
      }
      return null;
    });
    render(Lists, { props: { id: 1 } });
    await fireEvent.click(await screen.findByRole("button", { name: "Move Pulp Fiction down" }));
    await fireEvent.click(screen.getByRole("button", { name: "Edit the note on Parasite" }));
    await fireEvent.input(screen.getByLabelText("Note on Parasite"), { target: { value: "Bong!" } });
    await fireEvent.click(screen.getByTestId("save-entry-note"));
    await waitFor(() =>
      expect(calls).toEqual([
        ["reorder_list_entry", { id: 1, position: 1, toPosition: 2 }],
        ["set_list_entry_note", { id: 1, position: 2, note: "Bong!" }],
      ]),
    );
  });
});
