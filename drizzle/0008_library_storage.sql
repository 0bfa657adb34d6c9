-- Keep the rows of library_resources narrow, so that a search scanning thousands of matches
-- (a common word) reads few pages: the bodies go to TOAST storage (read only for the page's
-- results), while what filters, facets and ranking read stays in the row, compressed at most.
-- Measured on 100,000 generated resources (bench/scenarios/library.ts): keeping the full
-- vector in the row costs a wider heap but saves a TOAST fetch per phrase-query recheck.
-- Storage settings are not modelled by drizzle; they live here.
ALTER TABLE "library_resources" SET (toast_tuple_target = 256);
--> statement-breakpoint
ALTER TABLE "library_resources"
	ALTER COLUMN "natures" SET STORAGE PLAIN,
	ALTER COLUMN "size_bands" SET STORAGE PLAIN,
	ALTER COLUMN "missions" SET STORAGE PLAIN,
	ALTER COLUMN "professions" SET STORAGE PLAIN,
	ALTER COLUMN "title" SET STORAGE MAIN,
	ALTER COLUMN "summary" SET STORAGE MAIN,
	ALTER COLUMN "head_vector" SET STORAGE MAIN,
	ALTER COLUMN "search_vector" SET STORAGE MAIN;
