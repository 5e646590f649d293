-- Cinedex schema: ghosts known by title. A list followed from a file (`file:<name>`) keeps the
-- rows it could not match as ghosts; a row without an IMDb, TMDB or Letterboxd id is kept under
-- the source `title` with the value `<year>|<folded title>` (`|<folded title>` without a year),
-- which no reference id can equal. Such a ghost becomes a real entry, keeping its place and note,
-- as soon as a film of that title (or original title) and year enters the catalog; one without a
-- year takes the first film of that title. Ghosts with an id keep following `list_ghosts_found`.

CREATE TRIGGER list_ghosts_titled AFTER INSERT ON films WHEN NEW.deleted_at IS NULL BEGIN
    INSERT OR IGNORE INTO list_films (list_id, film_id, position, note)
        SELECT g.list_id, NEW.id, g.position, g.note FROM list_ghosts g
         WHERE g.source = 'title'
           AND g.value IN (coalesce(NEW.year, '') || '|' || NEW.title_key,
                           coalesce(NEW.year, '') || '|' || NEW.original_title_key,
                           '|' || NEW.title_key,
                           '|' || NEW.original_title_key);
    DELETE FROM list_ghosts
     WHERE source = 'title'
       AND value IN (coalesce(NEW.year, '') || '|' || NEW.title_key,
                     coalesce(NEW.year, '') || '|' || NEW.original_title_key,
                     '|' || NEW.title_key,
                     '|' || NEW.original_title_key);
END;
