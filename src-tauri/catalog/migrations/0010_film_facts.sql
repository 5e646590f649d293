-- Cinedex schema 10: the facts a reference (Wikidata, TMDB) knows about a film, beside the
-- person's own: a synopsis, the original language, genres and countries of origin.
--
-- Genres are kept apart from themes on purpose: themes are the person's own words about a film,
-- genres are the reference's classification, and a refresh may replace genres but never themes.

ALTER TABLE films ADD COLUMN synopsis TEXT
    CHECK (synopsis IS NULL OR length(synopsis) BETWEEN 1 AND 5000);
ALTER TABLE films ADD COLUMN original_language TEXT
    CHECK (original_language IS NULL OR length(original_language) BETWEEN 1 AND 100);

CREATE TABLE genres (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    name_key TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE film_genres (
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    genre_id INTEGER NOT NULL REFERENCES genres (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    PRIMARY KEY (film_id, genre_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX film_genres_by_genre ON film_genres (genre_id);

-- Countries are few and read as written ("Japan", "France"): no shared table is worth its joins.
CREATE TABLE film_countries (
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    country  TEXT    NOT NULL CHECK (length(country) BETWEEN 1 AND 100),
    position INTEGER NOT NULL,
    PRIMARY KEY (film_id, country)
) STRICT, WITHOUT ROWID;
