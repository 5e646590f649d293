-- Cinedex schema 11: highlights and margin notes on reviews, notes and saved articles.
--
-- A highlight is anchored by its text, not by a position alone: `quote` is the passage as the
-- reader saw it (the review's Markdown read as plain text, whitespace collapsed), `prefix` and
-- `suffix` are up to 32 characters on either side, and `start_offset` is where the quote began, in
-- characters of that plain text. When the review is edited the highlight is found again by its
-- quote and context nearest the old offset (see highlights/anchor.rs); when its quote is gone it
-- is kept, flagged `orphaned`, never deleted behind the person's back.
CREATE TABLE highlights (
    id           INTEGER PRIMARY KEY,
    review_id    INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    quote        TEXT    NOT NULL CHECK (length(quote) BETWEEN 1 AND 2000),
    prefix       TEXT    NOT NULL DEFAULT '' CHECK (length(prefix) <= 32),
    suffix       TEXT    NOT NULL DEFAULT '' CHECK (length(suffix) <= 32),
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    orphaned     INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    note         TEXT    CHECK (note IS NULL OR length(note) BETWEEN 1 AND 5000),
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
) STRICT;
CREATE INDEX highlights_by_review ON highlights (review_id, start_offset);
