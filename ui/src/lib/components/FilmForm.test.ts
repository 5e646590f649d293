import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import FilmForm from "./FilmForm.svelte";

afterEach(() => clearMocks());

describe("FilmForm", () => {
  it("shows Rust's message next to the field it names, and does not close", async () => {
    mockIPC(() => {
      throw { kind: "invalid", message: "A film needs a title.", field: "title" };
    });
    const onsaved = vi.fn();
    render(FilmForm, { onsaved, oncancel: () => {} });
    await fireEvent.click(screen.getByTestId("save-film"));
    expect(await screen.findByTestId("error-title")).toHaveTextContent("A film needs a title.");
    expect(onsaved).not.toHaveBeenCalled();
  });

  it("sends chips and the name still being typed", async () => {
    let sent: unknown = null;
    mockIPC((cmd, args) => {
      if (cmd === "add_film") sent = args;
      return cmd === "add_film" ? { id: 1 } : null;
    });
    const onsaved = vi.fn();
    render(FilmForm, { onsaved, oncancel: () => {} });
    await fireEvent.input(screen.getByRole("textbox", { name: "Title" }), { target: { value: "Innocence" } });
    const directors = screen.getByTestId("directors-input");
    await fireEvent.input(directors, { target: { value: "Mamoru Oshii" } });
    await fireEvent.keyDown(directors, { key: "Enter" });
    await fireEvent.input(directors, { target: { value: "Kazunori Itō" } });
    await fireEvent.click(screen.getByTestId("save-film"));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
    expect(sent).toMatchObject({
      input: { title: "Innocence", year: null, directors: ["Mamoru Oshii", "Kazunori Itō"], themes: [] },
    });
  });

  it("looks the title up as it is typed, and a picked film is added from the reference", async () => {
    const film = {
      source: "wikidata",
      id: "Q228186",
      title: "Solaris",
      originalTitle: "Солярис",
      year: 1972,
      posterUrl: null,
      externalIds: [{ source: "wikidata", value: "Q228186" }],
      complete: true,
    };
    const candidate = {
      ...film,
      directors: ["Andrei Tarkovsky"],
      description: "1972 film by Andrei Tarkovsky",
      posterUrl: null,
      externalIds: [{ source: "wikidata", value: "Q228186" }],
      inCatalog: null,
      facts: {
        runtimeMinutes: 167,
        credits: [
          { role: "writer", name: "Fridrikh Gorenshtein", character: null },
          { role: "actor", name: "Natalya Bondarchuk", character: "Hari" },
        ],
        genres: ["science fiction film"],
        countries: ["Soviet Union"],
        originalLanguage: "Russian",
        synopsis: "A psychologist is sent to a station orbiting a distant planet.",
        externalIds: [{ source: "wikidata", value: "Q228186" }],
      },
      film,
    };
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "list_films") return [];
      if (cmd === "lookup_films") return { query: "Solaris", source: "wikidata", candidates: [candidate] };
      if (cmd === "add_film_from_reference") return { id: 3 };
      return null;
    });
    const onsaved = vi.fn();
    render(FilmForm, { onsaved, oncancel: () => {} });
    await fireEvent.input(screen.getByRole("textbox", { name: "Title" }), { target: { value: "Solaris" } });
    const found = await screen.findByTestId("lookup-candidate");
    expect(found).toHaveTextContent("Solaris (1972)");
    expect(found).toHaveTextContent("Andrei Tarkovsky");
    await fireEvent.click(found);
    expect(screen.getByTestId("lookup-picked")).toHaveTextContent("Wikidata (Q228186)");
    expect((screen.getByRole("textbox", { name: /Original title/ }) as HTMLInputElement).value).toBe("Солярис");
    expect((screen.getByTestId("cast-input") as HTMLTextAreaElement).value).toBe("Natalya Bondarchuk = Hari");
    expect((screen.getByRole("textbox", { name: /Runtime/ }) as HTMLInputElement).value).toBe("167");
    await fireEvent.click(screen.getByTestId("save-film"));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
    const added = calls.find((c) => c.cmd === "add_film_from_reference");
    expect(added?.args).toMatchObject({
      film: { id: "Q228186" },
      input: {
        title: "Solaris",
        year: 1972,
        directors: ["Andrei Tarkovsky"],
        facts: { runtimeMinutes: 167, genres: ["science fiction film"], originalLanguage: "Russian", countries: ["Soviet Union"] },
      },
    });
    expect(calls.some((c) => c.cmd === "add_film")).toBe(false);
    expect(calls.some((c) => c.cmd === "download_poster"), "no TMDB id, no poster to ask for").toBe(false);
  });

  it("shows TMDB candidates' posters and fetches the picked one's after saving, without waiting", async () => {
    const posterUrl = "https://image.tmdb.org/t/p/w342/abc.jpg";
    const film = { source: "tmdb", id: "593", title: "Solaris", originalTitle: "Солярис", year: 1972, posterUrl, externalIds: [{ source: "tmdb", value: "593" }], complete: false };
    const candidate = { ...film, directors: [], description: null, inCatalog: null, facts: { runtimeMinutes: null, credits: [], genres: [], countries: [], originalLanguage: null, synopsis: null, externalIds: film.externalIds }, film };
    const calls: { cmd: string; args: unknown }[] = [];
    let finishDownload: (value: unknown) => void = () => {};
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "list_films") return [];
      if (cmd === "lookup_films") return { query: "Solaris", source: "tmdb", candidates: [candidate] };
      if (cmd === "candidate_poster") return "data:image/jpeg;base64,AAAA";
      // The search hit is a summary; the full film brings the director.
      if (cmd === "lookup_candidate") return { ...candidate, directors: ["Andrei Tarkovsky"], film: { ...film, complete: true } };
      if (cmd === "add_film_from_reference") return { id: 7 };
      if (cmd === "download_poster") return new Promise((resolve) => (finishDownload = resolve));
      return null;
    });
    const onsaved = vi.fn();
    render(FilmForm, { onsaved, oncancel: () => {} });
    await fireEvent.input(screen.getByRole("textbox", { name: "Title" }), { target: { value: "Solaris" } });
    const thumb = await screen.findByTestId("candidate-poster");
    expect(thumb.getAttribute("src")).toBe("data:image/jpeg;base64,AAAA");
    expect(calls.find((c) => c.cmd === "candidate_poster")?.args).toMatchObject({ url: posterUrl });
    await fireEvent.click(screen.getByTestId("lookup-candidate"));
    expect(await screen.findByText("Andrei Tarkovsky")).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "lookup_candidate")?.args).toMatchObject({ source: "tmdb", id: "593" });
    await vi.waitFor(() => expect(screen.getByTestId("save-film")).not.toBeDisabled());
    await fireEvent.click(screen.getByTestId("save-film"));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
    await vi.waitFor(() => expect(calls.find((c) => c.cmd === "download_poster")?.args).toMatchObject({ id: 7, url: posterUrl }));
    finishDownload({ id: 7, hasPoster: true });
  });

  it("says in one line when the reference cannot be asked, and still adds the film", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_films") return [];
      if (cmd === "lookup_films") throw { kind: "offline", message: "Wikidata was not asked: Cinedex is offline", field: null };
      if (cmd === "add_film") return { id: 4 };
      return null;
    });
    const onsaved = vi.fn();
    render(FilmForm, { onsaved, oncancel: () => {} });
    await fireEvent.input(screen.getByRole("textbox", { name: "Title" }), { target: { value: "Stalker" } });
    expect(await screen.findByTestId("lookup-note")).toHaveTextContent("Cinedex is offline");
    await fireEvent.click(screen.getByTestId("save-film"));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
  });

  it("shows the quick search hits first and the full candidates once they arrive", async () => {
    const summary = {
      source: "wikidata",
      id: "Q228186",
      title: "Solaris",
      originalTitle: null,
      year: 1972,
      directors: [],
      description: "1972 film by Andrei Tarkovsky",
      posterUrl: null,
      externalIds: [{ source: "wikidata", value: "Q228186" }],
      inCatalog: null,
      facts: { runtimeMinutes: null, credits: [], genres: [], countries: [], originalLanguage: null, synopsis: null, externalIds: [] },
      film: { source: "wikidata", id: "Q228186", title: "Solaris", year: 1972, complete: false, externalIds: [], credits: [] },
    };
    let answerFull: (value: unknown) => void = () => {};
    mockIPC((cmd) => {
      if (cmd === "list_films") return [];
      if (cmd === "quick_lookup_films") return { query: "Solaris", source: "wikidata", candidates: [summary] };
      if (cmd === "lookup_films") return new Promise((resolve) => (answerFull = resolve));
      return null;
    });
    render(FilmForm, { onsaved: () => {}, oncancel: () => {} });
    await fireEvent.input(screen.getByRole("textbox", { name: "Title" }), { target: { value: "Solaris" } });
    const first = await screen.findByTestId("lookup-candidate");
    expect(first).toHaveTextContent("1972 film by Andrei Tarkovsky");
    answerFull({
      query: "Solaris",
      source: "wikidata",
      candidates: [{ ...summary, directors: ["Andrei Tarkovsky"], description: "full answer", film: { ...summary.film, complete: true } }],
    });
    await vi.waitFor(() => expect(screen.getByTestId("lookup-candidate")).toHaveTextContent("full answer"));
  });
});
