// The library's virtual layout: films come in segments (one per group, or one for the whole
// library), each an optional header followed by rows of `perRow` films (1 in the table, a few in
// the grid). Only the rows inside the viewport are rendered; these functions say which, and where.

export type Segment = { key: string; label: string | null; count: number };

export type Layout = {
  segments: Segment[];
  perRow: number;
  rowHeight: number;
  headerHeight: number;
  /** Pixel top of each segment (its header, if any). */
  starts: number[];
  height: number;
};

export type VisibleRow =
  | { kind: "header"; segment: number; top: number }
  | { kind: "items"; segment: number; row: number; top: number; first: number; end: number };

/** A film's place in the layout: its segment and its index inside that segment. */
export type Position = { segment: number; index: number };

export function buildLayout(segments: Segment[], perRow: number, rowHeight: number, headerHeight: number): Layout {
  const per = Math.max(1, Math.floor(perRow));
  const starts: number[] = [];
  let top = 0;
  for (const segment of segments) {
    starts.push(top);
    if (segment.label !== null) top += headerHeight;
    top += Math.ceil(segment.count / per) * rowHeight;
  }
  return { segments, perRow: per, rowHeight, headerHeight, starts, height: top };
}

function headerOf(layout: Layout, segment: number): number {
  return layout.segments[segment].label !== null ? layout.headerHeight : 0;
}

/** The last segment starting at or above `y` (binary search: there may be thousands of groups). */
function segmentAt(layout: Layout, y: number): number {
  let low = 0;
  let high = layout.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (layout.starts[mid] <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Where the library's rows start below the window's top: the header, the toolbar, the column heads. */
export const ROWS_TOP_ESTIMATE = 220;

/**
 * The rows' visible height before the scroller is measured, from the window's: the first render
 * then has the rows it keeps, instead of a fixed guess corrected (and rendered again) a moment later.
 */
export function estimatedViewport(windowHeight: number, rowHeight: number): number {
  return Math.max(rowHeight, windowHeight - ROWS_TOP_ESTIMATE);
}

/** Rows drawn beyond each edge of the view, so scrolling finds them ready. */
export const OVERSCAN = 4;

/** The headers and rows that intersect [scrollTop, scrollTop + viewport], plus `overscan` rows. */
export function visibleRows(layout: Layout, scrollTop: number, viewport: number, overscan = OVERSCAN): VisibleRow[] {
  if (layout.segments.length === 0) return [];
  const from = Math.max(0, scrollTop - overscan * layout.rowHeight);
  const to = scrollTop + viewport + overscan * layout.rowHeight;
  const rows: VisibleRow[] = [];
  for (let s = segmentAt(layout, from); s < layout.segments.length && layout.starts[s] < to; s++) {
    const segment = layout.segments[s];
    const header = headerOf(layout, s);
    if (header > 0 && layout.starts[s] + header > from) rows.push({ kind: "header", segment: s, top: layout.starts[s] });
    const body = layout.starts[s] + header;
    const count = Math.ceil(segment.count / layout.perRow);
    const firstRow = Math.max(0, Math.floor((from - body) / layout.rowHeight));
    const lastRow = Math.min(count - 1, Math.floor((to - body) / layout.rowHeight));
    for (let row = firstRow; row <= lastRow; row++) {
      const first = row * layout.perRow;
      rows.push({
        kind: "items",
        segment: s,
        row,
        top: body + row * layout.rowHeight,
        first,
        end: Math.min(segment.count, first + layout.perRow),
      });
    }
  }
  return rows;
}

/** The pixel top of the row holding a film. */
export function topOf(layout: Layout, at: Position): number {
  return layout.starts[at.segment] + headerOf(layout, at.segment) + Math.floor(at.index / layout.perRow) * layout.rowHeight;
}

export type Move = "up" | "down" | "left" | "right" | "home" | "end" | "pageUp" | "pageDown";

/** The keys that move the selection, and where. */
export const MOVE_KEYS: Record<string, Move> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
  Home: "home",
  End: "end",
  PageUp: "pageUp",
  PageDown: "pageDown",
};

/**
 * Where to scroll so the row at `at` is in view (the first row of a group brings its header with
 * it), or null when it already is.
 */
export function scrollToShow(layout: Layout, at: Position, scrollTop: number, viewport: number): number | null {
  const top = topOf(layout, at);
  const bottom = top + layout.rowHeight;
  const header = at.index < layout.perRow ? headerOf(layout, at.segment) : 0;
  if (top - header < scrollTop) return top - header;
  if (bottom > scrollTop + viewport) return bottom - viewport;
  return null;
}

/** Where the selection goes for a key: rows up and down (across group boundaries), films left and right. */
export function move(layout: Layout, at: Position | null, direction: Move, pageRows = 10): Position | null {
  const flat = layout.segments.map((s) => s.count);
  const total = flat.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const first = firstPosition(layout);
  if (at === null) return direction === "end" ? lastPosition(layout) : first;
  const per = layout.perRow;
  switch (direction) {
    case "home":
      return first;
    case "end":
      return lastPosition(layout);
    case "left":
      return step(layout, at, -1);
    case "right":
      return step(layout, at, 1);
    case "up":
    case "down":
    case "pageUp":
    case "pageDown": {
      const rows = direction === "up" || direction === "down" ? 1 : pageRows;
      const sign = direction === "up" || direction === "pageUp" ? -1 : 1;
      let here = at;
      for (let i = 0; i < rows; i++) {
        const next = verticalStep(layout, here, sign, per);
        if (next === null) break;
        here = next;
      }
      return here;
    }
  }
}

function firstPosition(layout: Layout): Position | null {
  const s = layout.segments.findIndex((seg) => seg.count > 0);
  return s < 0 ? null : { segment: s, index: 0 };
}

function lastPosition(layout: Layout): Position | null {
  for (let s = layout.segments.length - 1; s >= 0; s--) {
    if (layout.segments[s].count > 0) return { segment: s, index: layout.segments[s].count - 1 };
  }
  return null;
}

function step(layout: Layout, at: Position, delta: 1 | -1): Position {
  const index = at.index + delta;
  if (index >= 0 && index < layout.segments[at.segment].count) return { segment: at.segment, index };
  for (let s = at.segment + delta; s >= 0 && s < layout.segments.length; s += delta) {
    const count = layout.segments[s].count;
    if (count > 0) return { segment: s, index: delta > 0 ? 0 : count - 1 };
  }
  return at;
}

/** One row up or down, keeping the column where the next row has one. */
function verticalStep(layout: Layout, at: Position, sign: number, per: number): Position | null {
  const count = layout.segments[at.segment].count;
  const column = at.index % per;
  const index = at.index + sign * per;
  if (index >= 0 && index < count) return { segment: at.segment, index };
  if (sign > 0 && Math.floor(at.index / per) < Math.floor((count - 1) / per)) return { segment: at.segment, index: count - 1 };
  for (let s = at.segment + sign; s >= 0 && s < layout.segments.length; s += sign) {
    const n = layout.segments[s].count;
    if (n === 0) continue;
    if (sign > 0) return { segment: s, index: Math.min(column, n - 1) };
    const lastRowStart = Math.floor((n - 1) / per) * per;
    return { segment: s, index: Math.min(lastRowStart + column, n - 1) };
  }
  return null;
}
