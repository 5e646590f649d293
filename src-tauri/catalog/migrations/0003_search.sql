-- Cinedex schema 3: full-text search and smart lists.
--
-- Three FTS5 indexes, kept in step with every write by the triggers below, so every write path
-- (the app, the CLI, a bulk importer writing the same tables) is indexed in its own transaction:
--   search_film    one row per live film (rowid = film id): titles, directors, other people,
--                  themes, and `facts`: filter tokens (y2004 d2000 swatchlist r8 hreview) so that
--                  filters are FTS5 terms intersected inside the index, not SQL checked per match.
--   search_grams   titles and names again, cut into trigrams: substrings and CJK text.
--   search_reviews every review, note and article (external content over `reviews`, rowid = id).
-- Films in the trash are not in search_film / search_grams; their reviews stay in search_reviews
-- and are filtered out by the query, so a restore only re-adds one film row.

-- A film's rating for `rating:` filters: its own, else the latest rated viewing, else its best own review.
CREATE VIEW search_film_source AS
SELECT f.id AS id,
       f.title AS title,
       coalesce(f.original_title, '') AS original_title,
       coalesce((SELECT group_concat(p.name, ' ') FROM film_people fp JOIN people p ON p.id = fp.person_id
                  WHERE fp.film_id = f.id AND fp.role = 'director'), '') AS directors,
       coalesce((SELECT group_concat(p.name, ' ') FROM film_people fp JOIN people p ON p.id = fp.person_id
                  WHERE fp.film_id = f.id AND fp.role <> 'director'), '') AS people,
       coalesce((SELECT group_concat(t.name, ' ') FROM film_themes ft JOIN themes t ON t.id = ft.theme_id
                  WHERE ft.film_id = f.id), '') AS themes,
       concat_ws(' ',
           iif(f.year IS NULL, NULL, 'y' || f.year || ' d' || (f.year / 10 * 10)),
           's' || f.watch_status,
           'r' || CAST(2 * coalesce(f.rating,
               (SELECT v.rating FROM viewings v WHERE v.film_id = f.id AND v.rating IS NOT NULL
                 ORDER BY v.watched_on DESC, v.id DESC LIMIT 1),
               (SELECT max(r.rating) FROM reviews r WHERE r.film_id = f.id AND r.kind = 'review'), 0) AS INTEGER),
           (SELECT group_concat(DISTINCT 'h' || r.kind) FROM reviews r WHERE r.film_id = f.id),
           iif(EXISTS (SELECT 1 FROM viewings v WHERE v.film_id = f.id), 'hviewing', NULL)
       ) AS facts
  FROM films f
 WHERE f.deleted_at IS NULL;

CREATE VIRTUAL TABLE search_film USING fts5(
    title, original_title, directors, people, themes, facts,
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

-- The terms of search_film, for typo tolerance (indexed words close to a mistyped one).
CREATE VIRTUAL TABLE search_film_vocab USING fts5vocab(search_film, 'row');

-- Re-indexing a film is "delete its rows, insert what search_film_source says now".
CREATE TRIGGER search_films_insert AFTER INSERT ON films BEGIN
    DELETE FROM search_film WHERE rowid = new.id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.id;
    DELETE FROM search_grams WHERE rowid = new.id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people)
          FROM search_film_source WHERE id = new.id;
END;

CREATE TRIGGER search_films_update AFTER UPDATE OF title, original_title, year, rating, watch_status, deleted_at ON films BEGIN
    DELETE FROM search_film WHERE rowid = old.id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.id;
    DELETE FROM search_grams WHERE rowid = old.id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people)
          FROM search_film_source WHERE id = old.id;
END;

CREATE TRIGGER search_films_delete AFTER DELETE ON films BEGIN
    DELETE FROM search_film WHERE rowid = old.id;
    DELETE FROM search_grams WHERE rowid = old.id;
END;

CREATE TRIGGER search_film_people_insert AFTER INSERT ON film_people BEGIN
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.film_id;
    DELETE FROM search_grams WHERE rowid = new.film_id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people)
          FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_film_people_delete AFTER DELETE ON film_people BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.film_id;
    DELETE FROM search_grams WHERE rowid = old.film_id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people)
          FROM search_film_source WHERE id = old.film_id;
END;

CREATE TRIGGER search_film_themes_insert AFTER INSERT ON film_themes BEGIN
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_film_themes_delete AFTER DELETE ON film_themes BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.film_id;
END;

-- A renamed person or theme changes every film credited with it.

CREATE TRIGGER search_people_rename AFTER UPDATE OF name ON people BEGIN
    DELETE FROM search_film WHERE rowid IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source
         WHERE id IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    DELETE FROM search_grams WHERE rowid IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people)
          FROM search_film_source WHERE id IN (SELECT film_id FROM film_people WHERE person_id = new.id);
END;

CREATE TRIGGER search_themes_rename AFTER UPDATE OF name ON themes BEGIN
    DELETE FROM search_film WHERE rowid IN (SELECT film_id FROM film_themes WHERE theme_id = new.id);
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source
         WHERE id IN (SELECT film_id FROM film_themes WHERE theme_id = new.id);
END;

-- Reviews and viewings change a film's facts (has:review, rating:).

CREATE TRIGGER search_reviews_insert AFTER INSERT ON reviews BEGIN
    INSERT INTO search_reviews (rowid, title, author, body) VALUES (new.id, new.title, new.author, new.body);
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_reviews_update AFTER UPDATE OF film_id, kind, rating, title, author, body ON reviews BEGIN
    INSERT INTO search_reviews (search_reviews, rowid, title, author, body)
        VALUES ('delete', old.id, old.title, old.author, old.body);
    INSERT INTO search_reviews (rowid, title, author, body) VALUES (new.id, new.title, new.author, new.body);
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.film_id;
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_reviews_delete AFTER DELETE ON reviews BEGIN
    INSERT INTO search_reviews (search_reviews, rowid, title, author, body)
        VALUES ('delete', old.id, old.title, old.author, old.body);
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.film_id;
END;

CREATE TRIGGER search_viewings_insert AFTER INSERT ON viewings BEGIN
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_viewings_update AFTER UPDATE OF film_id, rating, watched_on ON viewings BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.film_id;
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_viewings_delete AFTER DELETE ON viewings BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.film_id;
END;

-- Index what is already there (catalogs created before this migration).
INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
    SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source;
INSERT INTO search_grams (rowid, titles, names)
    SELECT id, concat_ws(' ', title, original_title), concat_ws(' ', directors, people) FROM search_film_source;
INSERT INTO search_reviews (search_reviews) VALUES ('rebuild');

-- A saved search, shown as a live list: its query runs again each time it is opened.
CREATE TABLE smart_lists (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    name_key   TEXT NOT NULL UNIQUE,
    query      TEXT NOT NULL CHECK (length(query) BETWEEN 1 AND 10000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
