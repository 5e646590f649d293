// Chart.js set up once, with only the pieces the Statistics view draws (bar and line charts), so
// the bundle stays small. Chart.js draws on a canvas: no eval, no injected style sheets, so the
// app's strict CSP needs no change for it.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import type { Tally } from "../bindings/Tally";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip);

export type ChartKind = "bar" | "horizontalBar" | "line";

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function chartConfig(kind: ChartKind, tallies: Tally[], label: string): ChartConfiguration {
  const accent = cssVar("--accent", "#a3323f");
  const muted = cssVar("--muted", "#6f665e");
  const grid = cssVar("--border-soft", "#eee9e3");
  const horizontal = kind === "horizontalBar";
  return {
    type: kind === "line" ? "line" : "bar",
    data: {
      labels: tallies.map((t) => t.key),
      datasets: [
        {
          label,
          data: tallies.map((t) => t.count),
          backgroundColor: accent,
          borderColor: accent,
          borderRadius: kind === "line" ? 0 : 4,
          pointRadius: kind === "line" ? 2 : 0,
        },
      ],
    },
    options: {
      indexAxis: horizontal ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      // Screenshots and tests want the final frame at once, and a person reading numbers does too.
      animation: false,
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: {
        x: { ticks: { color: muted, precision: 0 }, grid: { color: grid } },
        y: { ticks: { color: muted, precision: 0 }, grid: { color: grid }, beginAtZero: true },
      },
    },
  };
}

/** A Svelte action: draws the chart on the canvas, redraws on new data, cleans up on removal. */
export function chart(canvas: HTMLCanvasElement, params: { kind: ChartKind; tallies: Tally[]; label: string }) {
  let instance = new Chart(canvas, chartConfig(params.kind, params.tallies, params.label));
  return {
    update(next: { kind: ChartKind; tallies: Tally[]; label: string }) {
      instance.destroy();
      instance = new Chart(canvas, chartConfig(next.kind, next.tallies, next.label));
    },
    destroy() {
      instance.destroy();
    },
  };
}
