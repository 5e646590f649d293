// Search-as-you-type helpers: a facet chip's filter added to the query, and the results' count.
// (Only the newest answer is shown: `LatestOnly`, in latest.ts.)

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
