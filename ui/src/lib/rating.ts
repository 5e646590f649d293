/** Every rating a person can give: 0.5 to 5 in halves. */
export const RATINGS = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

/** A rating as stars: 3.5 is "★★★½". */
export function stars(rating: number): string {
  const whole = Math.floor(rating);
  return "★".repeat(whole) + (rating - whole >= 0.5 ? "½" : "");
}
