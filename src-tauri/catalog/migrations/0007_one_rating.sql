-- Cinedex schema 7: a film's rating follows one rule everywhere.
--
-- The library, its sort by rating, the statistics and the `rating:` search filter all read a
-- film's rating as its latest personal rating (a viewing's by the day watched, an own review's or
-- note's by the day it was written; on the same day the review, as the considered word), and when
-- there is none, the rating the film carries itself (imported from IMDb, Letterboxd or a CSV).
-- Until now the library ignored that imported rating, while the filter put it before the others.

DROP VIEW search_grams_source;
DROP VIEW search_film_source;

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

-- As in schema 6 (only the view it reads from was replaced).
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

-- Only films with a rated viewing, review or note can read differently under the new rule.
UPDATE search_film
   SET facts = (SELECT s.facts FROM search_film_source s WHERE s.id = search_film.rowid)
 WHERE rowid IN (SELECT film_id FROM viewings WHERE rating IS NOT NULL
                 UNION
                 SELECT film_id FROM reviews WHERE rating IS NOT NULL AND kind <> 'article')
   AND rowid IN (SELECT id FROM search_film_source);
