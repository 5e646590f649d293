// Generated from cinedex_catalog::search (tests/bindings.rs). Do not edit by hand.

/** Search result pages: the window's default, the command line's default, the largest (from 1). */
export const PAGE_SIZES = { window: 50, commandLine: 20, max: 500 } as const;
