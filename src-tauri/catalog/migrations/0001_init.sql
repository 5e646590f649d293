-- Cinedex schema 1: films, people and their roles, themes, reviews, viewings, external ids.
-- Append-only: once landed, a migration is never edited; later changes go in 0002_..., 0003_...

CREATE TABLE films (
    id                 INTEGER PRIMARY KEY,
    title              TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    original_title     TEXT             CHECK (original_title IS NULL OR length(original_title) BETWEEN 1 AND 500),
    -- Folded (lower case, no diacritics) copies used for sorting and the title filter.
    title_key          TEXT    NOT NULL,
    original_title_key TEXT    NOT NULL DEFAULT '',
    year               INTEGER          CHECK (year IS NULL OR year BETWEEN 1870 AND 9999),
    runtime_minutes    INTEGER          CHECK (runtime_minutes IS NULL OR runtime_minutes > 0),
    rating             REAL             CHECK (rating IS NULL OR (rating BETWEEN 0.5 AND 5 AND rating * 2 = CAST(rating * 2 AS INTEGER))),
    watch_status       TEXT    NOT NULL DEFAULT 'none' CHECK (watch_status IN ('none', 'watchlist', 'watched')),
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    deleted_at         TEXT
) STRICT;
CREATE INDEX films_by_title ON films (title_key, id);
CREATE INDEX films_by_year ON films (year, title_key);
CREATE INDEX films_in_trash ON films (deleted_at) WHERE deleted_at IS NOT NULL;

-- A person is one row whatever their roles; name_key makes names unique regardless of case.
CREATE TABLE people (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE film_people (
    film_id   INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
    role      TEXT    NOT NULL CHECK (role IN ('director', 'writer', 'actor', 'composer', 'cinematographer', 'producer', 'editor')),
    position  INTEGER NOT NULL,
    credited_as TEXT,
    PRIMARY KEY (film_id, role, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX film_people_by_person ON film_people (person_id, role);

CREATE TABLE themes (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    name_key TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE film_themes (
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    PRIMARY KEY (film_id, theme_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX film_themes_by_theme ON film_themes (theme_id);

CREATE TABLE reviews (
    id           INTEGER PRIMARY KEY,
    film_id      INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL DEFAULT 'review' CHECK (kind IN ('note', 'review', 'article')),
    title        TEXT,
    author       TEXT,
    source       TEXT,
    url          TEXT,
    published_on TEXT    CHECK (published_on IS NULL OR published_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    rating       REAL    CHECK (rating IS NULL OR (rating BETWEEN 0.5 AND 5 AND rating * 2 = CAST(rating * 2 AS INTEGER))),
    spoiler      INTEGER NOT NULL DEFAULT 0 CHECK (spoiler IN (0, 1)),
    body         TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
) STRICT;
CREATE INDEX reviews_by_film ON reviews (film_id);

CREATE TABLE viewings (
    id         INTEGER PRIMARY KEY,
    film_id    INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    watched_on TEXT    NOT NULL CHECK (watched_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    rewatch    INTEGER NOT NULL DEFAULT 0 CHECK (rewatch IN (0, 1)),
    rating     REAL    CHECK (rating IS NULL OR (rating BETWEEN 0.5 AND 5 AND rating * 2 = CAST(rating * 2 AS INTEGER))),
    place      TEXT,
    note       TEXT,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
) STRICT;
CREATE INDEX viewings_by_film ON viewings (film_id, watched_on);

-- Identifiers in other services (imdb, tmdb, letterboxd, ...): what makes re-imports idempotent.
CREATE TABLE external_ids (
    film_id INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    source  TEXT    NOT NULL CHECK (length(source) BETWEEN 1 AND 40),
    value   TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 500),
    PRIMARY KEY (source, value)
) STRICT;
CREATE INDEX external_ids_by_film ON external_ids (film_id);
