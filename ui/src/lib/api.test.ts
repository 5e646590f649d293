import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { api, ApiError, toApiError } from "./api";

afterEach(() => clearMocks());

describe("api", () => {
  it("passes camelCase arguments to the Rust command", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return { id: 7, filmId: 3 };
    });
    await api.addReview(3, { kind: "note", title: null, author: null, source: null, url: null, publishedOn: null, rating: null, spoiler: false, body: "x" });
    await api.listFilms({ titleFilter: "amelie", watchStatus: null, sort: "year", descending: true, group: null, offset: 0, limit: null });
    expect(calls[0][0]).toBe("add_review");
    expect(calls[0][1]).toMatchObject({ filmId: 3, input: { kind: "note", body: "x" } });
    expect(calls[1]).toEqual(["list_films", { query: { titleFilter: "amelie", watchStatus: null, sort: "year", descending: true, group: null, offset: 0, limit: null } }]);
  });

  it("turns a rejected invoke into an ApiError with kind and field", async () => {
    mockIPC(() => {
      throw { kind: "invalid", message: "Year must be between 1870 and 2036; 3000 is not.", field: "year" };
    });
    const error = await api.addFilm({ title: "X", originalTitle: null, year: 3000, directors: [], themes: [] }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe("invalid");
    expect(error.field).toBe("year");
    expect(error.message).toContain("3000");
  });
});

describe("toApiError", () => {
  it("keeps a plain string rejection as the message", () => {
    const error = toApiError("command add_film not allowed");
    expect(error.kind).toBe("internal");
    expect(error.field).toBeNull();
    expect(error.message).toBe("command add_film not allowed");
  });

  it("accepts a payload without a field", () => {
    expect(toApiError({ kind: "notFound", message: "film 9 not found" }).field).toBeNull();
  });
});
