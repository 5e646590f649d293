-- Cinedex schema: lists of films ("Best of 2004", a Letterboxd list), ordered, with a note per film.

CREATE TABLE lists (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- Folded name: two lists may not differ only by case or accents.
    name_key    TEXT    NOT NULL UNIQUE,
    description TEXT,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE list_films (
    list_id  INTEGER NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    film_id  INTEGER NOT NULL REFERENCES films (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    note     TEXT,
    PRIMARY KEY (list_id, film_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX list_films_by_film ON list_films (film_id);
