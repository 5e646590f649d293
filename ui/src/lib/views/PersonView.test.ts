import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { PersonPage } from "../bindings/PersonPage";
import PersonView from "./PersonView.svelte";

afterEach(() => clearMocks());

const page: PersonPage = {
  person: { id: 7, name: "Hayao Miyazaki", wikidataId: "Q55400", tmdbId: null, birthYear: null, deathYear: null },
  roles: [
    {
      role: "director",
      seen: 1,
      total: 2,
      films: [
        { filmId: 1, title: "Spirited Away", year: 2001, status: "seen", watchStatus: "watched", rating: 4.5, hasPoster: true, character: null },
        { filmId: 2, title: "Porco Rosso", year: 1992, status: "watchlist", watchStatus: "watchlist", rating: null, hasPoster: false, character: null },
      ],
    },
  ],
};

const withFilmography: PersonPage = {
  ...page,
  person: { ...page.person, birthYear: 1941 },
  filmography: {
    source: "wikidata",
    birthYear: 1941,
    deathYear: null,
    photoUrl: null,
    entries: [
      { referenceId: "wikidata:Q39571", title: "My Neighbor Totoro", year: 1988, roles: ["director", "writer"], character: null, externalIds: [], inCatalog: null },
      { referenceId: "wikidata:Q155653", title: "Spirited Away", year: 2001, roles: ["director"], character: null, externalIds: [], inCatalog: 1 },
    ],
  },
};

describe("PersonView", () => {
  it("shows the catalog films by role with the completion, then the rest on demand, each addable to the watchlist", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "get_person") return page;
      if (cmd === "get_person_filmography") return withFilmography;
      if (cmd === "add_to_watchlist") return { id: 9, title: "My Neighbor Totoro", watchStatus: "watchlist" };
      return null;
    });
    render(PersonView, { query: "Hayao Miyazaki" });
    expect(await screen.findByTestId("person-name")).toHaveTextContent("Hayao Miyazaki");
    expect(screen.getByTestId("person-completion-director")).toHaveTextContent("seen 1 of 2 films directed");
    expect(screen.getAllByTestId("person-film")).toHaveLength(2);
    expect(screen.getByLabelText("Seen")).toBeInTheDocument();
    expect(screen.getByLabelText("On watchlist")).toBeInTheDocument();
    expect(calls[0]).toEqual(["get_person", { query: "Hayao Miyazaki" }]);

    await fireEvent.click(screen.getByTestId("show-filmography"));
    const ghosts = await screen.findAllByTestId("ghost-film");
    expect(ghosts).toHaveLength(1);
    expect(ghosts[0]).toHaveTextContent("My Neighbor Totoro");
    expect(screen.getByTestId("person-life")).toHaveTextContent("born 1941");
    expect(calls.some(([cmd, args]) => cmd === "get_person_filmography" && (args as { id: number }).id === 7)).toBe(true);

    await fireEvent.click(screen.getByTestId("add-to-watchlist"));
    await waitFor(() => expect(calls.some(([cmd, args]) => cmd === "add_to_watchlist" && (args as { from: string }).from === "wikidata:Q39571")).toBe(true));
  });

  it("says so next to the button when the filmography cannot be fetched", async () => {
    mockIPC((cmd) => {
      if (cmd === "get_person") return page;
      if (cmd === "get_person_filmography") throw { kind: "offline", message: "Wikidata was not asked: Cinedex is offline", field: null };
      return null;
    });
    render(PersonView, { query: "7" });
    await fireEvent.click(await screen.findByTestId("show-filmography"));
    expect(await screen.findByTestId("filmography-error")).toHaveTextContent("offline");
    expect(screen.getAllByTestId("person-film")).toHaveLength(2);
  });

  it("shows TMDB's photo in the photo slot once the filmography names one", async () => {
    const tmdbPage: PersonPage = { ...withFilmography, filmography: { ...withFilmography.filmography!, source: "tmdb", photoUrl: "https://image.tmdb.org/t/p/w185/x.jpg" } };
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "get_person") return page;
      if (cmd === "get_person_filmography") return tmdbPage;
      if (cmd === "candidate_poster") {
        asked.push((args as { url: string }).url);
        return "data:image/jpeg;base64,AAAA";
      }
      return null;
    });
    render(PersonView, { query: "Hayao Miyazaki" });
    expect((await screen.findByTestId("person-photo")).tagName).toBe("DIV");
    await fireEvent.click(screen.getByTestId("show-filmography"));
    const img = await screen.findByAltText("Photo of Hayao Miyazaki");
    expect(img).toHaveAttribute("src", "data:image/jpeg;base64,AAAA");
    expect(asked).toEqual(["https://image.tmdb.org/t/p/w185/x.jpg"]);
  });

  it("lets the person choose when two people share the name asked for, and opens the one chosen by id", async () => {
    const { app } = await import("../app.svelte");
    mockIPC((cmd, args) => {
      if (cmd === "get_person") {
        throw { kind: "invalid", message: '2 people are named "John Smith"; give one of their ids: 3, 8', field: "person" };
      }
      if (cmd === "people_named") {
        expect(args).toEqual({ name: "John Smith" });
        const smith = (id: number, wikidataId: string | null, title: string, year: number) => ({
          person: { id, name: "John Smith", wikidataId, tmdbId: null, birthYear: null, deathYear: null },
          roles: [{ role: "director", seen: 0, total: 1, films: [{ filmId: id, title, year, status: "notSeen", watchStatus: "none", rating: null, hasPoster: false, character: null }] }],
        });
        return [smith(3, "Q501", "Harbour Lights", 1952), smith(8, null, "Night Train", 2011)];
      }
      return null;
    });
    render(PersonView, { query: "John Smith" });
    const choices = await screen.findAllByTestId("namesake");
    expect(choices).toHaveLength(2);
    expect(screen.getByTestId("namesakes")).toHaveTextContent("2 people are named John Smith");
    expect(screen.getByTestId("namesakes")).toHaveTextContent("Wikidata Q501");
    expect(screen.getByTestId("namesakes")).toHaveTextContent("not matched to the reference");
    expect(screen.getAllByTestId("namesake-films").map((e) => e.textContent)).toEqual(["Harbour Lights (1952)", "Night Train (2011)"]);
    expect(screen.queryByRole("alert")).toBeNull();
    await fireEvent.click(choices[1]);
    expect(app.route).toEqual({ name: "person", query: "8" });
  });

  it("shows the error itself when the name is refused for another reason", async () => {
    mockIPC((cmd) => {
      if (cmd === "get_person") throw { kind: "notFound", message: 'no person named "Nobody"', field: null };
      return null;
    });
    render(PersonView, { query: "Nobody" });
    expect(await screen.findByRole("alert")).toHaveTextContent('no person named "Nobody"');
    expect(screen.queryByTestId("namesakes")).toBeNull();
  });
});
