-- Cinedex schema 2: timecoded notes on a film ("01:12:30 — the doll parade").

CREATE TABLE annotations (
    id         INTEGER PRIMARY KEY,
    film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    at_seconds INTEGER NOT NULL CHECK (at_seconds BETWEEN 0 AND 86399),
    body       TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
) STRICT;
CREATE INDEX annotations_by_film ON annotations (film_id, at_seconds);
