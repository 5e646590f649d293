import { describe, expect, it, vi } from "vitest";
import type { Film } from "../bindings/Film";
import { PAGE_SIZE, PageCache } from "./pages";

const films = (offset: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: offset + i, title: `F${offset + i}` }) as unknown as Film);

describe("library page cache", () => {
  it("asks the core once per missing page and serves films from it", async () => {
    const load = vi.fn((_key: string, offset: number, limit: number) => Promise.resolve(films(offset, limit)));
    const onload = vi.fn();
    const cache = new PageCache(load, onload);
    cache.seed("all", 0, films(0, PAGE_SIZE));
    cache.request("all", 50, 250);
    cache.request("all", 120, 130);
    expect(load.mock.calls.map((c) => c[1])).toEqual([100, 200]);
    await vi.waitFor(() => expect(onload).toHaveBeenCalledTimes(2));
    expect(cache.get("all", 0)?.id).toBe(0);
    expect(cache.get("all", 234)?.id).toBe(234);
    expect(cache.get("all", 300)).toBeUndefined();
  });

  it("drops answers that arrive after the query changed", async () => {
    let resolve: (f: Film[]) => void = () => {};
    const cache = new PageCache(() => new Promise((r) => (resolve = r)), vi.fn());
    cache.request("g", 0, 10);
    cache.close();
    resolve(films(0, 10));
    await Promise.resolve();
    expect(cache.get("g", 0)).toBeUndefined();
  });
});
