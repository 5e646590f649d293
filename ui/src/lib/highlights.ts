// Highlights in the reading view: where each stored highlight falls in the text the browser
// shows, and the text cut into marked and unmarked pieces. The core anchors a highlight in the
// review read as plain text with whitespace collapsed; the DOM's text has the same characters
// with other whitespace, so both are compared collapsed and mapped back to DOM offsets here.
import type { Highlight } from "./bindings/Highlight";

export type Range = { start: number; end: number; id: number };
export type Piece = { text: string; id: number | null };

/** `text` with runs of whitespace collapsed to one space (no trimming), and for each character
 * of the result the offset in `text` it came from (plus one entry for the end). */
export function collapse(text: string): { text: string; origin: number[] } {
  let out = "";
  const origin: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (lastSpace) continue;
      out += " ";
      origin.push(i);
      lastSpace = true;
    } else {
      out += ch;
      origin.push(i);
      lastSpace = false;
    }
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** Where each placed highlight is in `text` (DOM offsets), the occurrence of its quote nearest
 * its stored start; orphaned highlights and quotes not shown are left out; overlaps keep the
 * earlier one. Sorted by start. */
export function locate(text: string, highlights: Highlight[]): Range[] {
  const { text: flat, origin } = collapse(text);
  // The core's text starts at the first visible character; a leading space here shifts it.
  const lead = flat.startsWith(" ") ? 1 : 0;
  const found: Range[] = [];
  for (const h of highlights) {
    if (h.orphaned || h.quote === "") continue;
    let best = -1;
    for (let at = flat.indexOf(h.quote); at >= 0; at = flat.indexOf(h.quote, at + 1)) {
      if (best < 0 || Math.abs(at - lead - h.start) < Math.abs(best - lead - h.start)) best = at;
    }
    if (best < 0) continue;
    found.push({ start: origin[best], end: origin[best + h.quote.length - 1] + 1, id: h.id });
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Range[] = [];
  for (const r of found) {
    if (kept.length === 0 || r.start >= kept[kept.length - 1].end) kept.push(r);
  }
  return kept;
}

/** `text` from `offset` on cut at the ranges (given in offsets of a longer text that this one
 * is a part of, starting at `offset`). */
export function pieces(text: string, ranges: Range[], offset = 0): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const r of ranges) {
    const start = Math.max(r.start - offset, at);
    const end = Math.min(r.end - offset, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), id: null });
    out.push({ text: text.slice(start, end), id: r.id });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), id: null });
  return out;
}

/** Wraps each highlight's text in `root` (rendered review HTML) in <mark>, across elements. */
export function markHighlights(root: HTMLElement, highlights: Highlight[]): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  // Block ends separate words in the core's text; a space between nodes stands for them.
  const text = nodes.map((n) => n.data).join(" ");
  const ranges = locate(text, highlights);
  if (ranges.length === 0) return;
  let offset = 0;
  for (const node of nodes) {
    const parts = pieces(node.data, ranges, offset);
    offset += node.data.length + 1;
    if (parts.every((p) => p.id === null)) continue;
    const fragment = root.ownerDocument.createDocumentFragment();
    for (const part of parts) {
      if (part.id === null) {
        fragment.append(part.text);
      } else {
        const mark = root.ownerDocument.createElement("mark");
        mark.dataset.highlightId = String(part.id);
        mark.dataset.testid = "highlight-mark";
        mark.textContent = part.text;
        fragment.append(mark);
      }
    }
    node.replaceWith(fragment);
  }
}

/** The character offset (as the core counts, whitespace collapsed) where `selected` begins in
 * `root`'s text, to tell repeated quotes apart; undefined when unknown. */
export function selectionOffset(root: HTMLElement, range: globalThis.Range): number | undefined {
  const before = root.ownerDocument.createRange();
  before.selectNodeContents(root);
  try {
    before.setEnd(range.startContainer, range.startOffset);
  } catch {
    return undefined;
  }
  const flat = collapse(before.toString()).text;
  return Math.max(0, flat.replace(/^ /, "").length);
}
