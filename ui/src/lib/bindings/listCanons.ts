// Generated from cinedex_catalog::lists (tests/bindings.rs). Do not edit by hand.

/** The canon of a list followed from a file starts with this (`file:Slow Cinema`). */
export const FILE_CANON_PREFIX = "file:";
