-- Cinedex: a person's ids at the reference services (Wikidata Q-ids, TMDB person ids), stored
-- when a film is added from the reference, so a person is found again by id (a renamed person
-- stays one) and their filmography can be asked for. One id names one person.
CREATE TABLE person_external_ids (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    source    TEXT    NOT NULL CHECK (source IN ('wikidata', 'tmdb')),
    value     TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 40),
    PRIMARY KEY (source, value)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_external_ids_by_person ON person_external_ids (person_id);
