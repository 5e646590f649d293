import type { Review } from "./bindings/Review";

/** The date a review stands at in the film's timeline: when it was published, else when written. */
export function reviewDate(review: Review): string {
  return review.publishedOn ?? review.createdAt.slice(0, 10);
}

/** A film's writing, newest first: the core's order (`Catalog::get_film`, oldest first by
 *  `reviewDate`, then when written, then id) read backwards, so the rule lives in one place. */
export function timeline(reviews: Review[]): Review[] {
  return [...reviews].reverse();
}

const KIND_LABELS = { note: "Note", review: "Review", article: "Article" } as const;

export function kindLabel(review: Pick<Review, "kind">): string {
  return KIND_LABELS[review.kind];
}

export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}
