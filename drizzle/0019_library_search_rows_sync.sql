-- What search reads of the published resources (library/search.ts), in two copies (0018),
-- kept by the database on every write of library_resources, whatever code path makes it;
-- deletes follow the foreign keys. Measured on 100,000 generated resources
-- (bench/scenarios/library.ts).
--
-- library_search_rows stays narrow (under 100 bytes a row) with its vector out of line, where
-- only the GIN index reads it: counting a common word's 13,000 matches reads about a thousand
-- pages. PostgreSQL only moves values out of a row of less than about 2 kB when the row
-- arrives holding an out-of-line value already: the copy is therefore read from
-- library_resources, whose vector is out of line (0012), by INSERT … SELECT, which keeps it
-- out of line here too.
ALTER TABLE "library_search_rows" SET (toast_tuple_target = 128);--> statement-breakpoint
ALTER TABLE "library_search_rows" ALTER COLUMN "search_vector" SET STORAGE EXTERNAL;--> statement-breakpoint
-- library_search_vectors keeps its vector in the row, for what reads vectors row by row
-- (phrase checks, the newest matches, ranking): one page each instead of a TOAST lookup.
ALTER TABLE "library_search_vectors" ALTER COLUMN "search_vector" SET STORAGE MAIN;--> statement-breakpoint
CREATE FUNCTION "library_search_rows_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM library_search_rows WHERE id = NEW.id;
	DELETE FROM library_search_vectors WHERE id = NEW.id;
	IF NEW.status = 'published' THEN
		INSERT INTO library_search_rows (id, visibility, facet_bits, profession_bits, region_code, search_vector)
			SELECT id, visibility, facet_bits, profession_bits, region_code, search_vector FROM library_resources WHERE id = NEW.id;
		INSERT INTO library_search_vectors (id, visibility, facet_bits, profession_bits, region_code, search_vector, published_at)
			SELECT id, visibility, facet_bits, profession_bits, region_code, search_vector, published_at FROM library_resources WHERE id = NEW.id;
	END IF;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "library_search_rows_on_insert" AFTER INSERT ON "library_resources"
	FOR EACH ROW EXECUTE FUNCTION "library_search_rows_sync"();--> statement-breakpoint
-- An update that changes none of the copied values (a view counted) writes nothing.
CREATE TRIGGER "library_search_rows_on_update" AFTER UPDATE ON "library_resources"
	FOR EACH ROW
	WHEN (
		OLD.status IS DISTINCT FROM NEW.status
		OR OLD.visibility IS DISTINCT FROM NEW.visibility
		OR OLD.facet_bits IS DISTINCT FROM NEW.facet_bits
		OR OLD.profession_bits IS DISTINCT FROM NEW.profession_bits
		OR OLD.region_code IS DISTINCT FROM NEW.region_code
		OR OLD.published_at IS DISTINCT FROM NEW.published_at
		OR OLD.search_vector IS DISTINCT FROM NEW.search_vector
	)
	EXECUTE FUNCTION "library_search_rows_sync"();--> statement-breakpoint
INSERT INTO "library_search_rows" (id, visibility, facet_bits, profession_bits, region_code, search_vector)
	SELECT id, visibility, facet_bits, profession_bits, region_code, search_vector FROM "library_resources" WHERE status = 'published';--> statement-breakpoint
INSERT INTO "library_search_vectors" (id, visibility, facet_bits, profession_bits, region_code, search_vector, published_at)
	SELECT id, visibility, facet_bits, profession_bits, region_code, search_vector, published_at FROM "library_resources" WHERE status = 'published';
