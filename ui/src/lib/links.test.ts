import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { app } from "./app.svelte";
import { routeLinks } from "./links";

const HTML =
  '<p>Read <a href="https://example.invalid/">the <em>studio</em></a>, ' +
  "<a>a link the sanitizer emptied</a> and <span>plain words</span>.</p>";

let opened: unknown[];
let container: HTMLElement;
let destroy: () => void;

beforeEach(() => {
  opened = [];
  mockIPC((cmd, args) => {
    if (cmd !== "open_link") throw new Error(`unexpected command ${cmd}`);
    opened.push(args);
    return null;
  });
  app.notify(null);
  container = document.createElement("div");
  container.innerHTML = HTML;
  document.body.append(container);
  destroy = routeLinks(container)?.destroy ?? (() => {});
});

afterEach(() => {
  destroy();
  container.remove();
  clearMocks();
});

/**
 * Clicks `target`; true when the click was let through (not prevented). A click let through is
 * stopped at the document once seen, since jsdom cannot navigate.
 */
function click(target: Element, init: MouseEventInit = {}, type = "click"): boolean {
  let letThrough = false;
  const seen = (event: Event) => {
    letThrough = !event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener(type, seen, { once: true });
  target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, ...init }));
  document.removeEventListener(type, seen);
  return letThrough;
}

const link = () => container.querySelector('a[href="https://example.invalid/"]') as HTMLAnchorElement;

describe("routeLinks", () => {
  it("hands a clicked link to open_link instead of navigating", async () => {
    expect(click(link())).toBe(false);
    await vi.waitFor(() => expect(opened).toEqual([{ url: "https://example.invalid/" }]));
  });

  it("routes a click on something inside a link", async () => {
    expect(click(container.querySelector("em")!)).toBe(false);
    await vi.waitFor(() => expect(opened).toEqual([{ url: "https://example.invalid/" }]));
  });

  it("opens a middle-clicked link but leaves other buttons alone", async () => {
    expect(click(link(), { button: 2 }, "auxclick")).toBe(true);
    expect(click(link(), { button: 1 }, "auxclick")).toBe(false);
    await vi.waitFor(() => expect(opened).toEqual([{ url: "https://example.invalid/" }]));
  });

  it("does nothing for a click that is not on a link", async () => {
    expect(click(container.querySelector("span")!)).toBe(true);
    expect(click(container.querySelector("p")!)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(opened).toEqual([]);
  });

  it("keeps an emptied link from navigating without opening anything", async () => {
    const emptied = [...container.querySelectorAll("a")].find((a) => !a.hasAttribute("href"))!;
    expect(click(emptied)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(opened).toEqual([]);
  });

  it("says why a link was not opened", async () => {
    mockIPC(() => {
      throw { kind: "invalid", message: 'Only web and mail links are opened; "javascript:x" is not one.', field: "url" };
    });
    container.innerHTML = '<a href="javascript:x">run</a>';
    expect(click(container.querySelector("a")!)).toBe(false);
    await vi.waitFor(() => expect(app.toast?.message).toContain("Only web and mail links are opened"));
  });

  it("leaves links outside its element alone", async () => {
    const outside = document.createElement("a");
    outside.href = "https://example.invalid/outside";
    outside.append(container);
    document.body.append(outside);
    expect(click(outside)).toBe(true);
    outside.remove();
    expect(opened).toEqual([]);
  });

  it("stops routing once its element is destroyed", () => {
    destroy();
    destroy = () => {};
    const letThrough = click(link());
    expect(letThrough).toBe(true);
  });
});
