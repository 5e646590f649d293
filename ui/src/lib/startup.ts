// The page's own start-up steps, sent with the ready report so `make bench-startup` can show
// where the time goes (the app prints them only when its start-up probe is on).
import { api } from "./api";

const marks: [string, number][] = [];

export function markStartup(step: string): void {
  marks.push([step, performance.now()]);
}

/** The navigation's own milestones, then ours, on the page's clock. */
function timeline(): [string, number][] {
  const navigation = performance.getEntriesByType?.("navigation")[0] as PerformanceNavigationTiming | undefined;
  const browser: [string, number][] = navigation
    ? [
        ["html received", navigation.responseEnd],
        ["dom interactive", navigation.domInteractive],
        ["dom content loaded", navigation.domContentLoadedEventStart],
        ["load event", navigation.loadEventStart],
      ]
    : [];
  return [...browser, ...marks];
}

let reported = false;
let frameShown = false;
const waiting: (() => void)[] = [];

/**
 * Runs `work` once the library's first frame is on screen, or at once if it already is: for what
 * the first frame does not show, so that its answers do not land, and lay the page out again,
 * before that frame.
 */
export function afterFirstFrame(work: () => void): void {
  if (frameShown) work();
  else waiting.push(work);
}

function firstFrameShown(): void {
  frameShown = true;
  for (const work of waiting.splice(0)) work();
}

/**
 * Reports the first painted frame with films in it, once: start-up is measured to here. `then`
 * runs after that frame, for work that should not delay it (it runs at once on later calls).
 */
export function reportFirstFrame(then: () => void = () => {}): void {
  if (reported || typeof requestAnimationFrame !== "function") {
    firstFrameShown();
    return then();
  }
  reported = true;
  requestAnimationFrame(() => {
    markStartup("first animation frame");
    requestAnimationFrame(() => {
      void api.reportReady(timeline(), performance.now()).catch(() => {});
      then();
      firstFrameShown();
    });
  });
}
