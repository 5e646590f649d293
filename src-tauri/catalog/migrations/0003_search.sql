-- Cinedex schema 3: full-text search and smart lists.
--
-- Three FTS5 indexes, kept in step with every write by the triggers below, so any write path
-- (the app, the CLI, a bulk importer using the same tables) is indexed in its own transaction:
--   search_film    one row per live film (rowid = film id): titles, directors, other people, themes.
--   search_grams   the same titles and names cut into trigrams: substrings and CJK text.
--   search_reviews every review, note and article (external content over `reviews`, rowid = review id).
-- Films in the trash are not in search_film / search_grams; their reviews stay in search_reviews
-- and are filtered out by the query, so a restore only re-adds one film row.

CREATE VIEW search_film_source AS
SELECT f.id AS id,
       f.title AS title,
       coalesce(f.original_title, '') AS original_title,
       coalesce((SELECT group_concat(p.name, ' ') FROM film_people fp JOIN people p ON p.id = fp.person_id
                  WHERE fp.film_id = f.id AND fp.role = 'director'), '') AS directors,
       coalesce((SELECT group_concat(p.name, ' ') FROM film_people fp JOIN people p ON p.id = fp.person_id
                  WHERE fp.film_id = f.id AND fp.role <> 'director'), '') AS people,
       coalesce((SELECT group_concat(t.name, ' ') FROM film_themes ft JOIN themes t ON t.id = ft.theme_id
                  WHERE ft.film_id = f.id), '') AS themes
  FROM films f
 WHERE f.deleted_at IS NULL;

CREATE VIRTUAL TABLE search_film USING fts5(
    title, original_title, directors, people, themes,
    tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
);

CREATE VIRTUAL TABLE search_grams USING fts5(
    titles, names, tokenize = "trigram remove_diacritics 1"
);

CREATE VIRTUAL TABLE search_reviews USING fts5(
    title, author, body,
    content = 'reviews', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
);

-- The terms of search_film, for typo tolerance (words close to a mistyped one).
CREATE VIRTUAL TABLE search_film_vocab USING fts5vocab(search_film, 'row');

-- Re-indexing one film is "delete its rows, insert what the source view says now".
CREATE TRIGGER search_films_insert AFTER INSERT ON films BEGIN
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes)
        SELECT id, title, original_title, directors, people, themes FROM search_film_source WHERE id = new.id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people) FROM search_film_source WHERE id = new.id;
END;

CREATE TRIGGER search_films_update AFTER UPDATE OF title, original_title, deleted_at ON films BEGIN
    DELETE FROM search_film WHERE rowid = old.id;
    DELETE FROM search_grams WHERE rowid = old.id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes)
        SELECT id, title, original_title, directors, people, themes FROM search_film_source WHERE id = new.id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people) FROM search_film_source WHERE id = new.id;
END;

CREATE TRIGGER search_films_delete AFTER DELETE ON films BEGIN
    DELETE FROM search_film WHERE rowid = old.id;
    DELETE FROM search_grams WHERE rowid = old.id;
END;

CREATE TRIGGER search_film_people_insert AFTER INSERT ON film_people BEGIN
    DELETE FROM search_film WHERE rowid = new.film_id;
    DELETE FROM search_grams WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes)
        SELECT id, title, original_title, directors, people, themes FROM search_film_source WHERE id = new.film_id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people) FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_film_people_delete AFTER DELETE ON film_people BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    DELETE FROM search_grams WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes)
        SELECT id, title, original_title, directors, people, themes FROM search_film_source WHERE id = old.film_id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people) FROM search_film_source WHERE id = old.film_id;
END;

CREATE TRIGGER search_film_themes_insert AFTER INSERT ON film_themes BEGIN
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes)
        SELECT id, title, original_title, directors, people, themes FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_film_themes_delete AFTER DELETE ON film_themes BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes)
        SELECT id, title, original_title, directors, people, themes FROM search_film_source WHERE id = old.film_id;
END;

-- A renamed person or theme changes every film credited with it.
CREATE TRIGGER search_people_rename AFTER UPDATE OF name ON people BEGIN
    DELETE FROM search_film WHERE rowid IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    DELETE FROM search_grams WHERE rowid IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes)
        SELECT id, title, original_title, directors, people, themes FROM search_film_source
         WHERE id IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people) FROM search_film_source
         WHERE id IN (SELECT film_id FROM film_people WHERE person_id = new.id);
END;

CREATE TRIGGER search_themes_rename AFTER UPDATE OF name ON themes BEGIN
    DELETE FROM search_film WHERE rowid IN (SELECT film_id FROM film_themes WHERE theme_id = new.id);
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes)
        SELECT id, title, original_title, directors, people, themes FROM search_film_source
         WHERE id IN (SELECT film_id FROM film_themes WHERE theme_id = new.id);
END;

CREATE TRIGGER search_reviews_insert AFTER INSERT ON reviews BEGIN
    INSERT INTO search_reviews (rowid, title, author, body) VALUES (new.id, new.title, new.author, new.body);
END;

CREATE TRIGGER search_reviews_update AFTER UPDATE OF title, author, body ON reviews BEGIN
    INSERT INTO search_reviews (search_reviews, rowid, title, author, body)
        VALUES ('delete', old.id, old.title, old.author, old.body);
    INSERT INTO search_reviews (rowid, title, author, body) VALUES (new.id, new.title, new.author, new.body);
END;

CREATE TRIGGER search_reviews_delete AFTER DELETE ON reviews BEGIN
    INSERT INTO search_reviews (search_reviews, rowid, title, author, body)
        VALUES ('delete', old.id, old.title, old.author, old.body);
END;

-- Index existing rows (catalogs created before this migration).
INSERT INTO search_film (rowid, title, original_title, directors, people, themes)
    SELECT id, title, original_title, directors, people, themes FROM search_film_source;
INSERT INTO search_grams (rowid, titles, names)
    SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people) FROM search_film_source;
INSERT INTO search_reviews (search_reviews) VALUES ('rebuild');

-- A saved search, shown as a live list: its query runs again each time it is opened.
CREATE TABLE smart_lists (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    name_key   TEXT NOT NULL UNIQUE,
    query      TEXT NOT NULL CHECK (length(query) <= 10000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
