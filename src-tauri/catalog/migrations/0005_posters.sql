-- Cinedex: posters. A film's poster is an image the person attached, copied into the catalog's
-- posters folder; this column holds the stored original's file name (the thumbnail sits beside
-- it), or NULL for films that show a generated placeholder.
ALTER TABLE films ADD COLUMN poster TEXT CHECK (poster IS NULL OR length(poster) BETWEEN 1 AND 100);
