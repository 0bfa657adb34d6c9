CREATE TABLE "library_search_heads" (
	"id" text PRIMARY KEY NOT NULL,
	"visibility" text NOT NULL,
	"facet_bits" integer NOT NULL,
	"profession_bits" integer NOT NULL,
	"region_code" text,
	"published_at" timestamp with time zone NOT NULL,
	"head_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "library_search_heads" ADD CONSTRAINT "library_search_heads_id_library_resources_id_fk" FOREIGN KEY ("id") REFERENCES "public"."library_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_search_heads_head_idx" ON "library_search_heads" USING gin ("head_vector");--> statement-breakpoint
CREATE INDEX "library_search_heads_order_idx" ON "library_search_heads" USING btree ("published_at" DESC NULLS LAST,"id");--> statement-breakpoint
-- Title and summary vectors stay in the row (compressed if need be), never out of line.
ALTER TABLE "library_search_heads" ALTER COLUMN "head_vector" SET STORAGE MAIN;--> statement-breakpoint
-- The trigger of 0019 keeps this third copy too.
CREATE OR REPLACE FUNCTION "library_search_rows_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM library_search_rows WHERE id = NEW.id;
	DELETE FROM library_search_vectors WHERE id = NEW.id;
	DELETE FROM library_search_heads WHERE id = NEW.id;
	IF NEW.status = 'published' THEN
		INSERT INTO library_search_rows (id, visibility, facet_bits, profession_bits, region_code, search_vector)
			SELECT id, visibility, facet_bits, profession_bits, region_code, search_vector FROM library_resources WHERE id = NEW.id;
		INSERT INTO library_search_vectors (id, visibility, facet_bits, profession_bits, region_code, search_vector, published_at)
			SELECT id, visibility, facet_bits, profession_bits, region_code, search_vector, published_at FROM library_resources WHERE id = NEW.id;
		INSERT INTO library_search_heads (id, visibility, facet_bits, profession_bits, region_code, published_at, head_vector)
			VALUES (NEW.id, NEW.visibility, NEW.facet_bits, NEW.profession_bits, NEW.region_code, NEW.published_at, NEW.head_vector);
	END IF;
	RETURN NULL;
END
$$;--> statement-breakpoint
INSERT INTO "library_search_heads" (id, visibility, facet_bits, profession_bits, region_code, published_at, head_vector)
	SELECT id, visibility, facet_bits, profession_bits, region_code, published_at, head_vector FROM "library_resources" WHERE status = 'published';
