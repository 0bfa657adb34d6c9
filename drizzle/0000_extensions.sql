-- Extensions and the French text-search configuration every feature's search uses.
-- Both exist in PGlite's contrib and in PostgreSQL's standard contrib package.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- "prévention" and "prevention" must meet: French stemming after removing accents.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
		CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
		ALTER TEXT SEARCH CONFIGURATION french_unaccent
			ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
	END IF;
END
$$;
--> statement-breakpoint
-- unaccent() is only STABLE; indexes need an IMMUTABLE wrapper with the dictionary named.
CREATE OR REPLACE FUNCTION immutable_unaccent(value text) RETURNS text
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;
