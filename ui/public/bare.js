// Reports the first painted frame of the bare page, exactly as the library view reports its own.
const timeline = () => {
  const navigation = performance.getEntriesByType("navigation")[0];
  return navigation
    ? [
        ["html received", navigation.responseEnd],
        ["dom interactive", navigation.domInteractive],
      ]
    : [];
};
requestAnimationFrame(() =>
  requestAnimationFrame(() =>
    window.__TAURI_INTERNALS__.invoke("report_ready", { marks: timeline(), now: performance.now() }),
  ),
);
