-- Cinedex schema: canon lists. A list may follow a canon (the winners of an award on Wikidata,
-- `wikidata:Q179808`), and hold ghosts: films of the canon that are not in the catalog, kept with
-- their reference id, title, year and directors. A ghost becomes a real entry, keeping its place
-- and note, as soon as a film carrying its id (or its IMDb id) enters the catalog.

ALTER TABLE lists ADD COLUMN canon TEXT CHECK (canon IS NULL OR length(canon) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX lists_by_canon ON lists (canon) WHERE canon IS NOT NULL;

CREATE TABLE list_ghosts (
    list_id   INTEGER NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    -- The reference id: source (`wikidata`) and value (`Q…`).
    source    TEXT    NOT NULL CHECK (length(source) BETWEEN 1 AND 40),
    value     TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 500),
    imdb      TEXT    CHECK (imdb IS NULL OR length(imdb) BETWEEN 1 AND 40),
    title     TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    year      INTEGER,
    -- Director names, one per line.
    directors TEXT,
    position  INTEGER NOT NULL,
    note      TEXT,
    PRIMARY KEY (list_id, source, value)
) STRICT, WITHOUT ROWID;
CREATE INDEX list_ghosts_by_id ON list_ghosts (source, value);
CREATE INDEX list_ghosts_by_imdb ON list_ghosts (imdb) WHERE imdb IS NOT NULL;

-- A film enters the catalog with an id a ghost carries: the ghost becomes that film's entry.
CREATE TRIGGER list_ghosts_found AFTER INSERT ON external_ids BEGIN
    INSERT OR IGNORE INTO list_films (list_id, film_id, position, note)
        SELECT g.list_id, NEW.film_id, g.position, g.note FROM list_ghosts g
         WHERE (g.source = NEW.source AND g.value = NEW.value)
            OR (NEW.source = 'imdb' AND g.imdb = NEW.value);
    DELETE FROM list_ghosts
     WHERE (source = NEW.source AND value = NEW.value)
        OR (NEW.source = 'imdb' AND imdb = NEW.value);
END;
