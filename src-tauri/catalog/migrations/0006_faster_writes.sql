-- Cinedex schema 6: two changes that make every write cheaper, large imports most of all.
--
-- 1. CHECK constraints that compare with a list of three or more values (`x IN ('a', 'b', 'c')`)
--    made SQLite build a temporary b-tree of the list for every row inserted or updated: about a
--    fifth of the cost of importing a film with its director. They become chains of `=`, which
--    accept and refuse exactly the same values. SQLite cannot ALTER a CHECK; the documented way to
--    change one whose meaning stays the same is to edit the table's stored definition
--    (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes").
--    `RESET` reloads the schema; the statements after this part change the schema version, so
--    other connections reload it too.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql,
       'CHECK (watch_status IN (''none'', ''watchlist'', ''watched''))',
       'CHECK (watch_status = ''none'' OR watch_status = ''watchlist'' OR watch_status = ''watched'')')
 WHERE type = 'table' AND name = 'films';
UPDATE sqlite_schema
   SET sql = replace(sql,
       'CHECK (role IN (''director'', ''writer'', ''actor'', ''composer'', ''cinematographer'', ''producer'', ''editor''))',
       'CHECK (role = ''director'' OR role = ''writer'' OR role = ''actor'' OR role = ''composer''
                              OR role = ''cinematographer'' OR role = ''producer'' OR role = ''editor'')')
 WHERE type = 'table' AND name = 'film_people';
UPDATE sqlite_schema
   SET sql = replace(sql,
       'CHECK (kind IN (''note'', ''review'', ''article''))',
       'CHECK (kind = ''note'' OR kind = ''review'' OR kind = ''article'')')
 WHERE type = 'table' AND name = 'reviews';
PRAGMA writable_schema = RESET;

-- 2. The trigram index keeps only films whose titles or names have CJK text.
--
-- search_grams serves one kind of query: words of scripts written without spaces (Han, kana,
-- Hangul), which the word tokenizer cannot split and which are matched as substrings. A film whose
-- titles and names hold none of those characters can never match such a word, yet cost dozens of
-- trigram entries each; in a library of Latin titles that was about a third of all indexing work.
-- The character ranges below are those of `search::parser::is_cjk` (a test checks they agree).

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

-- The triggers that wrote search_grams, now from the view above.
DROP TRIGGER search_films_insert;
DROP TRIGGER search_films_update;
DROP TRIGGER search_film_people_insert;
DROP TRIGGER search_film_people_delete;
DROP TRIGGER search_people_rename;

CREATE TRIGGER search_films_insert AFTER INSERT ON films BEGIN
    DELETE FROM search_film WHERE rowid = new.id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.id;
    DELETE FROM search_grams WHERE rowid = new.id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, titles, names FROM search_grams_source WHERE id = new.id;
END;

CREATE TRIGGER search_films_update AFTER UPDATE OF title, original_title, year, rating, watch_status, deleted_at ON films BEGIN
    DELETE FROM search_film WHERE rowid = old.id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.id;
    DELETE FROM search_grams WHERE rowid = old.id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, titles, names FROM search_grams_source WHERE id = old.id;
END;

CREATE TRIGGER search_film_people_insert AFTER INSERT ON film_people BEGIN
    DELETE FROM search_film WHERE rowid = new.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = new.film_id;
    DELETE FROM search_grams WHERE rowid = new.film_id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, titles, names FROM search_grams_source WHERE id = new.film_id;
END;

CREATE TRIGGER search_film_people_delete AFTER DELETE ON film_people BEGIN
    DELETE FROM search_film WHERE rowid = old.film_id;
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source WHERE id = old.film_id;
    DELETE FROM search_grams WHERE rowid = old.film_id;
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, titles, names FROM search_grams_source WHERE id = old.film_id;
END;

CREATE TRIGGER search_people_rename AFTER UPDATE OF name ON people BEGIN
    DELETE FROM search_film WHERE rowid IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    INSERT INTO search_film (rowid, title, original_title, directors, people, themes, facts)
        SELECT id, title, original_title, directors, people, themes, facts FROM search_film_source
         WHERE id IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    DELETE FROM search_grams WHERE rowid IN (SELECT film_id FROM film_people WHERE person_id = new.id);
    INSERT INTO search_grams (rowid, titles, names)
        SELECT id, titles, names FROM search_grams_source
         WHERE id IN (SELECT film_id FROM film_people WHERE person_id = new.id);
END;

-- Rewrite the index with only those films: a new table is faster than deleting most rows of one.
DROP TABLE search_grams;
CREATE VIRTUAL TABLE search_grams USING fts5(
    titles, names, tokenize = "trigram remove_diacritics 1"
);
INSERT INTO search_grams (rowid, titles, names) SELECT id, titles, names FROM search_grams_source;
