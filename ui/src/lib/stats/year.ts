// The Year in review page's arithmetic: labels for its big numbers, the month strip's bars, the
// years the picker offers and the names the save dialog proposes. The figures come from the core.
import type { YearInReview } from "../bindings/YearInReview";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Minutes as hours to a tenth: 90 → "1.5", 120 → "2", 0 → "0". */
export function hours(minutes: number): string {
  const tenths = Math.round(minutes / 6) / 10;
  return Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1);
}

/** The share of rewatches among the year's viewings, as a whole percent (0 with no viewings). */
export function rewatchPercent(review: Pick<YearInReview, "viewingCount" | "rewatches">): number {
  return review.viewingCount === 0 ? 0 : Math.round((100 * review.rewatches) / review.viewingCount);
}

export type MonthBar = { key: string; label: string; count: number; percent: number };

/** The twelve months as bars, each as a percent of the busiest month (a non-zero month shows at least 4%). */
export function monthBars(review: Pick<YearInReview, "months">): MonthBar[] {
  const most = Math.max(1, ...review.months.map((m) => m.count));
  return review.months.map((m) => {
    const month = Number(m.key.slice(5, 7));
    const percent = m.count === 0 ? 0 : Math.max(4, Math.round((100 * m.count) / most));
    return { key: m.key, label: MONTHS[month - 1] ?? m.key, count: m.count, percent };
  });
}

/** The years the picker offers: this year and the nine before it, and `chosen` if older. */
export function yearChoices(thisYear: number, chosen?: number): number[] {
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  if (chosen !== undefined && !years.includes(chosen)) years.push(chosen);
  return years.sort((a, b) => b - a);
}

/** The file name the save dialog proposes. */
export function fileName(year: number, format: "markdown" | "png"): string {
  return `cinedex-${year}-in-review.${format === "png" ? "png" : "md"}`;
}

/** A rating as stars, halves included: 4.5 → "★★★★½". */
export function stars(rating: number): string {
  const halves = Math.round(rating * 2);
  return "★".repeat(Math.floor(halves / 2)) + (halves % 2 ? "½" : "");
}
