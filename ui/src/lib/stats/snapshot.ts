// The Year in review page as a PNG image: html-to-image draws the page's element (its styles
// inlined, within the app's CSP: no remote fonts or images are fetched) onto a canvas. The bytes
// go to Rust, which checks them and writes the file the save dialog chose.
import { toPng } from "html-to-image";

/** A `data:image/png;base64,...` URL of `element`, on the page's own background, at twice the
 *  screen's density for a sharp image; elements marked `data-no-capture` (the buttons) are left out. */
export function renderPng(element: HTMLElement): Promise<string> {
  const background = getComputedStyle(document.body).backgroundColor || "#ffffff";
  return toPng(element, {
    backgroundColor: background,
    pixelRatio: 2,
    skipFonts: true,
    filter: (node) => !(node instanceof HTMLElement && node.dataset.noCapture !== undefined),
  });
}
