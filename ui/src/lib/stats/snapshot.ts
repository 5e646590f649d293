// The Year in review page as a PNG image: html-to-image draws the page's element (its styles
// inlined, within the app's CSP: no remote fonts or images are fetched) onto a canvas. The bytes
// go to Rust, which checks them and writes the file the save dialog chose.
import { toPng } from "html-to-image";

/** What an SVG chart's shapes and labels take from the stylesheets (the heatmap's colours, its
 *  labels' size). */
const SVG_STYLE = ["fill", "stroke", "stroke-width", "opacity", "font-family", "font-size", "font-weight"];

/**
 * html-to-image copies an `<svg>` whole, without the styles its children get from stylesheets,
 * so the heatmap came out as black squares under oversized labels. For the capture, each SVG
 * child is given its computed style inline; the returned function puts the old `style` back.
 */
export function inlineSvgStyles(root: Element): () => void {
  const undo: (() => void)[] = [];
  for (const node of root.querySelectorAll("svg *")) {
    if (!(node instanceof SVGElement)) continue;
    const before = node.getAttribute("style");
    const computed = getComputedStyle(node);
    for (const name of SVG_STYLE) {
      const value = computed.getPropertyValue(name);
      if (value) node.style.setProperty(name, value);
    }
    undo.push(() => (before === null ? node.removeAttribute("style") : node.setAttribute("style", before)));
  }
  return () => undo.forEach((restore) => restore());
}

/** A `data:image/png;base64,...` URL of `element`, on the page's own background, at twice the
 *  screen's density for a sharp image; elements marked `data-no-capture` (the buttons) are left out. */
export async function renderPng(element: HTMLElement): Promise<string> {
  const background = getComputedStyle(document.body).backgroundColor || "#ffffff";
  const restore = inlineSvgStyles(element);
  try {
    return await toPng(element, {
      backgroundColor: background,
      pixelRatio: 2,
      skipFonts: true,
      filter: (node) => !(node instanceof HTMLElement && node.dataset.noCapture !== undefined),
    });
  } finally {
    restore();
  }
}
