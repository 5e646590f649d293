import "@testing-library/jest-dom/vitest";

// jsdom has no layout, so no ResizeObserver (Svelte's bind:clientWidth uses one): a silent stand-in.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
