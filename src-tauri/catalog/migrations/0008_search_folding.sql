-- Cinedex schema 8: the search index holds text folded by Cinedex itself.
--
-- Until now the index saw the raw text and FTS5's unicode61 tokenizer removed the accents, while
-- the words of a query were folded by Cinedex (text::search_fold). The two disagree outside the
-- Latin alphabet: unicode61 keeps the accents of Greek and Cyrillic ("Ёжик", "Θίασος"), and
-- Cinedex's fold took Korean syllables apart and dropped the voicing marks of kana ("기생충",
-- "ゴジラ"). Such titles could not be found even when typed exactly. Letters that are not an
-- accented form of another (æ, œ, ß, ø, ł, ð, þ) were not folded by either, so "oeuvre" missed
-- "Œuvre".
--
-- Now the index is fed through the SQL function cinedex_search_fold, which Cinedex registers on
-- every connection it opens: it is the same Rust function that folds the words of a query and
-- marks the matches, so what is indexed and what is looked up can no longer differ. (A program
-- other than Cinedex can still read every table, but writing films or reviews, whose triggers
-- re-index them, needs the function and so needs Cinedex.)

DROP VIEW search_grams_source;
DROP VIEW search_film_source;

-- As in schema 7, with every text column folded.
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
               (SELECT rating FROM (
                    SELECT v.rating, v.watched_on AS day, 0 AS weight FROM viewings v
                     WHERE v.film_id = f.id AND v.rating IS NOT NULL
                    UNION ALL
                    SELECT r.rating, substr(r.created_at, 1, 10), 1 FROM reviews r
                     WHERE r.film_id = f.id AND r.rating IS NOT NULL AND r.kind <> 'article')
                 ORDER BY day DESC, weight DESC LIMIT 1),
               f.rating, 0) AS INTEGER),
           (SELECT group_concat(DISTINCT 'h' || r.kind) FROM reviews r WHERE r.film_id = f.id),
           iif(EXISTS (SELECT 1 FROM viewings v WHERE v.film_id = f.id), 'hviewing', NULL)
       ) AS facts
  FROM films f
 WHERE f.deleted_at IS NULL;

-- As in schema 6 (the fold keeps CJK characters as they are, so the filter below still finds them).
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

-- Reviews: the external content of their index becomes a view of the folded text.
DROP TRIGGER search_reviews_insert;
DROP TRIGGER search_reviews_update;
DROP TRIGGER search_reviews_delete;
DROP TABLE search_reviews;

CREATE VIEW search_reviews_source AS
SELECT id,
       cinedex_search_fold(title) AS title,
       cinedex_search_fold(author) AS author,
       cinedex_search_fold(body) AS body
  FROM reviews;

CREATE VIRTUAL TABLE search_reviews USING fts5(
    title, author, body,
    content = 'search_reviews_source', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
);

-- New text is read from the view; the text an index entry was made from is gone by the time an
-- AFTER trigger runs, so removing it folds the old values here, as the view does.
CREATE TRIGGER search_reviews_insert AFTER INSERT ON reviews BEGIN
    INSERT INTO search_reviews (rowid, title, author, body)
        SELECT id, title, author, body FROM search_reviews_source WHERE id = new.id;
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_reviews_update AFTER UPDATE OF film_id, kind, rating, title, author, body ON reviews BEGIN
    INSERT INTO search_reviews (search_reviews, rowid, title, author, body)
        VALUES ('delete', old.id, cinedex_search_fold(old.title), cinedex_search_fold(old.author),
                cinedex_search_fold(old.body));
    INSERT INTO search_reviews (rowid, title, author, body)
        SELECT id, title, author, body FROM search_reviews_source WHERE id = new.id;
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.film_id;
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_reviews_delete AFTER DELETE ON reviews BEGIN
    INSERT INTO search_reviews (search_reviews, rowid, title, author, body)
        VALUES ('delete', old.id, cinedex_search_fold(old.title), cinedex_search_fold(old.author),
                cinedex_search_fold(old.body));
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.film_id;
END;

-- Index everything again, folded. The film and trigram indexes are made anew rather than emptied:
-- deleting a row of an FTS5 table that keeps its own content reads and tokenizes the row again.
-- While they are filled, FTS5 keeps up to 256 MB of entries in memory and does not merge (as an
-- import does, search::bulk); both settings go back to FTS5's defaults after.
DROP TABLE search_film;
CREATE VIRTUAL TABLE search_film USING fts5(
    title, original_title, directors, people, themes, facts,
    tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
);
DROP TABLE search_grams;
CREATE VIRTUAL TABLE search_grams USING fts5(
    titles, names, tokenize = "trigram remove_diacritics 1"
);
INSERT INTO search_film (search_film, rank) VALUES ('hashsize', 268435456);
INSERT INTO search_film (search_film, rank) VALUES ('automerge', 0);
INSERT INTO search_reviews (search_reviews, rank) VALUES ('hashsize', 268435456);
INSERT INTO search_reviews (search_reviews, rank) VALUES ('automerge', 0);
INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
    SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source;
INSERT INTO search_grams (rowid, titles, names) SELECT id, titles, names FROM search_grams_source;
INSERT INTO search_reviews (search_reviews) VALUES ('rebuild');
INSERT INTO search_film (search_film, rank) VALUES ('hashsize', 1048576);
INSERT INTO search_film (search_film, rank) VALUES ('automerge', 4);
INSERT INTO search_reviews (search_reviews, rank) VALUES ('hashsize', 1048576);
INSERT INTO search_reviews (search_reviews, rank) VALUES ('automerge', 4);
