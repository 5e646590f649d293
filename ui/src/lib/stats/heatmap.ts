// The viewing heatmap's layout: one column per week (Monday first), one cell per day, shaded in
// five levels relative to the busiest day. Pure date arithmetic in UTC, so it is the same anywhere.
import type { Tally } from "../bindings/Tally";

export type HeatCell = { date: string; count: number; level: 0 | 1 | 2 | 3 | 4; week: number; weekday: number };

const DAY_MS = 86_400_000;

function parse(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function format(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Monday = 0 ... Sunday = 6. */
function weekday(time: number): number {
  return (new Date(time).getUTCDay() + 6) % 7;
}

export function levelFor(count: number, most: number): HeatCell["level"] {
  if (count <= 0 || most <= 0) return 0;
  return Math.min(4, Math.ceil((count / most) * 4)) as HeatCell["level"];
}

/** Every day from `from` to `to` inclusive, placed in its week column and weekday row. */
export function heatmapCells(from: string, to: string, days: Tally[]): HeatCell[] {
  const counts = new Map(days.map((day) => [day.key, day.count]));
  const most = Math.max(0, ...days.map((day) => day.count));
  const start = parse(from);
  const end = parse(to);
  const offset = weekday(start);
  const cells: HeatCell[] = [];
  for (let time = start; time <= end; time += DAY_MS) {
    const date = format(time);
    const count = counts.get(date) ?? 0;
    const index = (time - start) / DAY_MS + offset;
    cells.push({ date, count, level: levelFor(count, most), week: Math.floor(index / 7), weekday: weekday(time) });
  }
  return cells;
}

/** The first week column of each month, for the labels above the grid. */
export function monthLabels(cells: HeatCell[]): { week: number; label: string }[] {
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const labels: { week: number; label: string }[] = [];
  for (const cell of cells) {
    if (cell.date.endsWith("-01") || cell === cells[0]) {
      const label = names[Number(cell.date.slice(5, 7)) - 1];
      if (labels.length === 0 || labels[labels.length - 1].week !== cell.week) labels.push({ week: cell.week, label });
    }
  }
  // A month that starts the range late gets no label when the next one would overlap it.
  if (labels.length > 1 && labels[1].week - labels[0].week < 3) labels.shift();
  return labels;
}
