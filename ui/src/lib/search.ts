// Search-as-you-type plumbing: every keystroke starts a request, and only the answer to the latest
// one is shown. Answers arriving late for an older query are discarded, so results never jump back.

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

/** The query with a facet's filter added (once), for clicking a facet chip. */
export function withFilter(query: string, filter: string): string {
  const trimmed = query.trim();
  if (trimmed.split(/\s+/).includes(filter) || trimmed.includes(filter)) return trimmed;
  return trimmed ? `${trimmed} ${filter}` : filter;
}

/** "12 films" or "200+ films". */
export function countLabel(total: number, estimate: boolean): string {
  const plus = estimate ? "+" : "";
  return `${total}${plus} ${total === 1 && !estimate ? "film" : "films"}`;
}
