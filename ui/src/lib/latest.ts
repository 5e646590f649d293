// "Load on change, show only the newest answer": a view asks the core again whenever what it shows
// depends on changes (its id, a year, a query, the catalog's version), and an answer that arrives
// after a newer question was asked, or after the view closed, is dropped, so the page never jumps
// back to old data. Both the search-as-you-type class and the $effect helper live here.
import { errorMessage } from "./errors";

/** Runs requests and applies only the result of the most recent one. */
export class LatestOnly<T> {
  private sequence = 0;

  /** Starts `request`; calls `apply` (or `fail`) only if no newer request was started meanwhile.
   * Resolves to true when the result was applied, false when it was stale. */
  async run(request: () => Promise<T>, apply: (value: T) => void, fail?: (error: unknown) => void): Promise<boolean> {
    const mine = ++this.sequence;
    try {
      const value = await request();
      if (mine !== this.sequence) return false;
      apply(value);
      return true;
    } catch (error) {
      if (mine !== this.sequence) return false;
      fail?.(error);
      return true;
    }
  }

  /** Makes every request in flight stale (for example when the view closes). */
  cancel() {
    this.sequence += 1;
  }
}

/**
 * For a `$effect`: asks `request` now (so the effect tracks what it reads) and hands its answer to
 * `apply`, or its error's message to `fail`, unless the effect ran again or was torn down first.
 * Returns the effect's teardown: `$effect(() => loadOnChange(() => api.getFilm(id), show, fail))`.
 */
export function loadOnChange<T>(request: () => Promise<T>, apply: (value: T) => void, fail?: (message: string) => void): () => void {
  const latest = new LatestOnly<T>();
  void latest.run(request, apply, (error) => fail?.(errorMessage(error)));
  return () => latest.cancel();
}
