-- Cinedex schema 12: what completing a film from the reference decided, one row per film.
--
-- `applied` and `unchanged` films were matched (and filled where blank); `review` films wait in
-- the review queue with their best `candidates` (a JSON array of reference films, as the core
-- serializes them); `unmatched` films had no candidate good enough; `skipped` films were taken
-- out of the queue by the person. A run over "films missing something" passes over every film
-- with a row for the same source, which is what makes an interrupted run resumable.
CREATE TABLE completion (
    film_id      INTEGER PRIMARY KEY REFERENCES films (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL CHECK (status IN ('applied', 'unchanged', 'review', 'unmatched', 'skipped')),
    source       TEXT    NOT NULL CHECK (source IN ('wikidata', 'tmdb')),
    reference_id TEXT    CHECK (reference_id IS NULL OR length(reference_id) BETWEEN 1 AND 40),
    score        REAL    CHECK (score IS NULL OR score BETWEEN 0 AND 1),
    candidates   TEXT    NOT NULL DEFAULT '[]',
    checked_at   TEXT    NOT NULL
) STRICT;
CREATE INDEX completion_by_status ON completion (status, film_id);
