-- Cinedex schema 15: two people may share a name. Until now `people.name_key` was UNIQUE, so two
-- directors named alike (once case and accents are folded) were one row, and the Wikidata id of
-- one was given to the films of both. A person is now one row per person: credits written by name
-- alone still go to the first person of that name, and credits that come with a reference id go
-- to the person carrying that id (see people::ids). The name key stays, indexed, for lookups.
--
-- SQLite cannot drop a column's UNIQUE constraint, so the table is rebuilt the documented way
-- (https://www.sqlite.org/lang_altertable.html#otheralter): the migration runs with foreign keys
-- off and is checked with foreign_key_check before it commits (see migrate.rs); the legacy rename
-- leaves the views that read `people` pointing at the new table by its name.
PRAGMA legacy_alter_table = ON;

CREATE TABLE people_rebuilt (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key TEXT NOT NULL
) STRICT;
INSERT INTO people_rebuilt (id, name, name_key) SELECT id, name, name_key FROM people;
DROP TABLE people;
ALTER TABLE people_rebuilt RENAME TO people;
CREATE INDEX people_by_name_key ON people (name_key, id);

PRAGMA legacy_alter_table = OFF;

-- Dropping the table dropped the search schema's trigger on people: have it applied anew.
DELETE FROM schema_meta WHERE key = 'search_schema';
