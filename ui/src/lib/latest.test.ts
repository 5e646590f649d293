import { describe, expect, it } from "vitest";
import { ApiError } from "./api";
import { errorMessage } from "./errors";
import { LatestOnly, loadOnChange } from "./latest";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("LatestOnly", () => {
  it("discards an answer that arrives after a newer request was started", async () => {
    const latest = new LatestOnly<string>();
    const shown: string[] = [];
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = latest.run(() => slow.promise, (v) => shown.push(v));
    const second = latest.run(() => fast.promise, (v) => shown.push(v));
    fast.resolve("am");
    slow.resolve("a");
    expect(await second).toBe(true);
    expect(await first).toBe(false);
    expect(shown).toEqual(["am"]);
  });

  it("reports only the latest failure and nothing after cancel", async () => {
    const latest = new LatestOnly<string>();
    const errors: unknown[] = [];
    const old = deferred<string>();
    const stale = latest.run(() => old.promise, () => {}, (e) => errors.push(e));
    const now = latest.run(() => Promise.reject(new Error("bad")), () => {}, (e) => errors.push(e));
    old.reject(new Error("old"));
    await Promise.all([stale, now]);
    expect(errors.map((e) => (e as Error).message)).toEqual(["bad"]);
    const later = deferred<string>();
    const run = latest.run(() => later.promise, () => errors.push("applied"));
    latest.cancel();
    later.resolve("x");
    expect(await run).toBe(false);
    expect(errors).toHaveLength(1);
  });
});

describe("loadOnChange", () => {
  it("shows the newest answer and drops the one that arrives late for an older question", async () => {
    const shown: string[] = [];
    const slow = deferred<string>();
    const fast = deferred<string>();
    // An effect that ran twice: the first run was torn down before its answer came.
    const teardownFirst = loadOnChange(() => slow.promise, (v) => shown.push(v));
    teardownFirst();
    loadOnChange(() => fast.promise, (v) => shown.push(v));
    fast.resolve("2024");
    slow.resolve("2023");
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual(["2024"]);
  });

  it("asks at once, so the effect tracks what the request reads", () => {
    let asked = 0;
    loadOnChange(
      () => {
        asked += 1;
        return new Promise<never>(() => {});
      },
      () => {},
    );
    expect(asked).toBe(1);
  });

  it("shows a failure's message, and no failure of a question that was replaced", async () => {
    const failures: string[] = [];
    const old = deferred<string>();
    const teardown = loadOnChange(() => old.promise, () => {}, (m) => failures.push(m));
    teardown();
    old.reject(new ApiError({ kind: "storage", message: "old", field: null }));
    const now = deferred<string>();
    loadOnChange(() => now.promise, () => {}, (m) => failures.push(m));
    now.reject(new ApiError({ kind: "notFound", message: "No film 7.", field: null }));
    await Promise.allSettled([old.promise, now.promise]);
    await new Promise((r) => setTimeout(r, 0));
    expect(failures).toEqual(["No film 7."]);
  });
});

describe("errorMessage", () => {
  it("is the app's message, or what IPC said when the call itself failed", () => {
    expect(errorMessage(new ApiError({ kind: "invalid", message: "Title is empty.", field: "title" }))).toBe("Title is empty.");
    expect(errorMessage({ kind: "conflict", message: "Already there.", field: null })).toBe("Already there.");
    expect(errorMessage("command get_film not allowed")).toBe("command get_film not allowed");
    expect(errorMessage(new Error("network down"))).toBe("network down");
  });
});
