// Counts as a person reads them: "1 film", "2 films", "1 review or note".

/** `n` followed by `one` when it is exactly 1, else by `many`. */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
