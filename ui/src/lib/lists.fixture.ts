import type { Film } from "./bindings/Film";
import type { FilmListDetail } from "./bindings/FilmListDetail";

// A canon list for the Lists tests: two films of the catalog (one seen) and a ghost between them.
export function film(id: number, title: string, watched = false): Film {
  return {
    id,
    title,
    originalTitle: null,
    year: 2000,
    directors: [],
    themes: [],
    reviewCount: 0,
    watchStatus: watched ? "watched" : "none",
    viewingCount: 0,
    lastWatchedOn: null,
    rating: null,
    hasPoster: false,
    createdAt: "2030-01-01T00:00:00Z",
    updatedAt: "2030-01-01T00:00:00Z",
    deletedAt: null,
  };
}

export const palme: FilmListDetail = {
  id: 1,
  name: "Palme d'Or",
  description: null,
  filmCount: 2,
  createdAt: "2030-01-01T00:00:00Z",
  updatedAt: "2030-01-01T00:00:00Z",
  seen: 1,
  total: 3,
  canon: "wikidata:Q179808",
  entries: [
    { position: 3, note: null, seen: false, film: film(2, "Shoplifters") },
    { position: 1, note: "first", seen: true, film: film(1, "Pulp Fiction", true) },
  ],
  ghosts: [{ position: 2, note: null, referenceId: "wikidata:Q61448040", title: "Parasite", year: 2019, directors: ["Bong Joon-ho"] }],
};
