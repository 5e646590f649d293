-- Cinedex schema 9: the derived search schema moves out of the migrations.
--
-- The views, triggers and full-text indexes computed from the tables were redefined in full by
-- migrations 0003, 0006, 0007 and 0008, so their live definitions could only be found by replaying
-- them. From now on they live in one file, schema/search.sql, which Cinedex applies when a catalog
-- opens and the stamp stored here differs from its own (the file's hash, the search fold's version
-- and the Unicode versions it folds by); see search::schema. Migrations keep changing tables only.
--
-- This table holds such facts about the catalog's own schema, one value per key.
CREATE TABLE schema_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
