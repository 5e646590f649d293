import { describe, expect, it } from "vitest";
import { countLabel, LatestOnly, withFilter } from "./search";

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

describe("withFilter", () => {
  it("appends a facet filter once", () => {
    expect(withFilter("ghost", 'director:"Mamoru Oshii"')).toBe('ghost director:"Mamoru Oshii"');
    expect(withFilter("", "year:1990s")).toBe("year:1990s");
    expect(withFilter("ghost year:1990s", "year:1990s")).toBe("ghost year:1990s");
  });

  it("labels estimated totals", () => {
    expect(countLabel(1, false)).toBe("1 film");
    expect(countLabel(200, true)).toBe("200+ films");
  });
});
