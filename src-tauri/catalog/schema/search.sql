-- The derived schema: every view, trigger and full-text index that is computed from the tables.
--
-- This file is the live definition; the migrations (migrations/*.sql) only change tables. Cinedex
-- applies this file when a catalog opens and the stamp stored in `schema_meta` (this file's hash,
-- the search fold's version, the Unicode versions) differs from its own: in one transaction it
-- drops every object below, creates them again from here and fills the indexes anew
-- (search::schema). To change a view, a trigger or an index, edit this file; nothing else is
-- needed, and every catalog is re-indexed once when it is next opened. Keep the object names:
-- views and triggers start with `search` (search::bulk sets aside the triggers named `search%`
-- during imports), and `film_rating` keeps its name.
--
-- Text reaches the indexes through cinedex_search_fold (text::search_fold, registered on every
-- connection by sql_functions), the same function that folds the words of a query, so what is
-- indexed and what is looked up cannot differ. A program other than Cinedex can read every table,
-- but writing films or reviews, whose triggers re-index them, needs the function.
--
-- Three FTS5 indexes, kept in step with every write by the triggers below:
--   search_film    one row per live film (rowid = film id): titles, directors, other people,
--                  themes, `facts`: filter tokens (y2004 d2000 swatchlist r8 hreview) so that
--                  filters are FTS5 terms intersected inside the index, not SQL checked per match;
--                  then the reference's genres and the synopsis (last, so the columns before
--                  them keep their places).
--   search_grams   titles and names again, cut into trigrams, for the films whose titles or names
--                  have CJK text (matched as substrings, since those scripts have no spaces).
--   search_reviews every review, note and article (external content over search_reviews_source,
--                  rowid = review id).
--   search_notes   the margin note of every highlight (external content over
--                  search_notes_source, rowid = highlight id). Kept apart from search_reviews
--                  rather than as a column of it: an external-content row is removed by giving
--                  FTS5 the exact text it was made from, and a review's notes change one row of
--                  `highlights` at a time, each of which has its own old note at hand. The query
--                  (search::query's review tier) reads both and finds the film either way.
-- Films in the trash are not in search_film / search_grams; their reviews stay in search_reviews
-- and are filtered out by the query, so a restore only re-adds one film row.

-- A film's rating, the one rule the library, its sort, the statistics and the `rating:` filter
-- read: its latest personal rating (a viewing's by the day watched, an own review's or note's by
-- the day it was written; on the same day the review, as the considered word), and when there is
-- none, the rating the film carries itself (imported from IMDb, Letterboxd or a CSV). NULL when
-- it has neither. Films in the trash are included; readers filter them as they need.
CREATE VIEW film_rating AS
SELECT f.id AS film_id,
       coalesce(
           (SELECT rating FROM (
                SELECT v.rating, v.watched_on AS day, 0 AS weight FROM viewings v
                 WHERE v.film_id = f.id AND v.rating IS NOT NULL
                UNION ALL
                SELECT r.rating, substr(r.created_at, 1, 10), 1 FROM reviews r
                 WHERE r.film_id = f.id AND r.rating IS NOT NULL AND r.kind <> 'article')
             ORDER BY day DESC, weight DESC LIMIT 1),
           f.rating) AS rating
  FROM films f;

-- What search_film holds for each live film, every text column folded.
CREATE VIEW search_film_source AS
SELECT f.id AS id,
       cinedex_search_fold(f.title) AS title,
       cinedex_search_fold(coalesce(f.original_title, '')) AS original_title,
       cinedex_search_fold(coalesce(
           (SELECT group_concat(p.name, ' ') FROM film_people fp JOIN people p ON p.id = fp.person_id
             WHERE fp.film_id = f.id AND fp.role = 'director'), '')) AS directors,
       cinedex_search_fold(coalesce(
           (SELECT group_concat(p.name, ' ') FROM film_people fp JOIN people p ON p.id = fp.person_id
             WHERE fp.film_id = f.id AND fp.role <> 'director'), '')) AS people,
       cinedex_search_fold(coalesce(
           (SELECT group_concat(t.name, ' ') FROM film_themes ft JOIN themes t ON t.id = ft.theme_id
             WHERE ft.film_id = f.id), '')) AS themes,
       concat_ws(' ',
           iif(f.year IS NULL, NULL, 'y' || f.year || ' d' || (f.year / 10 * 10)),
           's' || f.watch_status,
           'r' || CAST(2 * coalesce(
               (SELECT fr.rating FROM film_rating fr WHERE fr.film_id = f.id), 0) AS INTEGER),
           (SELECT group_concat(DISTINCT 'h' || r.kind) FROM reviews r WHERE r.film_id = f.id),
           iif(EXISTS (SELECT 1 FROM viewings v WHERE v.film_id = f.id), 'hviewing', NULL)
       ) AS facts,
       cinedex_search_fold(coalesce(
           (SELECT group_concat(g.name, ' ') FROM film_genres fg JOIN genres g ON g.id = fg.genre_id
             WHERE fg.film_id = f.id), '')) AS genres,
       cinedex_search_fold(coalesce(f.synopsis, '')) AS synopsis
  FROM films f
 WHERE f.deleted_at IS NULL;

-- What search_grams holds: only films whose titles or names have CJK text. A film without any
-- can never match a CJK word, yet would cost dozens of trigram entries. The character ranges are
-- those of text::is_cjk (the fold keeps them as they are; a test in search::index checks that
-- both pick the same characters).
CREATE VIEW search_grams_source AS
SELECT id, titles, names
  FROM (SELECT id,
               concat_ws(' ', title, original_title) AS titles,
               concat_ws(' ', directors, people) AS names
          FROM search_film_source)
 WHERE titles || ' ' || names GLOB '*[' || char(0x3040) || '-' || char(0x30FF)
                                        || char(0x3400) || '-' || char(0x4DBF)
                                        || char(0x4E00) || '-' || char(0x9FFF)
                                        || char(0xF900) || '-' || char(0xFAFF)
                                        || char(0xAC00) || '-' || char(0xD7AF)
                                        || char(0x20000) || '-' || char(0x2FA1F) || ']*';

-- The external content of search_reviews: the folded text of every review, note and article.
CREATE VIEW search_reviews_source AS
SELECT id,
       cinedex_search_fold(title) AS title,
       cinedex_search_fold(author) AS author,
       cinedex_search_fold(body) AS body
  FROM reviews;

CREATE VIRTUAL TABLE search_film USING fts5(
    title, original_title, directors, people, themes, facts, genres, synopsis,
    tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
);

CREATE VIRTUAL TABLE search_grams USING fts5(
    titles, names, tokenize = "trigram remove_diacritics 1"
);

-- The external content of search_notes: the folded margin note of every highlight.
CREATE VIEW search_notes_source AS
SELECT id, cinedex_search_fold(coalesce(note, '')) AS note
  FROM highlights;

CREATE VIRTUAL TABLE search_notes USING fts5(
    note,
    content = 'search_notes_source', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
);

CREATE VIRTUAL TABLE search_reviews USING fts5(
    title, author, body,
    content = 'search_reviews_source', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
);

-- The terms of search_film, for typo tolerance (indexed words close to a mistyped one).
CREATE VIRTUAL TABLE search_film_vocab USING fts5vocab(search_film, 'row');

-- Re-indexing a film is "delete its rows, insert what the source views say now".

CREATE TRIGGER search_films_insert AFTER INSERT ON films BEGIN
    DELETE FROM search_film WHERE rowid = new.id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = new.id;
    DELETE FROM search_grams WHERE rowid = new.id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, titles, names FROM search_grams_source WHERE id = new.id;
END;

CREATE TRIGGER search_films_update AFTER UPDATE OF title, original_title, year, rating, watch_status, deleted_at, synopsis ON films BEGIN
    DELETE FROM search_film WHERE rowid = old.id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = old.id;
    DELETE FROM search_grams WHERE rowid = old.id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, titles, names FROM search_grams_source WHERE id = old.id;
END;

CREATE TRIGGER search_films_delete AFTER DELETE ON films BEGIN
    DELETE FROM search_film WHERE rowid = old.id;
    DELETE FROM search_grams WHERE rowid = old.id;
END;

CREATE TRIGGER search_film_people_insert AFTER INSERT ON film_people BEGIN
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = new.film_id;
    DELETE FROM search_grams WHERE rowid = new.film_id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, titles, names FROM search_grams_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_film_people_delete AFTER DELETE ON film_people BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = old.film_id;
    DELETE FROM search_grams WHERE rowid = old.film_id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, titles, names FROM search_grams_source WHERE id = old.film_id;
END;

CREATE TRIGGER search_film_themes_insert AFTER INSERT ON film_themes BEGIN
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_film_themes_delete AFTER DELETE ON film_themes BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = old.film_id;
END;

CREATE TRIGGER search_film_genres_insert AFTER INSERT ON film_genres BEGIN
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_film_genres_delete AFTER DELETE ON film_genres BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = old.film_id;
END;

-- A renamed person, theme or genre changes every film credited with it.

CREATE TRIGGER search_people_rename AFTER UPDATE OF name ON people BEGIN
    DELETE FROM search_film WHERE rowid IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source
         WHERE id IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    DELETE FROM search_grams WHERE rowid IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, titles, names FROM search_grams_source
         WHERE id IN (SELECT film_id FROM film_people WHERE person_id = new.id);
END;

CREATE TRIGGER search_themes_rename AFTER UPDATE OF name ON themes BEGIN
    DELETE FROM search_film WHERE rowid IN (SELECT film_id FROM film_themes WHERE theme_id = new.id);
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source
         WHERE id IN (SELECT film_id FROM film_themes WHERE theme_id = new.id);
END;

CREATE TRIGGER search_genres_rename AFTER UPDATE OF name ON genres BEGIN
    DELETE FROM search_film WHERE rowid IN (SELECT film_id FROM film_genres WHERE genre_id = new.id);
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source
         WHERE id IN (SELECT film_id FROM film_genres WHERE genre_id = new.id);
END;

-- Reviews and viewings change a film's facts (has:review, rating:). New review text is read from
-- its view; the text an index entry was made from is gone by the time an AFTER trigger runs, so
-- removing it folds the old values here, as the view does.

CREATE TRIGGER search_reviews_insert AFTER INSERT ON reviews BEGIN
    INSERT INTO search_reviews (rowid, title, author, body)
        SELECT id, title, author, body FROM search_reviews_source WHERE id = new.id;
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_reviews_update AFTER UPDATE OF film_id, kind, rating, title, author, body ON reviews BEGIN
    INSERT INTO search_reviews (search_reviews, rowid, title, author, body)
        VALUES ('delete', old.id, cinedex_search_fold(old.title), cinedex_search_fold(old.author),
                cinedex_search_fold(old.body));
    INSERT INTO search_reviews (rowid, title, author, body)
        SELECT id, title, author, body FROM search_reviews_source WHERE id = new.id;
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = old.film_id;
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_reviews_delete AFTER DELETE ON reviews BEGIN
    INSERT INTO search_reviews (search_reviews, rowid, title, author, body)
        VALUES ('delete', old.id, cinedex_search_fold(old.title), cinedex_search_fold(old.author),
                cinedex_search_fold(old.body));
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = old.film_id;
END;

CREATE TRIGGER search_viewings_insert AFTER INSERT ON viewings BEGIN
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_viewings_update AFTER UPDATE OF film_id, rating, watched_on ON viewings BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = old.film_id;
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_viewings_delete AFTER DELETE ON viewings BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts, genres, synopsis)
        SELECT id, title, original_title, directors, people, themes, facts, genres, synopsis FROM search_film_source WHERE id = old.film_id;
END;

-- A highlight's note is indexed as it is written; the quote needs no index of its own, being the
-- review's text already. Deleting a review deletes its highlights (ON DELETE CASCADE), which runs
-- search_notes_delete for each.

CREATE TRIGGER search_notes_insert AFTER INSERT ON highlights BEGIN
    INSERT INTO search_notes (rowid, note)
        SELECT id, note FROM search_notes_source WHERE id = new.id;
END;

CREATE TRIGGER search_notes_update AFTER UPDATE OF note ON highlights BEGIN
    INSERT INTO search_notes (search_notes, rowid, note)
        VALUES ('delete', old.id, cinedex_search_fold(coalesce(old.note, '')));
    INSERT INTO search_notes (rowid, note)
        SELECT id, note FROM search_notes_source WHERE id = new.id;
END;

CREATE TRIGGER search_notes_delete AFTER DELETE ON highlights BEGIN
    INSERT INTO search_notes (search_notes, rowid, note)
        VALUES ('delete', old.id, cinedex_search_fold(coalesce(old.note, '')));
END;
