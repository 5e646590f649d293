// Films fetched from the core a page at a time, per segment, as the library scrolls to them.
// A new query starts a new cache; answers for an old one are dropped.
import type { Film } from "../bindings/Film";

export const PAGE_SIZE = 100;

export type PageLoader = (segmentKey: string, offset: number, limit: number) => Promise<Film[]>;

export class PageCache {
  private pages = new Map<string, Film[]>();
  private pending = new Set<string>();
  private closed = false;

  constructor(
    private load: PageLoader,
    private onload: () => void,
    private onerror: (error: Error) => void = () => {},
  ) {}

  private static id(segmentKey: string, page: number) {
    return `${segmentKey}\u001f${page}`;
  }

  /** Stores a page already fetched (the first one comes with the total). */
  seed(segmentKey: string, offset: number, films: Film[]) {
    this.pages.set(PageCache.id(segmentKey, Math.floor(offset / PAGE_SIZE)), films);
  }

  get(segmentKey: string, index: number): Film | undefined {
    return this.pages.get(PageCache.id(segmentKey, Math.floor(index / PAGE_SIZE)))?.[index % PAGE_SIZE];
  }

  /** Fetches the pages covering items [first, end) of a segment that are neither here nor on their way. */
  request(segmentKey: string, first: number, end: number) {
    for (let page = Math.floor(first / PAGE_SIZE); page * PAGE_SIZE < end; page++) {
      const id = PageCache.id(segmentKey, page);
      if (this.pages.has(id) || this.pending.has(id)) continue;
      this.pending.add(id);
      this.load(segmentKey, page * PAGE_SIZE, PAGE_SIZE)
        .then((films) => {
          if (this.closed) return;
          this.pages.set(id, films);
          this.onload();
        })
        .catch((error) => !this.closed && this.onerror(error))
        .finally(() => this.pending.delete(id));
    }
  }

  /** Stops listening: the query changed. */
  close() {
    this.closed = true;
  }
}
